from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core.views import ObjectDetailView, ObjectEditView, ObjectListView
from fazhi.legality.transitions import LedgerListMixin, TransitionView, WorkflowDetailMixin

from . import forms
from .choices import PlanState
from .models import Drill, EmergencyPlan


class PlanListView(LedgerListMixin, ObjectListView):
    model = EmergencyPlan
    columns = ('name', 'unit', 'level', 'category', 'version', 'state', 'issued_on', 'last_revised_on',
               'revision_due', 'filed_on')
    search_fields = ('name', 'doc_no')
    filters = ('unit', 'level', 'category', 'state')
    add_url_name = 'emergency:plan_add'
    import_url_name = 'emergency:plan_import'
    quick_filters = (('全部', ''), ('现行有效', 'state=effective'), ('修订中', 'state=revising'),
                     ('逾期未修订', 'due=revision'), ('未备案', 'due=filing'))

    def get_queryset(self) -> Any:
        qs = super().get_queryset().select_related('unit')
        due = self.request.GET.get('due')
        if due == 'revision':
            qs = qs.filter(state=PlanState.EFFECTIVE, revision_due__lt=dt.date.today())
        elif due == 'filing':
            qs = qs.filter(state=PlanState.EFFECTIVE, filed_on__isnull=True)
        return qs


class PlanDetailView(WorkflowDetailMixin, ObjectDetailView):
    model = EmergencyPlan
    template_name = 'emergency/detail.html'
    fields = ('name', 'unit', 'level', 'category', 'version', 'doc_no', 'state', 'issued_on', 'last_revised_on',
              'revision_cycle_years', 'revision_due', 'filing_due', 'filed_on', 'filed_with', 'repealed_on')
    transition_forms = forms.PLAN_TRANSITION_FORMS
    transition_url_name = 'emergency:plan_transition'
    edit_url_name = 'emergency:plan_edit'

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context['drills'] = Drill.objects.visible_to(self.request.user).filter(plan=self.object)[:50]
        return context


class PlanEditView(ObjectEditView):
    model = EmergencyPlan
    form_class = forms.EmergencyPlanForm


class PlanTransitionView(TransitionView):
    model = EmergencyPlan
    forms = forms.PLAN_TRANSITION_FORMS


class DrillListView(LedgerListMixin, ObjectListView):
    model = Drill
    columns = ('held_on', 'title', 'unit', 'plan', 'kind', 'participants', 'evaluated', 'issues_found')
    search_fields = ('title', 'plan__name')
    filters = ('unit', 'kind', 'evaluated', 'plan')
    add_url_name = 'emergency:drill_add'
    import_url_name = 'emergency:drill_import'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit', 'plan')


class DrillDetailView(ObjectDetailView):
    model = Drill
    fields = ('title', 'unit', 'plan', 'held_on', 'kind', 'participants', 'evaluated', 'issues_found', 'summary')


class DrillEditView(ObjectEditView):
    model = Drill
    form_class = forms.DrillForm
