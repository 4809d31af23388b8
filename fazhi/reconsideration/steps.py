"""The forms of the reconsideration lifecycle's steps (the same form serves the page and the API)."""
from __future__ import annotations

from django import forms

from .casework.transitions import TransitionForm
from .choices import DECISION_OUTCOMES, Outcome, Procedure

OUTCOME_LABELS = dict(Outcome.choices)


class AcceptForm(TransitionForm):
    procedure = forms.ChoiceField(label='审理程序', choices=Procedure.choices, initial=Procedure.ORDINARY,
                                  required=False)
    parties_consent = forms.BooleanField(label='各方当事人同意适用简易程序', required=False)


class DeemAcceptForm(TransitionForm):
    procedure = forms.ChoiceField(label='审理程序', choices=Procedure.choices, initial=Procedure.ORDINARY,
                                  required=False)
    parties_consent = forms.BooleanField(label='各方当事人同意适用简易程序', required=False)


class RejectForm(TransitionForm):
    note_required = True
    note_label = '不予受理的理由'


class RequestCorrectionForm(TransitionForm):
    note_required = True
    note_label = '需要补正的事项（一次性载明）'


class ReceiveCorrectionForm(TransitionForm):
    late_reason = forms.CharField(label='逾期补正的正当理由', required=False, max_length=200,
                                  help_text='补正期限届满后收到补正材料的，须写明正当理由')


class AbandonForm(TransitionForm):
    note_label = '说明'


class HearingForm(TransitionForm):
    hearing_kind = forms.ChoiceField(label='审理方式', choices=[('hearing', '听证'), ('opinions', '当面或电话听取意见'),
                                                            ('committee', '提请行政复议委员会咨询')])


class SuspendForm(TransitionForm):
    note_required = True
    note_label = '中止事由（行政复议法第三十九条）'


class ExtendForm(TransitionForm):
    note_required = True
    note_label = '延长理由（经行政复议机构负责人批准）'
    days = forms.IntegerField(label='延长天数', min_value=1, max_value=30, initial=30)


class DecideForm(TransitionForm):
    outcome = forms.ChoiceField(label='决定类型', choices=[(o.value, o.label) for o in DECISION_OUTCOMES])
    decision_text = forms.CharField(label='决定书正文', required=False, widget=forms.Textarea(attrs={'rows': 10}))


class MediateForm(TransitionForm):
    decision_text = forms.CharField(label='调解书正文', required=False, widget=forms.Textarea(attrs={'rows': 8}))


class TerminateForm(TransitionForm):
    note_required = True
    note_label = '终止理由（行政复议法第四十一条）'


class WithdrawPublicationForm(TransitionForm):
    note_required = True
    note_label = '撤回公开的理由'


CASE_FORMS: dict[str, type[TransitionForm]] = {
    'request_correction': RequestCorrectionForm, 'receive_correction': ReceiveCorrectionForm,
    'abandon': AbandonForm, 'accept': AcceptForm, 'deem_accepted': DeemAcceptForm, 'reject': RejectForm,
    'hold_hearing': HearingForm, 'suspend': SuspendForm, 'extend': ExtendForm, 'decide': DecideForm,
    'mediate': MediateForm, 'terminate': TerminateForm,
}
PUBLICATION_FORMS: dict[str, type[TransitionForm]] = {'withdraw': WithdrawPublicationForm}
