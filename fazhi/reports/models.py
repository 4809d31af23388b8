"""Reports drafted from live data: the report, its rendered versions (archived), the narrative sections people
write (with every revision and its author) and the provenance of each figure a version states.

A `Report` is one document (kind × unit × year [× month]). Rendering it produces a `ReportVersion`: the DOCX,
PDF and HTML files, the body text, and one `ReportFigure` per figure stated, naming the indicator, unit,
period and the records behind it. Narrative sections belong to the report, not to a version, so a draft can
be regenerated from fresh data without losing what people wrote; each version records which revision of each
narrative it used. Publishing a version puts it on the public portal; earlier published versions stay there as
the archive.
"""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Q
from django.urls import reverse

from fazhi.core.models import DomainModel
from fazhi.organization.choices import Role, UnitKind

from .choices import DISTRICT_KINDS, JobState, ReportKind, ReportState

__all__ = ['Report', 'ReportVersion', 'NarrativeSection', 'NarrativeRevision', 'ReportFigure', 'RenderJob']


class Report(DomainModel):
    kind = models.CharField('报告类型', max_length=16, choices=ReportKind.choices)
    unit = models.ForeignKey('organization.Unit', verbose_name='编制单位', on_delete=models.PROTECT,
                             related_name='reports')
    year = models.PositiveSmallIntegerField('年度')
    month = models.PositiveSmallIntegerField('月份', default=0, blank=True, help_text='监督通报填写月份；年度报告和白皮书为 0')
    title = models.CharField('标题', max_length=200)
    state = models.CharField('状态', max_length=16, choices=ReportState.choices, default=ReportState.DRAFT)
    current_version = models.ForeignKey('ReportVersion', verbose_name='当前版本', null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name='+')
    published_version = models.ForeignKey('ReportVersion', verbose_name='已发布版本', null=True, blank=True,
                                          on_delete=models.SET_NULL, related_name='+')
    published_on = models.DateField('发布日期', null=True, blank=True)
    created_by_name = models.CharField('创建人', max_length=150, blank=True)

    public_q = Q(published_version__isnull=False)
    unit_officer_actions = frozenset({'view', 'add', 'change'})

    class Meta:
        verbose_name = '编制报告'
        verbose_name_plural = '编制报告'
        ordering = ['-year', '-month', 'kind', 'id']
        constraints = [models.UniqueConstraint(fields=['kind', 'unit', 'year', 'month'], name='report_unique_period')]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse('reports:report_detail', args=[self.pk])

    @property
    def period_label(self) -> str:
        return f'{self.year}-{self.month:02d}' if self.month else str(self.year)

    @property
    def period_display(self) -> str:
        return f'{self.year}年{self.month}月' if self.month else f'{self.year}年'

    def clean(self) -> None:
        errors: dict[str, str] = {}
        unit = self.unit if self.unit_id else None
        if unit is not None:
            if self.kind in DISTRICT_KINDS and unit.kind != UnitKind.DISTRICT:
                errors['unit'] = f'“{self.get_kind_display()}”由区（县）政府编制，编制单位必须是区（县）政府；部门和街道请选择“部门法治政府建设年度报告”。'
            if self.kind == ReportKind.DEPARTMENT and unit.kind == UnitKind.DISTRICT:
                errors['unit'] = '部门年度报告的编制单位应为部门或街道（乡镇），区（县）政府请选择“法治政府建设年度报告”。'
        if self.kind == ReportKind.BULLETIN:
            if not self.month or not 1 <= self.month <= 12:
                errors['month'] = '监督通报按月编制，请填写 1 至 12 的月份。'
        elif self.month:
            errors['month'] = '只有监督通报按月编制，年度报告和白皮书不填月份。'
        if not 2000 <= (self.year or 0) <= 2100:
            errors['year'] = '年度应在 2000 至 2100 之间。'
        if errors:
            raise ValidationError(errors)


