from __future__ import annotations

from typing import Any

from django import forms

from fazhi.core.forms import ScopedModelForm
from fazhi.legality.transitions import TransitionForm

from .models import Drill, EmergencyPlan

DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


class EmergencyPlanForm(ScopedModelForm):
    class Meta:
        model = EmergencyPlan
        fields = ['unit', 'name', 'level', 'category', 'version', 'revision_cycle_years']


class DrillForm(ScopedModelForm):
    class Meta:
        model = Drill
        fields = ['unit', 'plan', 'title', 'held_on', 'kind', 'participants', 'evaluated', 'issues_found', 'summary']
        widgets = {'held_on': DATE, 'summary': forms.Textarea(attrs={'rows': 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['plan'].queryset = EmergencyPlan.objects.visible_to(self.user)


class IssueForm(TransitionForm):
    doc_no = forms.CharField(label='印发文号', error_messages={'required': '请填写印发文号。'})


class FileForm(TransitionForm):
    filed_with = forms.CharField(label='备案机关', error_messages={'required': '请填写备案机关。'})


class ReviseForm(TransitionForm):
    version = forms.CharField(label='新版本号', error_messages={'required': '请填写新版本号。'})
    doc_no = forms.CharField(label='印发文号', error_messages={'required': '请填写印发文号。'})


PLAN_TRANSITION_FORMS: dict[str, type[TransitionForm]] = {
    'issue': IssueForm, 'file': FileForm, 'start_revision': TransitionForm, 'revise': ReviseForm,
    'repeal': TransitionForm,
}
