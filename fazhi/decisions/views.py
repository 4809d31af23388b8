from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from fazhi.core.permissions import AccessDenied
from fazhi.core.views import ObjectDetailView, ObjectEditView, ObjectListView
from fazhi.legality.figure_views import FiguresView
from fazhi.legality.ledger_views import LedgerImportView
from fazhi.legality.transitions import InternalPageMixin, LedgerListMixin, TransitionView, WorkflowDetailMixin

from . import figures, forms, imports
from .choices import Moderation
from .consultation import minimum_period
from .models import DecisionCatalogue, DecisionEvaluation, DecisionProcedure, MajorDecision, PublicComment


class CatalogueListView(InternalPageMixin, LedgerListMixin, ObjectListView):
    model = DecisionCatalogue
    columns = ('title', 'year', 'unit', 'state', 'party_consent_on', 'published_on')
    search_fields = ('title',)
    filters = ('year', 'state', 'unit')
    add_url_name = 'decisions:catalogue_add'


class CatalogueDetailView(InternalPageMixin, WorkflowDetailMixin, ObjectDetailView):
    model = DecisionCatalogue
    template_name = 'decisions/catalogue_detail.html'
    fields = ('title', 'year', 'unit', 'state', 'party_consent_on', 'published_on', 'note')
    transition_forms = forms.CATALOGUE_FORMS
    transition_url_name = 'decisions:catalogue_transition'
    edit_url_name = 'decisions:catalogue_edit'

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context['decisions'] = MajorDecision.objects.visible_to(self.request.user).filter(
            catalogue=self.object).select_related('unit')
        return context


class CatalogueEditView(ObjectEditView):
    model = DecisionCatalogue
    form_class = forms.CatalogueForm


class CatalogueTransitionView(TransitionView):
    model = DecisionCatalogue
    forms = forms.CATALOGUE_FORMS


def with_comment_counts(qs: Any) -> Any:
    return qs.annotate(comment_count=Count('comments', distinct=True),
                       unmoderated=Count('comments', filter=Q(comments__moderation=Moderation.PENDING), distinct=True))


class DecisionListView(InternalPageMixin, LedgerListMixin, ObjectListView):
    model = MajorDecision
    columns = ('title', 'unit', 'deciding_body', 'catalogue', 'planned_on', 'state', 'comment_closes_on',
               'comment_count', 'decided_on')
    search_fields = ('title', 'summary')
    filters = ('state', 'unit', 'catalogue', 'deciding_body')
    add_url_name = 'decisions:decision_add'
    import_url_name = 'decisions:decision_import'
    quick_filters = (('全部', ''), ('征求意见中', 'state=consulting'), ('待决定', 'state=consulted'),
                     ('已决定', 'state=decided'), ('已评估', 'state=evaluated'))

    def get_columns(self) -> list[Any]:
        columns = super().get_columns()
        return [(k, '意见数' if k == 'comment_count' else h, g) for k, h, g in columns]

    def get_queryset(self) -> Any:
        qs = super().get_queryset().select_related('unit', 'deciding_body', 'catalogue')
        return with_comment_counts(qs).order_by('-catalogue__year', 'planned_on', 'id')


class DecisionDetailView(InternalPageMixin, WorkflowDetailMixin, ObjectDetailView):
    model = MajorDecision
    template_name = 'decisions/decision_detail.html'
    fields = ('title', 'summary', 'catalogue', 'deciding_body', 'unit', 'planned_on', 'state', 'started_on',
              'comment_opens_on', 'comment_closes_on', 'shortened_reason', 'feedback_published_on', 'decided_on',
              'decision_meeting', 'decision_result', 'withdrawn_reason', 'evaluated_on')
    transition_forms = forms.DECISION_FORMS
    transition_url_name = 'decisions:decision_transition'
    edit_url_name = 'decisions:decision_edit'

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        decision, user = self.object, self.request.user
        comments = PublicComment.objects.visible_to(user).filter(decision=decision)
        context.update(
            procedures=DecisionProcedure.objects.visible_to(user).filter(decision=decision).select_related('review'),
            comments=comments, counts=decision.counts(), evaluations=decision.evaluations.all(),
            can_edit_procedures=DecisionProcedure.objects.visible_to(user, 'change').filter(decision=decision).exists(),
            can_handle_comments=comments.visible_to(user, 'change').exists(),
            minimum=minimum_period(decision.comment_opens_on) if decision.comment_opens_on else None)
        return context


class DecisionEditView(ObjectEditView):
    model = MajorDecision
    form_class = forms.DecisionForm

    def get_object(self, queryset: Any = None) -> Any:
        obj = super().get_object(queryset)
        if obj is not None and obj.state in ('decided', 'evaluated', 'withdrawn'):
            raise AccessDenied('已决定或已调出目录的决策事项不能修改。')
        return obj


class DecisionTransitionView(TransitionView):
    model = MajorDecision
    forms = forms.DECISION_FORMS


class DecisionImportView(LedgerImportView):
    spec = imports.CATALOGUE_LEDGER
    list_url_name = 'decisions:decision_list'


class ProcedureEditView(ObjectEditView):
    model = DecisionProcedure
    form_class = forms.ProcedureForm

    def get_object(self, queryset: Any = None) -> Any:
        if 'pk' not in self.kwargs:
            raise AccessDenied('决策的五项法定程序随决策事项自动建立。')
        obj = super().get_object(queryset)
        if obj.decision.state in ('decided', 'evaluated'):
            raise AccessDenied('决策已作出，程序记录不能再修改。')
        return obj


class CommentListView(InternalPageMixin, ObjectListView):
    """The moderation and disposition queue of public comments."""
    model = PublicComment
    columns = ('decision', 'display_name', 'summary', 'submitted_on', 'moderation', 'disposition', 'disposition_reason')
    search_fields = ('content', 'author_name')
    filters = ('decision', 'moderation', 'disposition')
    template_name = 'kit/object_list.html'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('decision')

    def get_columns(self) -> list[Any]:
        labels = {'display_name': '署名', 'summary': '意见摘要'}
        return [(k, labels.get(k, h), g) for k, h, g in super().get_columns()]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context['quick_filters'] = (('全部', ''), ('待审核', 'moderation=pending'),
                                    ('待处理', 'moderation=approved&disposition=pending'))
        return context


class CommentDetailView(InternalPageMixin, ObjectDetailView):
    model = PublicComment
    template_name = 'decisions/comment_detail.html'
    fields = ('decision', 'author_name', 'contact', 'content', 'submitted_on', 'moderation', 'moderation_reason',
              'disposition', 'disposition_reason', 'disposed_on')


class CommentModerateView(ObjectEditView):
    model = PublicComment
    form_class = forms.ModerationForm


class CommentDisposeView(ObjectEditView):
    model = PublicComment
    form_class = forms.DispositionForm


class EvaluationListView(InternalPageMixin, ObjectListView):
    model = DecisionEvaluation
    columns = ('decision', 'evaluator', 'method', 'started_on', 'completed_on', 'conclusion', 'findings')
    search_fields = ('decision__title', 'evaluator', 'findings')
    filters = ('conclusion',)

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('decision')


class DecisionFiguresView(FiguresView):
    model = MajorDecision
    figures = figures.FIGURES
    title = '重大行政决策指标（目录管理、法定程序履行、公众意见）'
