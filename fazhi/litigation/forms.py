"""Forms of the litigation ledger: registration, judicial suggestions, import of historical lawsuits."""
from __future__ import annotations

from typing import Any

from django import forms

from fazhi.reconsideration.casework.transitions import DATE_WIDGET
from fazhi.reconsideration.forms import LedgerForm
from fazhi.reconsideration.models import ReconsiderationCase

from .choices import Appearance, Outcome, State
from .models import JudicialSuggestion, Lawsuit

LAWSUIT_FIELDS = ['case_number', 'court', 'instance', 'parent_case', 'plaintiff_names', 'plaintiff_kind',
                  'defendant_unit', 'reconsideration_case', 'co_defendant_reconsideration', 'cause', 'domain',
                  'complaint_received_on', 'filed_on', 'officer', 'summary']


class LawsuitForm(LedgerForm):
    case_model = Lawsuit

    class Meta:
        model = Lawsuit
        fields = LAWSUIT_FIELDS
        widgets = {'complaint_received_on': DATE_WIDGET, 'filed_on': DATE_WIDGET,
                   'summary': forms.Textarea(attrs={'rows': 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['parent_case'].queryset = Lawsuit.objects.visible_to(self.user)
        self.fields['reconsideration_case'].queryset = ReconsiderationCase.objects.visible_to(self.user)


class LawsuitImportForm(LawsuitForm):
    """A historical lawsuit in one row: registration, outcome and (optionally) one hearing."""
    state = forms.ChoiceField(label='案件状态', choices=[('', '（按日期推断）'), *State.choices], required=False)
    hearing_on = forms.DateField(label='开庭日期', required=False)
    hearing_appearance = forms.ChoiceField(label='出庭情况', choices=[('', ''), *Appearance.choices], required=False)
    hearing_person = forms.CharField(label='出庭人员', required=False, max_length=50)

    class Meta(LawsuitForm.Meta):
        fields = [*LAWSUIT_FIELDS, 'defence_submitted_on', 'outcome', 'judged_on', 'judgment_served_on',
                  'concluded_on', 'effective_on', 'appellant', 'appealed_on']

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        state = data.get('state') or self._inferred_state(data)
        if state == State.CONCLUDED and not (data.get('outcome') and data.get('concluded_on')):
            raise forms.ValidationError('已生效结案的案件须填写裁判结果和审结日期')
        if data.get('outcome') and not data.get('concluded_on'):
            raise forms.ValidationError('填写了裁判结果的，须填写审结日期')
        if bool(data.get('hearing_on')) != bool(data.get('hearing_appearance')):
            raise forms.ValidationError('开庭日期和出庭情况须同时填写')
        self.instance.state = state
        self.instance.hearing_count = 1 if data.get('hearing_on') else 0
        self.instance._imported_hearing = (data.get('hearing_on'), data.get('hearing_appearance'),
                                           data.get('hearing_person', ''))
        return data

    @staticmethod
    def _inferred_state(data: dict[str, Any]) -> str:
        if data.get('appealed_on'):
            return State.APPEALED
        if data.get('effective_on') or data.get('outcome') in (Outcome.WITHDRAWAL, Outcome.MEDIATION):
            return State.CONCLUDED
        if data.get('outcome'):
            return State.JUDGED
        return State.IN_TRIAL if data.get('defence_submitted_on') else State.RECEIVED


class SuggestionForm(LedgerForm):
    case_model = Lawsuit

    class Meta:
        model = JudicialSuggestion
        fields = ['lawsuit', 'received_on', 'content', 'reply_due_on', 'replied_on', 'reply_summary']
        widgets = {'received_on': DATE_WIDGET, 'reply_due_on': DATE_WIDGET, 'replied_on': DATE_WIDGET,
                   'content': forms.Textarea(attrs={'rows': 4}), 'reply_summary': forms.Textarea(attrs={'rows': 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['lawsuit'].queryset = Lawsuit.objects.visible_to(self.user)
