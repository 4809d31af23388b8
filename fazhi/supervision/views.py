from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core.views import ObjectDetailView, ObjectEditView, ObjectListView
from fazhi.legality.transitions import LedgerListMixin, TransitionView, WorkflowDetailMixin

from . import forms
from .choices import OPEN_FINDING_STATES, OPEN_PROPOSAL_STATES
from .models import AuditFinding, Proposal


class DueFilterMixin:
    """`?due=overdue` lists open matters past their due date."""
    open_states: tuple[str, ...] = ()
    request: Any

    def get_queryset(self) -> Any:
        qs = super().get_queryset()  # type: ignore[misc]
        if self.request.GET.get('due') == 'overdue':
            qs = qs.filter(state__in=self.open_states, due_on__lt=dt.date.today())
        return qs


class ProposalListView(LedgerListMixin, DueFilterMixin, ObjectListView):
    model = Proposal
    columns = ('number', 'kind', 'year', 'title', 'proposer', 'unit', 'assigned_on', 'due_on', 'state',
               'replied_on', 'reply_category', 'on_time', 'satisfaction')
    search_fields = ('title', 'number', 'proposer')
    filters = ('kind', 'year', 'state', 'unit', 'reply_category', 'satisfaction', 'session')
    add_url_name = 'supervision:proposal_add'
    import_url_name = 'supervision:proposal_import'
    open_states = OPEN_PROPOSAL_STATES
    quick_filters = (('全部', ''), ('人大代表建议', 'kind=npc'), ('政协委员提案', 'kind=cppcc'),
                     ('办理中', 'state=handling'), ('已逾期未答复', 'due=overdue'), ('不满意重办', 'state=redo'))

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit')


class ProposalDetailView(WorkflowDetailMixin, ObjectDetailView):
    model = Proposal
    template_name = 'supervision/detail.html'
    fields = ('kind', 'year', 'number', 'session', 'title', 'proposer', 'unit', 'co_units', 'assigned_on',
              'is_complex', 'due_on', 'state', 'met_proposer', 'replied_on', 'reply_category', 'reply_summary',
              'reply_published', 'on_time', 'feedback_on', 'satisfaction', 'redo_due_on', 'closed_on')
    transition_forms = forms.PROPOSAL_TRANSITION_FORMS
    transition_url_name = 'supervision:proposal_transition'
    edit_url_name = 'supervision:proposal_edit'


class ProposalEditView(ObjectEditView):
    model = Proposal
    form_class = forms.ProposalForm


class ProposalTransitionView(TransitionView):
    model = Proposal
    forms = forms.PROPOSAL_TRANSITION_FORMS


class FindingListView(LedgerListMixin, DueFilterMixin, ObjectListView):
    model = AuditFinding
    columns = ('finding_no', 'unit', 'audit_project', 'category', 'found_on', 'due_on', 'state', 'amount',
               'rectified_amount', 'closed_on', 'reopen_count')
    search_fields = ('finding_no', 'audit_project', 'description', 'report_no')
    filters = ('unit', 'category', 'state', 'problem_code')
    add_url_name = 'supervision:finding_add'
    import_url_name = 'supervision:finding_import'
    open_states = OPEN_FINDING_STATES
    quick_filters = (('全部', ''), ('待整改', 'state=open'), ('待核验', 'state=submitted'), ('已销号', 'state=closed'),
                     ('重新整改', 'state=reopened'), ('逾期未整改', 'due=overdue'))

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit')


class FindingDetailView(WorkflowDetailMixin, ObjectDetailView):
    model = AuditFinding
    template_name = 'supervision/detail.html'
    fields = ('finding_no', 'unit', 'audit_project', 'report_no', 'found_on', 'category', 'problem_code',
              'description', 'amount', 'due_on', 'state', 'measures', 'evidence', 'rectified_amount', 'submitted_on',
              'submitted_by', 'verified_on', 'verified_by', 'verification_note', 'closed_on', 'reopen_count',
              'reopened_on', 'reopen_reason', 'recurrence_of')
    transition_forms = forms.FINDING_TRANSITION_FORMS
    transition_url_name = 'supervision:finding_transition'
    edit_url_name = 'supervision:finding_edit'


class FindingEditView(ObjectEditView):
    model = AuditFinding
    form_class = forms.AuditFindingForm


class FindingTransitionView(TransitionView):
    model = AuditFinding
    forms = forms.FINDING_TRANSITION_FORMS
