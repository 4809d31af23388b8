from __future__ import annotations

from django import forms

from fazhi.core.forms import ScopedModelForm
from fazhi.legality.transitions import TransitionForm

from .choices import ReplyCategory, Satisfaction
from .models import AuditFinding, Proposal

DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


class ProposalForm(ScopedModelForm):
    class Meta:
        model = Proposal
        fields = ['kind', 'year', 'number', 'session', 'title', 'proposer', 'unit', 'co_units', 'assigned_on',
                  'is_complex']
        widgets = {'assigned_on': DATE}


class AuditFindingForm(ScopedModelForm):
    class Meta:
        model = AuditFinding
        fields = ['finding_no', 'unit', 'audit_project', 'report_no', 'found_on', 'category', 'problem_code',
                  'description', 'amount', 'due_on']
        widgets = {'found_on': DATE, 'due_on': DATE, 'description': forms.Textarea(attrs={'rows': 3})}


class ReplyForm(TransitionForm):
    reply_category = forms.ChoiceField(label='答复类别', choices=ReplyCategory.choices,
                                       error_messages={'required': '请选择答复类别（A/B/C/D）。'})
    reply_summary = forms.CharField(label='答复内容摘要', widget=forms.Textarea(attrs={'rows': 4}),
                                    error_messages={'required': '请填写答复内容摘要。'})
    met_proposer = forms.BooleanField(label='已与代表委员沟通见面', required=False)
    reply_published = forms.BooleanField(label='答复已公开', required=False)


class FeedbackForm(TransitionForm):
    satisfaction = forms.ChoiceField(label='代表委员意见', choices=Satisfaction.choices,
                                     error_messages={'required': '请选择代表委员的意见。'})


class SubmitForm(TransitionForm):
    measures = forms.CharField(label='整改措施', widget=forms.Textarea(attrs={'rows': 4}),
                               error_messages={'required': '请填写整改措施。'})
    evidence = forms.CharField(label='整改佐证材料', widget=forms.Textarea(attrs={'rows': 3}),
                               help_text='列明佐证材料名称、文号或存放位置；没有佐证材料不能报送',
                               error_messages={'required': '没有整改佐证材料，不能报送整改结果。'})
    rectified_amount = forms.DecimalField(label='已整改金额（万元）', required=False, min_value=0)


class VerifyForm(TransitionForm):
    verification_note = forms.CharField(label='核验意见', widget=forms.Textarea(attrs={'rows': 3}),
                                        error_messages={'required': '请填写核验意见。'})


class ReasonForm(TransitionForm):
    reason = forms.CharField(label='原因', widget=forms.Textarea(attrs={'rows': 3}),
                             error_messages={'required': '请说明原因。'})


PROPOSAL_TRANSITION_FORMS: dict[str, type[TransitionForm]] = {
    'sign': TransitionForm, 'reply': ReplyForm, 'feedback': FeedbackForm, 'close': TransitionForm,
}
FINDING_TRANSITION_FORMS: dict[str, type[TransitionForm]] = {
    'submit': SubmitForm, 'verify': VerifyForm, 'send_back': ReasonForm, 'reopen': ReasonForm,
}
