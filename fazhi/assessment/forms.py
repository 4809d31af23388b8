"""Forms of assessment pages: loading a system, creating a campaign, self-assessment, review, objections,
demonstration rounds. Writes happen in services.py / projects.py; forms only read and check input."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from fazhi.indicators.periods import Period

from .choices import DIMENSIONS, SystemState
from .models import Campaign, IndicatorSystem, ProjectRound


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        css = 'form-select' if isinstance(field.widget, forms.Select) else 'form-control'
        if isinstance(field.widget, (forms.CheckboxInput, forms.CheckboxSelectMultiple)):
            css = 'form-check-input'
        field.widget.attrs.setdefault('class', css)


class StyledForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _style(self)


DATE = dict(widget=forms.DateInput(format='%Y-%m-%d', attrs={'type': 'date'}),
            error_messages={'invalid': '日期格式不正确，应为 年-月-日。'})


class TransitionForm(StyledForm):
    """A lifecycle step: the day it happened, a note, and the step's own data (subclasses)."""
    on = forms.DateField(label='发生日期', initial=dt.date.today, **DATE)
    note = forms.CharField(label='说明', required=False, widget=forms.Textarea(attrs={'rows': 2}))

    def __init__(self, *args: Any, obj: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.obj = obj

    def transition_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ('on', 'note')}


class SystemLoadForm(StyledForm):
    text = forms.CharField(label='指标体系（YAML）', required=False, widget=forms.Textarea(attrs={'rows': 24,
                                                                                          'spellcheck': 'false'}))
    upload = forms.FileField(label='或上传 YAML 文件', required=False)
    note = forms.CharField(label='版本说明', max_length=200, required=False)
    check_only = forms.BooleanField(label='只校验，不保存', required=False)

    def clean(self) -> Any:
        data = super().clean()
        upload = data.get('upload')
        if upload is not None:
            raw = upload.read()
            for encoding in ('utf-8-sig', 'gb18030'):
                try:
                    data['text'] = raw.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
            else:
                raise forms.ValidationError(f'文件“{upload.name}”无法按 UTF-8 或 GB18030 读取。')
        if not (data.get('text') or '').strip():
            raise forms.ValidationError('请粘贴指标体系 YAML，或上传 YAML 文件。')
        return data


