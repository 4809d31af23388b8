"""Loaded reports, the quantitative facts extracted from them and the findings of their audit.

All three are district-wide records (`unit_lookup = None`): who sees and loads them is decided by the
access table in access.py. They are written only through `fazhi.core.services` (see loading.py).
"""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse

from fazhi.core.models import DomainModel

from .choices import FindingKind, Format, Severity

__all__ = ['ReportDocument', 'ReportFact', 'ReportFinding']


class ReportDocument(DomainModel):
    """A published (or draft) report that was loaded, read and audited."""
    title = models.CharField('标题', max_length=300)
    file = models.FileField('原始文件', upload_to='reports_intel/%Y/%m/', max_length=300)
    file_name = models.CharField('文件名', max_length=255)
    format = models.CharField('格式', max_length=8, choices=Format.choices)
    encoding = models.CharField('字符编码', max_length=20, blank=True)
    size = models.PositiveIntegerField('文件大小（字节）', default=0)
    sha256 = models.CharField('文件摘要（SHA-256）', max_length=64, db_index=True)
    traditional = models.BooleanField('繁体字文本', default=False)
    region = models.CharField('地区', max_length=40, blank=True, db_index=True,
                              help_text='报告所述的区（县），如“朝阳区”；留空则自动识别')
    issuer = models.CharField('发布主体', max_length=80, blank=True)
    year = models.PositiveSmallIntegerField('年度', null=True, blank=True, db_index=True)
    text = models.TextField('报告文本', blank=True, help_text='各数量事实的位置均指向此文本')
    noise = models.JSONField('网页杂项行', default=list, blank=True)
    checks = models.JSONField('核验情况', default=list, blank=True)
    fact_count = models.PositiveIntegerField('数量事实数', default=0)
    finding_count = models.PositiveIntegerField('发现问题数', default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='上传人', null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name='+')

    unit_lookup = None
    # the text, the noise lines and the checks are derived from the file, whose digest is recorded
    audit_exclude = DomainModel.audit_exclude | {'text', 'noise', 'checks'}

    class Meta:
        verbose_name = '报告'
        verbose_name_plural = '报告'
        ordering = ['-created_at', '-id']

    def __str__(self) -> str:
        return self.title or self.file_name

    def get_absolute_url(self) -> str:
        return reverse('reports_intel:report_detail', args=[self.pk])

    @property
    def not_checkable(self) -> list[dict]:
        return [c for c in self.checks if c.get('status') == 'not_checkable']

    @property
    def consistent(self) -> list[dict]:
        return [c for c in self.checks if c.get('status') == 'consistent']


class ReportFact(DomainModel):
    """One figure a report states, with its exact place (character offsets into the report's text)."""
    report = models.ForeignKey(ReportDocument, verbose_name='报告', on_delete=models.CASCADE, related_name='facts')
    seq = models.PositiveIntegerField('序号')
    text = models.CharField('原文', max_length=500)
    start = models.PositiveIntegerField('起始位置')
    end = models.PositiveIntegerField('结束位置')
    value = models.DecimalField('数值', max_digits=38, decimal_places=6)
    high = models.DecimalField('区间上限', max_digits=38, decimal_places=6, null=True, blank=True)
    unit = models.CharField('计量单位', max_length=20, blank=True)
    subject = models.CharField('主题', max_length=200, blank=True)
    qualifier = models.CharField('限定词', max_length=10, blank=True, help_text='约、余、近、超过、以上、不少于……')
    indicator = models.CharField('指标编码', max_length=80, blank=True, db_index=True)
    comparison = models.CharField('比较表述', max_length=30, blank=True)
    direction = models.SmallIntegerField('变化方向', null=True, blank=True, help_text='1 增加，-1 减少')
    period = models.PositiveSmallIntegerField('年份', null=True, blank=True)
    region = models.CharField('地区', max_length=40, blank=True)
    issuer = models.CharField('发布主体', max_length=80, blank=True)
    kind = models.CharField('类别', max_length=20, blank=True)
    confidence = models.CharField('置信度', max_length=10, blank=True)
    note = models.CharField('备注', max_length=200, blank=True)

    unit_lookup = None

    class Meta:
        verbose_name = '数量事实'
        verbose_name_plural = '数量事实'
        ordering = ['report', 'seq']
        indexes = [models.Index(fields=['report', 'start'])]

    def __str__(self) -> str:
        return f'{self.subject or "数量"}：{self.text}'

    def get_absolute_url(self) -> str:
        return f'{self.report.get_absolute_url()}?focus={self.pk}#fact-{self.pk}'

    @property
    def value_text(self) -> str:
        """The value as people write it: 24.2, 766000, 50-60."""
        text = plain_number(self.value)
        if self.high is not None:
            text = f'{text}-{plain_number(self.high)}'
        return text


class ReportFinding(DomainModel):
    """A problem the audit found in a report, with the spans it rests on and a Chinese explanation."""
    report = models.ForeignKey(ReportDocument, verbose_name='报告', on_delete=models.CASCADE,
                               related_name='findings')
    seq = models.PositiveIntegerField('序号')
    kind = models.CharField('问题类型', max_length=30, choices=FindingKind.choices)
    severity = models.CharField('严重程度', max_length=10, choices=Severity.choices, default=Severity.WARNING)
    message = models.TextField('说明')
    spans = models.JSONField('原文位置', default=list)
    texts = models.JSONField('涉及原文', default=list)

    unit_lookup = None

    class Meta:
        verbose_name = '核查发现'
        verbose_name_plural = '核查发现'
        ordering = ['report', 'seq']

    def __str__(self) -> str:
        return f'{self.get_kind_display()}：{self.message[:60]}'

    def get_absolute_url(self) -> str:
        return f'{self.report.get_absolute_url()}#finding-{self.seq}'

    @property
    def places(self) -> list[tuple[int, int, str]]:
        return [(s, e, t) for (s, e), t in zip(self.spans, self.texts)]


def plain_number(value: Decimal | None) -> str:
    if value is None:
        return ''
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), 'f')
