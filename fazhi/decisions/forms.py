from __future__ import annotations

from typing import Any

from django import forms

from fazhi.core.forms import ScopedModelForm
from fazhi.legality.models import ReviewRequest
from fazhi.legality.transitions import TransitionForm

from .choices import EvaluationConclusion
from .models import DecisionCatalogue, DecisionProcedure, MajorDecision, PublicComment

DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


def _date(label: str, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE,
                           error_messages={'invalid': '日期格式不正确，应为 年-月-日。', 'required': f'请填写{label}。'})


class CatalogueForm(ScopedModelForm):
    class Meta:
        model = DecisionCatalogue
        fields = ['unit', 'year', 'title', 'note']


class DecisionForm(ScopedModelForm):
    class Meta:
        model = MajorDecision
        fields = ['catalogue', 'deciding_body', 'unit', 'title', 'summary', 'planned_on']
        widgets = {'planned_on': DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['catalogue'].queryset = DecisionCatalogue.objects.all()
        from fazhi.organization.models import Unit
        self.fields['deciding_body'].queryset = Unit.objects.filter(is_active=True)
        self.fields['deciding_body'].widget.choices = [('', '---------')] + [
            (u.pk, str(u)) for u in Unit.objects.filter(is_active=True, kind__in=['district', 'department', 'street'])]


class ProcedureForm(ScopedModelForm):
    class Meta:
        model = DecisionProcedure
        fields = ['status', 'held_on', 'participants', 'documents', 'conclusion', 'exemption_reason', 'review']
        widgets = {'held_on': DATE, **{f: forms.Textarea(attrs={'rows': 2}) for f in
                                       ('participants', 'documents', 'conclusion', 'exemption_reason')}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['review'].queryset = ReviewRequest.objects.visible_to(self.user).filter(
            matter_type='major_decision')


class ModerationForm(ScopedModelForm):
    class Meta:
        model = PublicComment
        fields = ['moderation', 'moderation_reason']


class DispositionForm(ScopedModelForm):
    class Meta:
        model = PublicComment
        fields = ['disposition', 'disposition_reason', 'disposed_on']
        widgets = {'disposed_on': DATE, 'disposition_reason': forms.Textarea(attrs={'rows': 3})}

    def clean_disposition(self) -> str:
        if self.instance.decision.feedback_published_on:
            raise forms.ValidationError('采纳情况反馈已经公布，处理意见不能再修改。')
        return self.cleaned_data['disposition']


class PublicCommentForm(forms.Form):
    """What a visitor fills in on the public page (`website` is a honeypot left empty by people)."""
    author_name = forms.CharField(label='署名（可不填）', max_length=50, required=False)
    contact = forms.CharField(label='联系方式（不公开，可不填）', max_length=100, required=False)
    content = forms.CharField(label='意见建议', min_length=5, max_length=3000, widget=forms.Textarea(attrs={'rows': 5}),
                              error_messages={'required': '请填写意见建议。', 'min_length': '意见建议至少5个字。',
                                              'max_length': '意见建议不超过3000字。'})
    website = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.setdefault('class', 'form-control')


class CataloguePublishForm(TransitionForm):
    party_consent_on = _date('党委同意日期', required=False)


class WithdrawForm(TransitionForm):
    reason = forms.CharField(label='调出目录理由', widget=forms.Textarea(attrs={'rows': 2}))


class OpenCommentForm(TransitionForm):
    closes_on = _date('征求意见截止日期')
    draft_text = forms.CharField(label='决策草案（征求意见稿）', widget=forms.Textarea(attrs={'rows': 10}))
    explanation = forms.CharField(label='起草说明', required=False, widget=forms.Textarea(attrs={'rows': 3}))
    shortened_reason = forms.CharField(label='缩短期限的理由', required=False, widget=forms.Textarea(attrs={'rows': 2}),
                                       help_text='征求意见期限一般不少于30日；确需缩短的，应当说明理由。')

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['on'].label = '公布征求意见稿日期'


class DecideForm(TransitionForm):
    meeting = forms.CharField(label='会议名称', max_length=100, help_text='如：区政府第25次常务会议')
    attendees = forms.CharField(label='出席人员', required=False, widget=forms.Textarea(attrs={'rows': 2}))
    result = forms.CharField(label='决定内容', widget=forms.Textarea(attrs={'rows': 3}))
    minutes = forms.CharField(label='会议纪要（文号）', max_length=100, required=False)


class EvaluateForm(TransitionForm):
    evaluator = forms.CharField(label='评估机构', max_length=100)
    method = forms.CharField(label='评估方式', max_length=200, required=False, help_text='如：问卷调查、实地走访、第三方评估')
    started_on = _date('评估开始日期', required=False)
    findings = forms.CharField(label='评估发现', widget=forms.Textarea(attrs={'rows': 4}))
    conclusion = forms.ChoiceField(label='评估结论', choices=EvaluationConclusion.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['on'].label = '评估完成日期'


CATALOGUE_FORMS: dict[str, type[TransitionForm]] = {'publish': CataloguePublishForm}
DECISION_FORMS: dict[str, type[TransitionForm]] = {
    'start': TransitionForm, 'withdraw': WithdrawForm, 'open_comment': OpenCommentForm, 'close_comment': TransitionForm,
    'publish_feedback': TransitionForm, 'decide': DecideForm, 'evaluate': EvaluateForm,
}
