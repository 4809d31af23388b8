"""Forms: a new report (type, unit within the user's scope, year, month), a narrative edit, a publication."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from fazhi.core.permissions import unit_in_scope
from fazhi.organization.models import Unit

from .choices import DISTRICT_KINDS, ReportKind
from .models import Report


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label='报告类型', choices=ReportKind.choices)
    unit = forms.ChoiceField(label='编制单位')
    year = forms.IntegerField(label='年度', min_value=2000, max_value=2100)
    month = forms.IntegerField(label='月份（监督通报填写）', min_value=1, max_value=12, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        units = [u for u in Unit.objects.visible_to(user).filter(is_active=True).exclude(kind='office')
                 if unit_in_scope(user, Report, 'add', u)]
        self.units = {str(u.pk): u for u in units}
        self.fields['unit'].choices = [(str(u.pk), u.name) for u in units]
        self.fields['year'].initial = dt.date.today().year - 1
        if not any(u.kind == 'district' for u in units):
            self.fields['kind'].choices = [(ReportKind.DEPARTMENT, ReportKind.DEPARTMENT.label)]
        for name, field in self.fields.items():
            field.widget.attrs['class'] = 'form-select' if name in ('kind', 'unit') else 'form-control'

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        unit = self.units.get(data.get('unit') or '')
        if unit is None:
            raise forms.ValidationError('请选择您有权编制报告的单位。')
        data['unit'] = unit
        kind = data.get('kind')
        if kind == ReportKind.ANNUAL and unit.kind != 'district':
            data['kind'] = kind = ReportKind.DEPARTMENT
        if kind in DISTRICT_KINDS and unit.kind != 'district':
            raise forms.ValidationError('年度报告、白皮书和监督通报由区（县）政府编制，部门和街道请选择“部门法治政府建设年度报告”。')
        if kind == ReportKind.BULLETIN and not data.get('month'):
            self.add_error('month', '监督通报按月编制，请填写月份。')
        if kind != ReportKind.BULLETIN:
            data['month'] = 0
        if data.get('year') and Report.objects.filter(kind=kind, unit=unit, year=data['year'],
                                                      month=data.get('month') or 0).exists():
            raise forms.ValidationError('该单位这一期间的这种报告已经存在，请在报告列表中打开它重新生成。')
        return data


class NarrativeForm(forms.Form):
    text = forms.CharField(label='内容', required=False,
                           widget=forms.Textarea(attrs={'rows': 12, 'class': 'form-control'}),
                           help_text='每行一段。可以写入数字占位符，生成时替换为指标引擎的数值，例如 {hotline.response_rate}、'
                                     '{mediation.accepted:yoy}（同比）、{reconsideration.correction_rate:num:件}（分子）。')
    note = forms.CharField(label='修改说明', max_length=200, required=False,
                           widget=forms.TextInput(attrs={'class': 'form-control', 'placeholder': '例如：补充第三季度工作'}))
    base_revision = forms.IntegerField(widget=forms.HiddenInput)


class PublishForm(forms.Form):
    override_reason = forms.CharField(
        label='带问题发布的理由', required=False, widget=forms.Textarea(attrs={'rows': 3, 'class': 'form-control'}),
        help_text='校核发现问题时才需要填写；只有区依法治区办可以批准带问题发布，理由记入审计日志。')
