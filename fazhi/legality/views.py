from __future__ import annotations

import datetime as dt
from typing import Any

from django.shortcuts import render

from fazhi.core.permissions import AccessDenied
from fazhi.core.views import ObjectDetailView, ObjectEditView, ObjectListView

from . import figures, forms, imports, stats
from .choices import OPEN_STATES
from .figure_views import FiguresView, chosen_year
from .figurekit import year_bounds
from .ledger_views import LedgerImportView
from .models import AdviserEngagement, LegalAdviser, ReviewRequest
from .transitions import LedgerListMixin, TransitionView, WorkflowDetailMixin


class DueFilterMixin:
    """`?due=overdue|soon` on lists of open matters with a due date."""
    due_field = 'due_on'
    open_filter: dict[str, Any] = {}
    request: Any

    def get_queryset(self) -> Any:
        qs = super().get_queryset()  # type: ignore[misc]
        due, today = self.request.GET.get('due'), dt.date.today()
        if due == 'overdue':
            qs = qs.filter(**self.open_filter, **{f'{self.due_field}__lt': today})
        elif due == 'soon':
            qs = qs.filter(**self.open_filter, **{f'{self.due_field}__range': (today, today + dt.timedelta(days=3))})
        return qs


class ReviewListView(LedgerListMixin, DueFilterMixin, ObjectListView):
    model = ReviewRequest
    columns = ('serial', 'title', 'unit', 'matter_type', 'is_major', 'received_on', 'due_on', 'state', 'reviewer',
               'outcome', 'suggestion_count', 'concluded_on', 'on_time')
    search_fields = ('title', 'serial', 'counterparty')
    filters = ('matter_type', 'state', 'unit', 'outcome', 'reviewer', 'is_major')
    add_url_name = 'legality:review_add'
    import_url_name = 'legality:review_import'
    quick_filters = (('全部', ''), ('审查中', 'state=reviewing'), ('待分派', 'state=submitted'),
                     ('已逾期', 'due=overdue'), ('3日内到期', 'due=soon'), ('重大合同', 'is_major=True'))
    open_filter = {'state__in': OPEN_STATES}

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit', 'reviewer')


class ReviewDetailView(WorkflowDetailMixin, ObjectDetailView):
    model = ReviewRequest
    template_name = 'legality/review_detail.html'
    fields = ('serial', 'unit', 'matter_type', 'title', 'is_major', 'counterparty', 'amount', 'received_on',
              'due_on', 'state', 'reviewer', 'assigned_on', 'outcome', 'opinion', 'suggestion_count',
              'concluded_on', 'on_time')
    transition_forms = forms.TRANSITION_FORMS
    transition_url_name = 'legality:review_transition'
    edit_url_name = 'legality:review_edit'


class ReviewEditView(ObjectEditView):
    model = ReviewRequest
    form_class = forms.ReviewRequestForm

    def get_object(self, queryset: Any = None) -> Any:
        obj = super().get_object(queryset)
        if obj is not None and obj.state not in OPEN_STATES:
            raise AccessDenied('已出具意见或已撤回的审查事项不能修改。')
        return obj


class ReviewTransitionView(TransitionView):
    model = ReviewRequest
    forms = forms.TRANSITION_FORMS


class ReviewImportView(LedgerImportView):
    spec = imports.REVIEW_LEDGER
    list_url_name = 'legality:review_list'


class ReviewStatsView(ReviewListView):
    """Counts by unit and matter type for a year (requests received), with the advisers' counts."""

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        year = chosen_year(request)
        start, end = year_bounds(year)
        reviews, advisers, engagements = stats.visible(request.user)
        return render(request, 'legality/stats.html', {
            'year': year, 'reviews': stats.reviews_by_unit_and_type(reviews, start, end),
            'advisers': stats.adviser_counts(advisers, engagements, start, end)})


class LegalityFiguresView(FiguresView):
    model = ReviewRequest
    figures = figures.FIGURES
    title = '合法性审查与法律顾问指标'


class AdviserListView(LedgerListMixin, ObjectListView):
    model = LegalAdviser
    columns = ('name', 'unit', 'kind', 'is_chief', 'organization', 'specialty', 'engaged_from', 'engaged_until',
               'is_active')
    search_fields = ('name', 'organization', 'specialty')
    filters = ('unit', 'kind', 'is_chief', 'is_active')
    add_url_name = 'legality:adviser_add'
    import_url_name = 'legality:adviser_import'
    quick_filters = (('全部', ''), ('首席法律顾问', 'is_chief=True'), ('在聘', 'is_active=True'))

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit')


class AdviserDetailView(ObjectDetailView):
    model = LegalAdviser
    template_name = 'legality/adviser_detail.html'
    fields = ('name', 'unit', 'kind', 'is_chief', 'organization', 'license_no', 'specialty', 'phone',
              'engaged_from', 'engaged_until', 'is_active')

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        engagements = AdviserEngagement.objects.visible_to(self.request.user).filter(adviser=self.object)
        context['engagements'] = engagements.select_related('unit')[:200]
        context['counts'] = stats.adviser_counts(LegalAdviser.objects.filter(pk=self.object.pk), engagements,
                                                 dt.date(2000, 1, 1), dt.date(2100, 12, 31))['engagements']
        return context


class AdviserEditView(ObjectEditView):
    model = LegalAdviser
    form_class = forms.LegalAdviserForm


class AdviserImportView(LedgerImportView):
    spec = imports.ADVISER_LEDGER
    list_url_name = 'legality:adviser_list'


class EngagementListView(LedgerListMixin, ObjectListView):
    model = AdviserEngagement
    columns = ('occurred_on', 'adviser', 'unit', 'kind', 'subject', 'quantity')
    search_fields = ('subject', 'adviser__name')
    filters = ('adviser', 'unit', 'kind')
    add_url_name = 'legality:engagement_add'
    import_url_name = 'legality:engagement_import'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('adviser', 'unit')


class EngagementDetailView(ObjectDetailView):
    model = AdviserEngagement
    template_name = 'legality/engagement_detail.html'
    fields = ('adviser', 'unit', 'kind', 'occurred_on', 'subject', 'quantity', 'review', 'note')


class EngagementEditView(ObjectEditView):
    model = AdviserEngagement
    form_class = forms.AdviserEngagementForm


class EngagementImportView(LedgerImportView):
    spec = imports.ENGAGEMENT_LEDGER
    list_url_name = 'legality:engagement_list'
