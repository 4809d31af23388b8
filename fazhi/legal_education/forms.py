from __future__ import annotations

from django import forms

from fazhi.core.forms import ScopedModelForm

from .models import EducationDuty


class EducationDutyForm(ScopedModelForm):
    class Meta:
        model = EducationDuty
        fields = ['unit', 'year', 'law_name', 'audience', 'measures', 'form', 'planned_count', 'completed_count',
                  'people_reached', 'responsible_person', 'state', 'completed_on']
        widgets = {'completed_on': forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d'),
                   'measures': forms.Textarea(attrs={'rows': 3})}