class WeightsForm(StyledForm):
    """One points field per item of a system version; saving makes the next version."""
    note = forms.CharField(label='版本说明', max_length=200, required=False)

    def __init__(self, *args: Any, system: IndicatorSystem, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.system = system
        self.rows = []
        for item in system.items.all():
            name = f'points_{item.code}'
            self.fields[name] = forms.DecimalField(label=f'{item.code} {item.name}', min_value=Decimal('0.01'),
                                                   max_digits=7, decimal_places=2, initial=item.points,
                                                   error_messages={'min_value': '分值应为正数。'})
            self.fields[name].widget.attrs.update({'class': 'form-control form-control-sm', 'step': '0.5'})
            self.rows.append((item, name))

    def points(self) -> dict[str, Decimal]:
        return {item.code: self.cleaned_data[name] for item, name in self.rows}

    def bound_rows(self) -> list[tuple[Any, Any]]:
        return [(item, self[name]) for item, name in self.rows]


class CampaignForm(StyledForm):
    name = forms.CharField(label='考核名称', max_length=120)
    period = forms.CharField(label='考核期间', max_length=10, help_text='2025（年度）、2025-Q3（季度）或 2025-06（月度）')
    system = forms.ModelChoiceField(label='指标体系（版本）', queryset=IndicatorSystem.objects.none())
    categories = forms.MultipleChoiceField(label='参评类别', widget=forms.CheckboxSelectMultiple, required=True,
                                           error_messages={'required': '请至少选择一个参评类别。'})
    previous = forms.ModelChoiceField(label='上一次考核（用于比较变化）', queryset=Campaign.objects.all(), required=False)
    self_due = forms.DateField(label='自评截止日', required=False, **DATE)
    review_due = forms.DateField(label='评审截止日', required=False, **DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields['system'].queryset = IndicatorSystem.objects.filter(state=SystemState.ACTIVE)
        cats: dict[str, str] = {}
        for system in IndicatorSystem.objects.filter(state=SystemState.ACTIVE):
            for c in system.categories:
                cats.setdefault(c['code'], c['name'] + ('（可选）' if c.get('optional') else ''))
        self.fields['categories'].choices = list(cats.items())
        self.fields['categories'].initial = [c for c in cats if c != 'vertical']
        self.fields['categories'].widget.attrs['class'] = 'form-check-input'

    def clean_period(self) -> str:
        try:
            return Period.parse(self.cleaned_data['period']).label
        except ValueError as exc:
            raise forms.ValidationError(str(exc))

    def clean(self) -> Any:
        data = super().clean()
        system = data.get('system')
        if system and data.get('categories'):
            known = {c['code'] for c in system.categories}
            missing = [c for c in data['categories'] if c not in known]
            if missing:
                raise forms.ValidationError(f'所选指标体系没有考核类别：{"、".join(missing)}')
        return data


class RescoreForm(StyledForm):
    pass


class OpenObjectionsForm(TransitionForm):
    closes_on = forms.DateField(label='申诉截止日', **DATE)


class SelfAssessForm(StyledForm):
    self_score = forms.DecimalField(label='自评分', min_value=0, max_digits=7, decimal_places=2,
                                    error_messages={'required': '请填写自评分。', 'min_value': '自评分不能为负数。'})
    self_note = forms.CharField(label='自评说明（做了什么、材料在哪里）', widget=forms.Textarea(attrs={'rows': 3}),
                                error_messages={'required': '请填写自评说明。'})


class EvidenceForm(StyledForm):
    title = forms.CharField(label='材料名称', max_length=200, required=False)
    file = forms.FileField(label='文件', error_messages={'required': '请选择要上传的文件。'})


class ReviewForm(StyledForm):
    value = forms.DecimalField(label='评分', min_value=0, max_digits=7, decimal_places=2,
                               error_messages={'required': '请填写得分。', 'min_value': '得分不能为负数。'})
    comment = forms.CharField(label='评分意见', widget=forms.Textarea(attrs={'rows': 3}),
                              error_messages={'required': '请填写评分意见。'})


class ObjectionForm(StyledForm):
    reason = forms.CharField(label='申诉理由', widget=forms.Textarea(attrs={'rows': 3}),
                             error_messages={'required': '请写明申诉理由。'})
    requested_score = forms.DecimalField(label='申请调整为（可不填）', required=False, min_value=0, max_digits=7,
                                         decimal_places=2)


class AcceptObjectionForm(TransitionForm):
    decided_score = forms.DecimalField(label='调整后的得分', min_value=0, max_digits=7, decimal_places=2)
    response = forms.CharField(label='处理意见', widget=forms.Textarea(attrs={'rows': 3}))


class RejectObjectionForm(TransitionForm):
    response = forms.CharField(label='处理意见（不成立的理由）', widget=forms.Textarea(attrs={'rows': 3}))


class AssignmentForm(StyledForm):
    reviewer = forms.ModelChoiceField(label='评分人', queryset=None)
    area = forms.ChoiceField(label='负责的一级指标', required=False)
    category = forms.ChoiceField(label='负责的考核类别', required=False)

    def __init__(self, *args: Any, campaign: Campaign, **kwargs: Any) -> None:
        from fazhi.organization.models import User
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields['reviewer'].queryset = User.objects.filter(
            role__in=['district_admin', 'legality_reviewer', 'case_officer'], is_active=True)
        self.fields['area'].choices = [('', '全部一级指标')] + [
            (str(i.pk), f'{i.code} {i.name}') for i in campaign.system.items.filter(level=1)]
        self.fields['category'].choices = [('', '全部类别')] + [
            (c['code'], c['name']) for c in campaign.system.categories if c['code'] in campaign.categories]


class CompareForm(StyledForm):
    system = forms.ModelChoiceField(label='按此体系版本重新计分', queryset=IndicatorSystem.objects.all(), required=False,
                                    empty_label='本次考核所用版本（以现行指标定义和数据重算）')


class RoundForm(StyledForm):
    name = forms.CharField(label='评审活动名称', max_length=120)
    year = forms.IntegerField(label='年度', min_value=2000, max_value=2100, initial=lambda: dt.date.today().year)
    accept_until = forms.DateField(label='申报截止日', required=False, **DATE)
    quota_department = forms.IntegerField(label='区属部门入选名额', min_value=0, initial=5)
    quota_street = forms.IntegerField(label='街道（乡镇）入选名额', min_value=0, initial=6)
    trim_min_experts = forms.IntegerField(label='专家达到几人时去掉最高最低分', min_value=3, initial=5)
    max_per_unit = forms.IntegerField(label='每个单位限报项目数', min_value=1, initial=1)


class ApplicationForm(StyledForm):
    unit = forms.ModelChoiceField(label='申报单位', queryset=None)
    title = forms.CharField(label='项目名称', max_length=200)
    description = forms.CharField(label='项目简介', widget=forms.Textarea(attrs={'rows': 3}))
    measures = forms.CharField(label='主要做法', widget=forms.Textarea(attrs={'rows': 4}))
    effects = forms.CharField(label='取得成效', widget=forms.Textarea(attrs={'rows': 3}))
    evidence_note = forms.CharField(label='佐证材料说明', required=False, widget=forms.Textarea(attrs={'rows': 2}))
    attachment = forms.FileField(label='佐证材料（可选）', required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        from fazhi.organization.models import Unit
        super().__init__(*args, **kwargs)
        self.fields['unit'].queryset = Unit.objects.visible_to(user).filter(kind__in=['department', 'street',
                                                                                      'vertical'], is_active=True)


class ExpertForm(StyledForm):
    name = forms.CharField(label='姓名', max_length=50)
    affiliation = forms.CharField(label='工作单位', max_length=120)
    title = forms.CharField(label='职务职称', max_length=60, required=False)
    username = forms.CharField(label='平台账号（可不填，由管理员代录评分）', max_length=150, required=False)

    def clean_username(self) -> Any:
        from fazhi.organization.models import User
        name = self.cleaned_data['username'].strip()
        if not name:
            return None
        user = User.objects.filter(username=name, is_active=True).first()
        if user is None:
            raise forms.ValidationError(f'没有名为“{name}”的有效账号。')
        return user


class DeclareForm(StyledForm):
    conflict_unit_codes = forms.CharField(label='回避的单位编码（多个用逗号或空格分隔；本人所在单位自动回避）',
                                          required=False)
    declaration = forms.CharField(label='回避声明', widget=forms.Textarea(attrs={'rows': 3}),
                                  initial='本人承诺：与上述单位的申报项目存在利害关系，主动回避；与其余项目无利害关系，'
                                          '将独立、公正地评审。')

    def clean_conflict_unit_codes(self) -> list[str]:
        text = self.cleaned_data['conflict_unit_codes'].replace('，', ',').replace('、', ',')
        return [c for c in text.replace(',', ' ').split() if c]


class ExpertScoreForm(StyledForm):
    comment = forms.CharField(label='评审意见', required=False, widget=forms.Textarea(attrs={'rows': 2}))

    def __init__(self, *args: Any, round_: ProjectRound, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        maxima = round_.maxima()
        for key, label in reversed(DIMENSIONS):
            field = forms.DecimalField(label=f'{label}（满分 {maxima[key].normalize()}）', min_value=0,
                                       max_value=maxima[key], max_digits=5, decimal_places=2,
                                       error_messages={'required': f'请填写“{label}”的得分。',
                                                       'max_value': f'“{label}”不能超过 {maxima[key].normalize()} 分。'})
            field.widget.attrs['class'] = 'form-control'
            self.fields = {key: field, **self.fields}