class ReportVersion(DomainModel):
    """One rendering of a report from the data of its moment; never changed afterwards except by checking and
    publishing (which add their results)."""
    report = models.ForeignKey(Report, verbose_name='报告', on_delete=models.CASCADE, related_name='versions')
    number = models.PositiveIntegerField('版本号')
    source = models.CharField('生成方式', max_length=16, default='web')
    created_by_name = models.CharField('生成人', max_length=150, blank=True)
    data_as_of = models.DateTimeField('数据截至')
    docx = models.CharField('Word 文档', max_length=255, blank=True, help_text='存储中的文件名（MEDIA_ROOT 下）')
    pdf = models.CharField('PDF 文档', max_length=255, blank=True)
    html = models.CharField('网页版', max_length=255, blank=True)
    text = models.TextField('正文文本', blank=True)
    content_sha256 = models.CharField('文件摘要', max_length=200, blank=True)
    pages = models.PositiveIntegerField('页数', default=0)
    figure_count = models.PositiveIntegerField('数字个数', default=0)
    gap_count = models.PositiveIntegerField('暂缺数据处数', default=0)
    seconds = models.FloatField('生成用时（秒）', default=0)
    narratives = models.JSONField('所用文字稿版本', default=dict, blank=True)
    gaps = models.JSONField('暂缺数据', default=list, blank=True)
    checked_at = models.DateTimeField('校核时间', null=True, blank=True)
    checked_by_name = models.CharField('校核人', max_length=150, blank=True)
    findings = models.JSONField('校核发现的问题', default=list, blank=True)
    checks = models.JSONField('已通过的校核', default=list, blank=True)
    override_reason = models.TextField('带问题发布的理由', blank=True)
    override_by_name = models.CharField('批准带问题发布人', max_length=150, blank=True)
    published_at = models.DateTimeField('发布时间', null=True, blank=True)
    published_by_name = models.CharField('发布人', max_length=150, blank=True)

    unit_lookup = 'report__unit'
    public_q = Q(published_at__isnull=False)
    unit_officer_actions = frozenset({'view', 'add', 'change'})
    audit_exclude = frozenset({'created_at', 'updated_at', 'text'})

    class Meta:
        verbose_name = '报告版本'
        verbose_name_plural = '报告版本'
        ordering = ['report', '-number']
        constraints = [models.UniqueConstraint(fields=['report', 'number'], name='report_version_number')]

    def __str__(self) -> str:
        return f'{self.report.title}（第{self.number}版）'

    def get_absolute_url(self) -> str:
        return reverse('reports:version_detail', args=[self.report_id, self.number])

    def save_file(self, kind: str, name: str, content: bytes) -> None:
        """Store one output file (docx / pdf / html) under MEDIA_ROOT/reports/<report>/ and remember its name."""
        stored = default_storage.save(f'reports/{self.report_id}/{name}', ContentFile(content))
        setattr(self, kind, stored)

    def read_file(self, kind: str) -> bytes:
        name = getattr(self, kind)
        if not name:
            return b''
        with default_storage.open(name, 'rb') as fh:
            return fh.read()

    @property
    def html_text(self) -> str:
        return self.read_file('html').decode('utf-8')

    @property
    def blocking_findings(self) -> list[dict[str, Any]]:
        return [f for f in self.findings or [] if f.get('severity') in ('error', 'warning')]

    @property
    def is_checked(self) -> bool:
        return self.checked_at is not None


class NarrativeSection(DomainModel):
    """A passage of a report written by people (the template gives a first draft); regenerating keeps it."""
    report = models.ForeignKey(Report, verbose_name='报告', on_delete=models.CASCADE, related_name='narratives')
    key = models.CharField('段落代码', max_length=60)
    title = models.CharField('段落名称', max_length=100)
    text = models.TextField('内容', blank=True)
    revision = models.PositiveIntegerField('修订号', default=1)
    updated_by_name = models.CharField('最后修改人', max_length=150, blank=True)
    is_default = models.BooleanField('仍为模板初稿', default=True)

    unit_lookup = 'report__unit'
    unit_officer_actions = frozenset({'view', 'add', 'change'})

    class Meta:
        verbose_name = '报告文字段落'
        verbose_name_plural = '报告文字段落'
        ordering = ['report', 'id']
        constraints = [models.UniqueConstraint(fields=['report', 'key'], name='report_narrative_key')]

    def __str__(self) -> str:
        return f'{self.report.title}：{self.title}'

    def get_absolute_url(self) -> str:
        return reverse('reports:narrative_edit', args=[self.report_id, self.key])


