from __future__ import annotations

from typing import Any

from fazhi.core.views import ObjectDetailView, ObjectEditView, ObjectListView
from fazhi.legality.transitions import LedgerListMixin

from . import forms
from .models import EducationDuty


class DutyListView(LedgerListMixin, ObjectListView):
    model = EducationDuty
    columns = ('year', 'unit', 'law_name', 'audience', 'form', 'planned_count', 'completed_count', 'people_reached',
               'state')
    search_fields = ('law_name', 'audience', 'measures')
    filters = ('unit', 'year', 'form', 'state')
    add_url_name = 'legal_education:duty_add'
    import_url_name = 'legal_education:duty_import'
    quick_filters = (('全部', ''), ('未开始', 'state=planned'), ('实施中', 'state=in_progress'),
                     ('已完成', 'state=completed'))

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit')


class DutyDetailView(ObjectDetailView):
    model = EducationDuty
    fields = ('unit', 'year', 'law_name', 'audience', 'measures', 'form', 'planned_count', 'completed_count',
              'people_reached', 'responsible_person', 'state', 'completed_on')


class DutyEditView(ObjectEditView):
    model = EducationDuty
    form_class = forms.EducationDutyForm
