from __future__ import annotations

from typing import Any

from django import forms

from fazhi.core.forms import ScopedModelForm
from fazhi.legality.transitions import TransitionForm

from .choices import FilingReviewResult
from .models import CleanupCampaign, CleanupItem, NormativeDocument

DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


def _date(label: str, required: bool = True, help_text: str = '') -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE, help_text=help_text,
                           error_messages={'invalid': '日期格式不正确，应为 年-月-日。', 'required': f'请填写{label}。'})


class DocumentForm(ScopedModelForm):
    """Registering or changing a draft; published documents change only by amendment or repeal."""

    class Meta:
        model = NormativeDocument
        fields = ['unit', 'issuer', 'title', 'subject', 'validity_years', 'filing_authority', 'text']
        widgets = {'text': forms.Textarea(attrs={'rows': 14})}
        help_texts = {'validity_years': '一般不超过5年；不设有效期的留空。', 'filing_authority': '如：明州市云溪区人民政府'}


class DeliberateForm(TransitionForm):
    meeting = forms.CharField(label='审议会议', max_length=100, help_text='如：区政府第12次常务会议、局长办公会')


class PublishForm(TransitionForm):
    doc_number = forms.CharField(label='文号', max_length=60, help_text='如：云政规〔2025〕3号')
    registration_number = forms.CharField(label='统一登记编号', max_length=60, required=False)
    effective_on = _date('施行日期')
    validity_years = forms.IntegerField(label='有效期（年）', min_value=1, max_value=10, required=False,
                                        help_text='留空则沿用登记时的有效期')

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['on'].label = '公布日期'


class FileForm(TransitionForm):
    filing_authority = forms.CharField(label='备案机关', max_length=100, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['on'].label = '报备日期'


class FilingReviewForm(TransitionForm):
    result = forms.ChoiceField(label='备案审查结论', choices=FilingReviewResult.choices)
    materials_conforming = forms.BooleanField(label='报备材料齐全、格式规范', required=False, initial=True)
    opinion = forms.CharField(label='审查意见', required=False, widget=forms.Textarea(attrs={'rows': 3}))


class AmendForm(TransitionForm):
    valid_from = _date('修改后文本施行日期')
    text = forms.CharField(label='修改后全文', widget=forms.Textarea(attrs={'rows': 12}))
    summary = forms.CharField(label='修改说明', max_length=500, required=False)
    source = forms.CharField(label='修改依据（文号）', max_length=100, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.obj is not None and not self.is_bound:
            self.fields['text'].initial = self.obj.text


class RepealForm(TransitionForm):
    reason = forms.CharField(label='废止理由', widget=forms.Textarea(attrs={'rows': 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['on'].label = '废止日期'


DOCUMENT_FORMS: dict[str, type[TransitionForm]] = {
    'submit_review': TransitionForm, 'revise': TransitionForm, 'deliberate': DeliberateForm, 'publish': PublishForm,
    'file': FileForm, 'filing_review': FilingReviewForm, 'amend': AmendForm, 'repeal': RepealForm,
}
CAMPAIGN_FORMS: dict[str, type[TransitionForm]] = {'select': TransitionForm, 'close': TransitionForm}


class CampaignForm(ScopedModelForm):
    class Meta:
        model = CleanupCampaign
        fields = ['name', 'basis', 'organizer', 'started_on', 'deadline', 'criteria_unit', 'criteria_subject',
                  'criteria_from', 'criteria_to', 'criteria_text']
        widgets = {'started_on': DATE, 'deadline': DATE, 'criteria_from': DATE, 'criteria_to': DATE,
                   'basis': forms.Textarea(attrs={'rows': 3})}
        help_texts = {'criteria_text': '如“罚款”：选取正文中设定罚款的全部文件（中文分词检索）'}


class CleanupItemForm(ScopedModelForm):
    class Meta:
        model = CleanupItem
        fields = ['decision', 'reason', 'decided_on', 'new_expires_on', 'amended_text']
        widgets = {'decided_on': DATE, 'new_expires_on': DATE, 'reason': forms.Textarea(attrs={'rows': 3}),
                   'amended_text': forms.Textarea(attrs={'rows': 8})}

    def clean_decision(self) -> str:
        decision = self.cleaned_data['decision']
        if self.instance.pk and self.instance.campaign.state != 'open':
            raise forms.ValidationError('清理已完成，结论不能再修改。')
        return decision