class NarrativeRevision(DomainModel):
    """Every saved text of a narrative section, with its author: the section's history."""
    section = models.ForeignKey(NarrativeSection, verbose_name='文字段落', on_delete=models.CASCADE,
                                related_name='revisions')
    number = models.PositiveIntegerField('修订号')
    text = models.TextField('内容', blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='作者', null=True, blank=True,
                               on_delete=models.SET_NULL, related_name='+')
    author_name = models.CharField('作者姓名', max_length=150)
    note = models.CharField('修改说明', max_length=200, blank=True)

    unit_lookup = 'section__report__unit'
    unit_officer_actions = frozenset({'view', 'add'})

    class Meta:
        verbose_name = '文字段落修订'
        verbose_name_plural = '文字段落修订'
        ordering = ['section', '-number']
        constraints = [models.UniqueConstraint(fields=['section', 'number'], name='report_narrative_revision')]

    def __str__(self) -> str:
        return f'{self.section.title} 第{self.number}稿（{self.author_name}）'


class ReportFigure(DomainModel):
    """Where one figure of a version comes from: indicator, unit, period, the counts and the records behind it."""
    version = models.ForeignKey(ReportVersion, verbose_name='报告版本', on_delete=models.CASCADE,
                                related_name='figures')
    ref = models.PositiveIntegerField('序号')
    section = models.CharField('所在章节', max_length=200, blank=True)
    text = models.CharField('报告中的表述', max_length=100)
    part = models.CharField('取值', max_length=16)
    indicator = models.CharField('指标编码', max_length=80)
    indicator_name = models.CharField('指标名称', max_length=100)
    unit_code = models.CharField('统计单位编码', max_length=32)
    unit_name = models.CharField('统计单位', max_length=100)
    period = models.CharField('统计期间', max_length=16)
    compared_period = models.CharField('对比期间', max_length=16, blank=True)
    value = models.FloatField('数值', null=True, blank=True)
    numerator = models.FloatField('分子', null=True, blank=True)
    denominator = models.FloatField('分母', null=True, blank=True)
    records = models.BigIntegerField('记录数', null=True, blank=True)
    small_sample = models.BooleanField('样本较小', default=False)

    unit_lookup = 'version__report__unit'
    public_q = Q(version__published_at__isnull=False)
    unit_officer_actions = frozenset({'view', 'add'})

    class Meta:
        verbose_name = '报告数字来源'
        verbose_name_plural = '报告数字来源'
        ordering = ['version', 'ref']
        constraints = [models.UniqueConstraint(fields=['version', 'ref'], name='report_figure_ref')]

    def __str__(self) -> str:
        return f'[{self.ref}] {self.text}（{self.indicator_name}，{self.period}）'

    def records_url(self) -> str:
        part = 'denominator' if self.part == 'denominator' else 'numerator'
        return (reverse('indicators:records', args=[self.indicator]) + f'?unit={self.unit_code}&period={self.period}'
                f'&part={part}')

    def indicator_url(self) -> str:
        return reverse('indicators:indicator', args=[self.indicator]) + f'?unit={self.unit_code}&period={self.period}'


class RenderJob(models.Model):
    """Progress of a rendering started from the web or the API (ADR 0004: a worker thread records its progress
    in the database and the page polls it). A technical record, not a government record: what it produces —
    the version — goes through the audited service."""
    report = models.ForeignKey(Report, verbose_name='报告', on_delete=models.CASCADE, related_name='jobs')
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='发起人', null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name='+')
    state = models.CharField('状态', max_length=16, choices=JobState.choices, default=JobState.QUEUED)
    percent = models.PositiveSmallIntegerField('进度', default=0)
    phase = models.CharField('当前步骤', max_length=100, blank=True)
    message = models.TextField('结果说明', blank=True)
    version = models.ForeignKey(ReportVersion, verbose_name='生成的版本', null=True, blank=True,
                                on_delete=models.SET_NULL, related_name='+')
    created_at = models.DateTimeField('创建时间', auto_now_add=True)
    finished_at = models.DateTimeField('完成时间', null=True, blank=True)

    class Meta:
        verbose_name = '报告生成任务'
        verbose_name_plural = '报告生成任务'
        ordering = ['-id']

    def __str__(self) -> str:
        return f'{self.report.title}：{self.get_state_display()} {self.percent}%'

    @property
    def is_final(self) -> bool:
        return self.state in (JobState.SUCCEEDED, JobState.FAILED)


# Roles that may approve publishing a version whose check found problems (the justice bureau compiles reports).
OVERRIDE_ROLES = frozenset({Role.DISTRICT_ADMIN})
