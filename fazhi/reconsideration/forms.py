"""Forms of the reconsideration ledger: registration, parties, service, feedback, publication review, import."""
from __future__ import annotations

from typing import Any

from django import forms

from fazhi.core.forms import ScopedModelForm

from .casework.transitions import DATE_ERRORS, DATE_WIDGET
from .choices import Procedure, PublicationStatus, State
from .models import CorrectionFeedback, Party, PublishedDecision, ReconsiderationCase, ServiceRecord

CASE_FIELDS = ['case_number', 'received_on', 'channel', 'applicant_names', 'applicant_kind', 'respondent_unit',
               'act_description', 'act_type', 'domain', 'amount', 'minor_act', 'request', 'normative_document',
               'enforcement_reference', 'officer', 'decision_text']


def _date_widgets(*names: str) -> dict[str, Any]:
    return {name: DATE_WIDGET for name in names}


class LedgerForm(ScopedModelForm):
    """Scoped form with Chinese date errors and case dropdowns limited to cases the user may change."""
    case_model: Any = ReconsiderationCase

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.error_messages.update(DATE_ERRORS)
        if 'case' in self.fields:
            self.fields['case'].queryset = self.case_model.objects.visible_to(self.user, 'change')


class CaseForm(LedgerForm):
    class Meta:
        model = ReconsiderationCase
        fields = CASE_FIELDS
        widgets = {**_date_widgets('received_on'), 'request': forms.Textarea(attrs={'rows': 3}),
                   'decision_text': forms.Textarea(attrs={'rows': 8})}


class CaseImportForm(LedgerForm):
    """A historical case in one row: registration data plus how far it went."""
    state = forms.ChoiceField(label='案件状态', choices=[('', '（按日期推断）'), *State.choices], required=False)

    class Meta:
        model = ReconsiderationCase
        fields = [*CASE_FIELDS, 'procedure', 'accepted_on', 'copy_sent_on', 'reply_received_on', 'hearing_count',
                  'extension_days', 'outcome', 'concluded_on', 'closed_on']

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['case_number'].required = True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        state = data.get('state') or self._inferred_state(data)
        problem = self._inconsistency(state, data)
        if problem:
            raise forms.ValidationError(problem)
        self.instance.state = state
        if data.get('accepted_on') and not data.get('procedure'):
            self.instance.procedure = Procedure.ORDINARY
        return data

    @staticmethod
    def _inferred_state(data: dict[str, Any]) -> str:
        if data.get('outcome'):
            return State.CONCLUDED
        if data.get('accepted_on'):
            return State.ACCEPTED
        return State.NOT_ACCEPTED if data.get('closed_on') else State.RECEIVED

    @staticmethod
    def _inconsistency(state: str, data: dict[str, Any]) -> str | None:
        concluded = state == State.CONCLUDED
        if concluded and not (data.get('outcome') and data.get('concluded_on') and data.get('accepted_on')):
            return '已审结的案件须填写受理日期、结案方式和审结日期'
        if not concluded and (data.get('outcome') or data.get('concluded_on')):
            return f'案件状态为“{State(state).label}”，不应填写结案方式或审结日期'
        if state in (State.ACCEPTED, State.SUSPENDED) and not data.get('accepted_on'):
            return '审理中的案件须填写受理日期'
        if state in (State.NOT_ACCEPTED, State.ABANDONED) and not data.get('closed_on'):
            return '不予受理或视为放弃的案件须填写办结日期'
        return None


class PartyForm(LedgerForm):
    class Meta:
        model = Party
        fields = ['case', 'role', 'kind', 'name', 'id_number', 'phone', 'address', 'e_service_consent',
                  'e_service_address', 'consent_recorded_on']
        widgets = _date_widgets('consent_recorded_on')


class ServiceRecordForm(LedgerForm):
    class Meta:
        model = ServiceRecord
        fields = ['case', 'document', 'recipient', 'method', 'served_on', 'address', 'note']
        widgets = _date_widgets('served_on')

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        case_id = self.data.get('case') or self.initial.get('case') or getattr(self.instance, 'case_id', None)
        recipients = Party.objects.visible_to(self.user)
        self.fields['recipient'].queryset = recipients.filter(case_id=case_id) if case_id else recipients.none()
        self.fields['recipient'].empty_label = '被申请人'


class FeedbackForm(LedgerForm):
    class Meta:
        model = CorrectionFeedback
        fields = ['status', 'handled_on', 'result']
        widgets = {**_date_widgets('handled_on'), 'result': forms.Textarea(attrs={'rows': 4})}


class PublicationReviewForm(LedgerForm):
    """The reviewer corrects the automatic redaction before publication."""

    class Meta:
        model = PublishedDecision
        fields = ['title', 'redacted_text']
        widgets = {'redacted_text': forms.Textarea(attrs={'rows': 18})}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.instance.pk and self.instance.status == PublicationStatus.PUBLISHED:
            raise forms.ValidationError('已公开的决定书不能修改；如需修改，请先撤回公开。')
        return data
