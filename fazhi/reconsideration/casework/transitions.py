"""Running workflow transitions from a page or the API with the same form, the same checks and messages.

Each transition has a form (`TransitionForm` subclass) that collects its date, its note and its own data.
`perform` validates nothing itself: it hands the cleaned data to `fazhi.core.workflow.apply`, which checks
the state, the permission and the guard, and turns a model validation error into a refusal.
Guards see the event date as `data['day']` (the engine passes `on` to effects only); guards and effects
see the note as `data['note_text']`.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from fazhi.core import workflow
from fazhi.core.workflow import TransitionRefused

DATE_WIDGET = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')
DATE_ERRORS = {'invalid': '日期格式不正确，请按 年-月-日 填写，例如 2026-02-10。'}


def date_field(label: str, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET, error_messages=DATE_ERRORS, **kwargs)


class TransitionForm(forms.Form):
    """Date and note of a step; subclasses add the step's own data."""
    note_required = False
    note_label = '说明'

    on = date_field('日期', initial=dt.date.today)
    note = forms.CharField(label='说明', required=False, max_length=1000, widget=forms.Textarea(attrs={'rows': 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['note'].label = self.note_label
        self.fields['note'].required = self.note_required
        if self.note_required:
            self.fields['note'].error_messages['required'] = f'请填写{self.note_label}。'
        for field in self.fields.values():
            css = 'form-select' if isinstance(field.widget, forms.Select) else 'form-control'
            if isinstance(field.widget, forms.CheckboxInput):
                css = 'form-check-input'
            field.widget.attrs.setdefault('class', css)

    def clean_on(self) -> dt.date:
        on = self.cleaned_data['on']
        if on > dt.date.today():
            raise forms.ValidationError('日期不能晚于今天：请在事项实际发生后再登记。')
        return on

    def transition_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ('on', 'note')}


def day_of(data: dict[str, Any]) -> dt.date:
    """The event date a guard should judge by."""
    return data.get('day') or data.get('on') or dt.date.today()


def form_class(model: Any, name: str) -> type[TransitionForm]:
    return model.transition_forms.get(name, TransitionForm)


def perform(obj: Any, name: str, form: TransitionForm) -> Any:
    """Apply a validated transition form to `obj`; raises TransitionRefused or AccessDenied."""
    on, note = form.cleaned_data['on'], form.cleaned_data.get('note', '')
    try:
        return workflow.apply(obj, name, on=on, note=note, day=on, note_text=note, **form.transition_data())
    except ValidationError as exc:
        label = type(obj).workflow.get(name).label
        raise TransitionRefused(f'不能执行“{label}”：{_messages(exc)}') from exc


def _messages(exc: ValidationError) -> str:
    if hasattr(exc, 'message_dict'):
        return '；'.join(m for msgs in exc.message_dict.values() for m in msgs)
    return '；'.join(exc.messages)


def available(obj: Any) -> list[workflow.Transition]:
    """Transitions whose source state matches (guards are checked when one is run)."""
    return type(obj).workflow.available(obj)
