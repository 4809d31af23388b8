from __future__ import annotations

from django import forms

from fazhi.core.forms import ScopedModelForm
from fazhi.legality.transitions import TransitionForm

from .choices import ReplyOutcome
from .models import DisclosureItem, DisclosureRequest

DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


class DisclosureRequestForm(ScopedModelForm):
    class Meta:
        model = DisclosureRequest
        fields = ['request_no', 'unit', 'applicant_kind', 'applicant_name', 'channel', 'received_on', 'content']
        widgets = {'received_on': DATE, 'content': forms.Textarea(attrs={'rows': 3})}


class DisclosureItemForm(ScopedModelForm):
    class Meta:
        model = DisclosureItem
        fields = ['unit', 'title', 'category', 'formed_on', 'published_on', 'channel', 'url']
        widgets = {'formed_on': DATE, 'published_on': DATE}


class ReplyForm(TransitionForm):
    outcome = forms.ChoiceField(label='答复类型', choices=ReplyOutcome.choices,
                                error_messages={'required': '请选择答复类型。'})


REQUEST_TRANSITION_FORMS: dict[str, type[TransitionForm]] = {
    'request_correction': TransitionForm, 'receive_correction': TransitionForm, 'abandon': TransitionForm,
    'consult': TransitionForm, 'consulted': TransitionForm, 'extend': TransitionForm, 'reply': ReplyForm,
    'withdraw': TransitionForm,
}
