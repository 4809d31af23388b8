from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from fazhi.core.forms import ScopedModelForm

from .choices import REVIEWER_ROLES, ReviewOutcome
from .models import AdviserEngagement, LegalAdviser, ReviewRequest
from .transitions import TransitionForm

DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


class ReviewRequestForm(ScopedModelForm):
    class Meta:
        model = ReviewRequest
        fields = ['unit', 'matter_type', 'title', 'is_major', 'counterparty', 'amount', 'received_on']
        widgets = {'received_on': DATE}


class LegalAdviserForm(ScopedModelForm):
    class Meta:
        model = LegalAdviser
        fields = ['unit', 'name', 'kind', 'is_chief', 'organization', 'license_no', 'specialty', 'phone',
                  'engaged_from', 'engaged_until', 'is_active']
        widgets = {'engaged_from': DATE, 'engaged_until': DATE}


class AdviserEngagementForm(ScopedModelForm):
    class Meta:
        model = AdviserEngagement
        fields = ['adviser', 'unit', 'kind', 'occurred_on', 'subject', 'quantity', 'review', 'note']
        widgets = {'occurred_on': DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['adviser'].queryset = LegalAdviser.objects.visible_to(self.user).filter(is_active=True)
        self.fields['review'].queryset = ReviewRequest.objects.visible_to(self.user)


class AssignForm(TransitionForm):
    reviewer = forms.ModelChoiceField(label='承办审查员', queryset=get_user_model().objects.none(),
                                      error_messages={'required': '请指定承办审查员。',
                                                      'invalid_choice': '所选审查员不存在或不能承办审查。'})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['reviewer'].queryset = get_user_model().objects.filter(role__in=REVIEWER_ROLES, is_active=True)


class ConcludeForm(TransitionForm):
    outcome = forms.ChoiceField(label='审查结论', choices=ReviewOutcome.choices)
    opinion = forms.CharField(label='审查意见', widget=forms.Textarea(attrs={'rows': 5}))
    suggestion_count = forms.IntegerField(label='提出意见建议（条）', min_value=0, initial=0, required=False)


TRANSITION_FORMS: dict[str, type[TransitionForm]] = {
    'assign': AssignForm, 'request_materials': TransitionForm, 'conclude': ConcludeForm, 'withdraw': TransitionForm,
}
