"""Pages of the litigation ledger: thin classes over the generic scoped views and the case-ledger kit."""
from __future__ import annotations

from typing import Any

from fazhi.core.views import ObjectDetailView, ObjectEditView
from fazhi.core.workflow import timeline
from fazhi.reconsideration.casework import transitions, web

from . import forms, importing
from .figures import FIGURES
from .models import CourtHearing, JudicialSuggestion, Lawsuit

LAWSUIT_COLUMNS = ('case_number', 'complaint_received_on', 'instance', 'plaintiff_names', 'defendant_unit', 'domain',
                   'state', 'outcome', 'lost', 'concluded_on', 'next_due_on', 'next_due_label', 'officer')
HEARING_COLUMNS = ('held_on', 'lawsuit', 'appearance', 'appeared_name', 'appeared_position', 'court_notified_head',
                   'head_appeared')
SUGGESTION_COLUMNS = ('received_on', 'lawsuit', 'content', 'reply_due_on', 'replied_on')


class LawsuitListView(web.FilteredListView):
    model = Lawsuit
    columns = LAWSUIT_COLUMNS
    search_fields = ('case_number', 'plaintiff_names', 'cause', 'court')
    filters = ('state', 'instance', 'outcome', 'domain', 'defendant_unit', 'officer', 'lost', 'defence_late',
               'complaint_received_on__gte', 'complaint_received_on__lte')
    add_url_name = 'litigation:lawsuit_add'
    import_url_name = 'litigation:lawsuit_import'
    queue_url_name = 'litigation:queue'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('defendant_unit', 'officer')


class LawsuitDetailView(ObjectDetailView):
    model = Lawsuit
    template_name = 'litigation/lawsuit_detail.html'
    fields = ('case_number', 'state', 'court', 'instance', 'parent_case', 'plaintiff_names', 'plaintiff_kind',
              'defendant_unit', 'reconsideration_case', 'co_defendant_reconsideration', 'cause', 'domain',
              'complaint_received_on', 'filed_on', 'officer', 'summary', 'defence_submitted_on', 'defence_late',
              'hearing_count', 'outcome', 'lost', 'judged_on', 'judgment_served_on', 'concluded_on', 'effective_on',
              'appellant', 'appealed_on')

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        suit, user = self.object, self.request.user
        context.update(
            dues=suit.due_dates(), timeline=timeline(suit),
            transitions=transitions.available(suit) if context['can_change'] else [],
            hearings=CourtHearing.objects.visible_to(user).filter(lawsuit=suit),
            suggestions=JudicialSuggestion.objects.visible_to(user).filter(lawsuit=suit),
            later=Lawsuit.objects.visible_to(user).filter(parent_case=suit))
        return context


class LawsuitEditView(ObjectEditView):
    model = Lawsuit
    form_class = forms.LawsuitForm


class LawsuitTransitionView(web.TransitionView):
    model = Lawsuit


class QueueView(web.QueueView):
    model = Lawsuit
    title = '行政应诉期限队列'


class FiguresView(web.FiguresView):
    model = Lawsuit
    catalogue = FIGURES
    records_url_name = 'litigation:figure_records'
    title = '行政应诉统计指标'


class FigureRecordsView(web.FigureRecordsView):
    catalogue = FIGURES
    columns_by_model = {'litigation.Lawsuit': LAWSUIT_COLUMNS, 'litigation.CourtHearing': HEARING_COLUMNS,
                        'litigation.JudicialSuggestion': SUGGESTION_COLUMNS}


class LawsuitImportView(web.LedgerImportView):
    model = Lawsuit
    spec = importing.LAWSUIT_IMPORT
    list_url_name = 'litigation:lawsuit_list'


class HearingListView(web.FilteredListView):
    model = CourtHearing
    columns = HEARING_COLUMNS
    search_fields = ('lawsuit__case_number', 'appeared_name')
    filters = ('appearance', 'head_appeared', 'court_notified_head', 'held_on__gte', 'held_on__lte')

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('lawsuit', 'lawsuit__defendant_unit')


class HearingDetailView(ObjectDetailView):
    model = CourtHearing
    template_name = 'litigation/child_detail.html'
    fields = ('lawsuit', 'held_on', 'appearance', 'appeared_name', 'appeared_position', 'court_notified_head',
              'excuse', 'head_appeared', 'principal_head')


class SuggestionListView(web.FilteredListView):
    model = JudicialSuggestion
    columns = SUGGESTION_COLUMNS
    search_fields = ('lawsuit__case_number', 'content')
    filters = ('received_on__gte', 'received_on__lte')
    add_url_name = 'litigation:suggestion_add'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('lawsuit', 'lawsuit__defendant_unit')


class SuggestionDetailView(ObjectDetailView):
    model = JudicialSuggestion
    template_name = 'litigation/child_detail.html'
    fields = ('lawsuit', 'received_on', 'content', 'reply_due_on', 'replied_on', 'reply_summary')
    edit_url_name = 'litigation:suggestion_edit'


class SuggestionEditView(ObjectEditView):
    model = JudicialSuggestion
    form_class = forms.SuggestionForm

    def get_initial(self) -> dict[str, Any]:
        return {'lawsuit': self.request.GET.get('lawsuit')}
