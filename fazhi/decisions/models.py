"""Major administrative decisions: the annual catalogue, the five mandatory procedures with their evidence,
public comment with moderation and dispositions, and post-decision evaluation."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from fazhi.core import services
from fazhi.core.models import DomainModel

from . import consultation
from .choices import (EXEMPTIBLE, PROCEDURE_BASIS, CatalogueState, DecisionState, Disposition, EvaluationConclusion,
                      Moderation, ProcedureKind, ProcedureStatus)
from .lifecycle import CATALOGUE_WORKFLOW, DECISION_WORKFLOW

__all__ = ['DecisionCatalogue', 'MajorDecision', 'DecisionProcedure', 'PublicComment', 'DecisionEvaluation']


class DecisionCatalogue(DomainModel):
    """A government's (or department's) annual catalogue of major administrative decisions."""
    unit = models.ForeignKey('organization.Unit', verbose_name='决策机关', on_delete=models.PROTECT,
                             related_name='decision_catalogues')
    year = models.PositiveSmallIntegerField('年度')
    title = models.CharField('目录名称', max_length=200)
    state = models.CharField('状态', max_length=12, choices=CatalogueState.choices, default=CatalogueState.DRAFT)
    party_consent_on = models.DateField('党委同意日期', null=True, blank=True)
    published_on = models.DateField('公布日期', null=True, blank=True)
    note = models.TextField('说明', blank=True)

    workflow = CATALOGUE_WORKFLOW
    public_q = Q(state=CatalogueState.PUBLISHED)

    class Meta:
        verbose_name = '重大行政决策事项目录'
        verbose_name_plural = '重大行政决策事项目录'
        ordering = ['-year', 'unit__path']
        constraints = [models.UniqueConstraint(fields=['unit', 'year'], name='decision_catalogue_unique')]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse('decisions:catalogue_detail', args=[self.pk])


class MajorDecision(DomainModel):
    """A major administrative decision: its procedure record from the catalogue to post-decision evaluation."""
    catalogue = models.ForeignKey(DecisionCatalogue, verbose_name='所属目录', null=True, blank=True,
                                  on_delete=models.PROTECT, related_name='decisions')
    deciding_body = models.ForeignKey('organization.Unit', verbose_name='决策机关', on_delete=models.PROTECT,
                                      related_name='+')
    unit = models.ForeignKey('organization.Unit', verbose_name='承办单位', on_delete=models.PROTECT,
                             related_name='major_decisions')
    title = models.CharField('决策事项', max_length=200)
    summary = models.TextField('事项简述', blank=True)
    planned_on = models.DateField('计划完成时间', null=True, blank=True)
    state = models.CharField('状态', max_length=12, choices=DecisionState.choices, default=DecisionState.CATALOGUED)
    started_on = models.DateField('启动日期', null=True, blank=True)
    draft_text = models.TextField('决策草案（征求意见稿）', blank=True)
    draft_explanation = models.TextField('起草说明', blank=True)
    comment_opens_on = models.DateField('征求意见开始日期', null=True, blank=True)
    comment_closes_on = models.DateField('征求意见截止日期', null=True, blank=True)
    shortened_reason = models.TextField('缩短征求意见期限的理由', blank=True)
    feedback_report = models.TextField('意见采纳情况反馈', blank=True)
    feedback_published_on = models.DateField('反馈公布日期', null=True, blank=True)
    decided_on = models.DateField('决定日期', null=True, blank=True, db_index=True)
    decision_meeting = models.CharField('决定会议', max_length=100, blank=True)
    decision_result = models.TextField('决定内容', blank=True)
    withdrawn_reason = models.TextField('调出目录理由', blank=True)
    evaluated_on = models.DateField('决策后评估完成日期', null=True, blank=True)
    listed_on = models.DateField('所属目录公布日期', null=True, blank=True, editable=False)

    workflow = DECISION_WORKFLOW
    public_q = Q(catalogue__state=CatalogueState.PUBLISHED) | Q(comment_opens_on__isnull=False)

    class Meta:
        verbose_name = '重大行政决策'
        verbose_name_plural = '重大行政决策'
        ordering = ['-catalogue__year', 'planned_on', 'id']

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse('decisions:decision_detail', args=[self.pk])

    def get_public_url(self) -> str:
        return reverse('public_decision_detail', args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        catalogue = self.catalogue if self.catalogue_id else None
        self.listed_on = catalogue.published_on if catalogue and catalogue.state == CatalogueState.PUBLISHED else None
        super().save(*args, **kwargs)

    def after_audited_save(self) -> None:
        """Every decision carries its five procedures, pending until recorded."""
        existing = set(self.procedures.values_list('kind', flat=True))
        missing = [DecisionProcedure(decision=self, kind=k) for k in ProcedureKind.values if k not in existing]
        if missing:
            services.bulk_create(missing, enforce=False, message='决策程序清单')

    @property
    def comment_open(self) -> bool:
        return consultation.is_open(self)

    def counts(self) -> dict[str, int]:
        return consultation.comment_counts(list(self.comments.all()))


class DecisionProcedure(DomainModel):
    """One of the five mandatory procedures of a decision, with its evidence or its lawful exemption."""
    decision = models.ForeignKey(MajorDecision, verbose_name='决策事项', on_delete=models.CASCADE,
                                 related_name='procedures')
    kind = models.CharField('程序', max_length=24, choices=ProcedureKind.choices)
    status = models.CharField('履行情况', max_length=12, choices=ProcedureStatus.choices, default=ProcedureStatus.PENDING)
    held_on = models.DateField('日期', null=True, blank=True)
    participants = models.TextField('参加人员（机构）', blank=True)
    documents = models.TextField('材料（文件名称、文号）', blank=True)
    conclusion = models.TextField('结论（意见）', blank=True)
    exemption_reason = models.TextField('不适用的理由', blank=True)
    review = models.ForeignKey('legality.ReviewRequest', verbose_name='合法性审查事项', null=True, blank=True,
                               on_delete=models.PROTECT, related_name='decision_procedures')
    decided_on = models.DateField('决策作出日期', null=True, blank=True, editable=False, db_index=True)

    unit_lookup = 'decision__unit'
    editor_roles = frozenset({'legality_reviewer'})
    unit_officer_actions = frozenset({'view', 'change'})

    class Meta:
        verbose_name = '决策法定程序'
        verbose_name_plural = '决策法定程序'
        ordering = ['decision', 'id']
        constraints = [models.UniqueConstraint(fields=['decision', 'kind'], name='decision_procedure_unique')]

    def __str__(self) -> str:
        return f'{self.decision.title}：{self.get_kind_display()}（{self.get_status_display()}）'

    def get_absolute_url(self) -> str:
        return f'{self.decision.get_absolute_url()}#procedure-{self.kind}'

    @property
    def basis(self) -> str:
        return PROCEDURE_BASIS[self.kind]

    def clean(self) -> None:
        if self.status == ProcedureStatus.EXEMPTED:
            if self.kind not in EXEMPTIBLE:
                raise ValidationError({'status': f'{self.get_kind_display()}是必经程序，不能登记为不适用（{self.basis}）。'})
            if not self.exemption_reason.strip():
                raise ValidationError({'exemption_reason': '登记依法不适用的，应当说明理由和依据。'})
        if self.status == ProcedureStatus.DONE:
            if self.held_on is None or not self.conclusion.strip():
                raise ValidationError({'conclusion': '已履行的程序应当记录日期和结论（意见）。'})
            if self.kind == ProcedureKind.LEGALITY_REVIEW and self.review_id and not self.review.passed:
                raise ValidationError({'review': '合法性审查尚未出具意见或结论为不合法，不得提交集体讨论（条例第二十八条）。'})


class PublicComment(DomainModel):
    """A comment from the public on a draft decision: moderated, then answered by the drafting unit."""
    decision = models.ForeignKey(MajorDecision, verbose_name='决策事项', on_delete=models.CASCADE,
                                 related_name='comments')
    author_name = models.CharField('署名', max_length=50, blank=True)
    contact = models.CharField('联系方式（不公开）', max_length=100, blank=True)
    content = models.TextField('意见内容')
    submitted_on = models.DateField('提交日期', default=dt.date.today, db_index=True)
    moderation = models.CharField('审核', max_length=12, choices=Moderation.choices, default=Moderation.PENDING)
    moderation_reason = models.CharField('不予公开的理由', max_length=200, blank=True)
    disposition = models.CharField('处理意见', max_length=12, choices=Disposition.choices, default=Disposition.PENDING)
    disposition_reason = models.TextField('处理理由', blank=True)
    disposed_on = models.DateField('处理日期', null=True, blank=True)

    unit_lookup = 'decision__unit'
    unit_officer_actions = frozenset({'view', 'change'})

    class Meta:
        verbose_name = '公众意见'
        verbose_name_plural = '公众意见'
        ordering = ['decision', 'submitted_on', 'id']

    def __str__(self) -> str:
        return f'{self.display_name}：{self.summary}'

    def get_absolute_url(self) -> str:
        return reverse('decisions:comment_detail', args=[self.pk])

    @property
    def display_name(self) -> str:
        return self.author_name.strip() or '匿名'

    @property
    def summary(self) -> str:
        text = ' '.join(self.content.split())
        return text if len(text) <= 60 else text[:60] + '…'

    def clean(self) -> None:
        if self.moderation == Moderation.REJECTED and not self.moderation_reason.strip():
            raise ValidationError({'moderation_reason': '不予公开的，应当说明理由。'})
        if self.disposition != Disposition.PENDING:
            if self.moderation != Moderation.APPROVED:
                raise ValidationError({'disposition': '只有审核公开的意见才需要提出处理意见。'})
            if not self.disposition_reason.strip():
                raise ValidationError({'disposition_reason': '提出处理意见应当说明理由。'})


class DecisionEvaluation(DomainModel):
    """A post-decision evaluation (决策后评估, 条例 §35–§36) with its findings and conclusion."""
    decision = models.ForeignKey(MajorDecision, verbose_name='决策事项', on_delete=models.CASCADE,
                                 related_name='evaluations')
    evaluator = models.CharField('评估机构', max_length=100)
    method = models.CharField('评估方式', max_length=200, blank=True)
    started_on = models.DateField('开始日期')
    completed_on = models.DateField('完成日期', null=True, blank=True)
    findings = models.TextField('评估发现')
    conclusion = models.CharField('评估结论', max_length=12, choices=EvaluationConclusion.choices)

    unit_lookup = 'decision__unit'

    class Meta:
        verbose_name = '决策后评估'
        verbose_name_plural = '决策后评估'
        ordering = ['-completed_on', '-id']

    def __str__(self) -> str:
        return f'{self.decision.title}：{self.evaluator}评估（{self.get_conclusion_display()}）'

    def get_absolute_url(self) -> str:
        return f'{self.decision.get_absolute_url()}#evaluations'


def open_for_comment(today: dt.date | None = None) -> Any:
    today = today or dt.date.today()
    return MajorDecision.objects.filter(state=DecisionState.CONSULTING, comment_opens_on__lte=today,
                                        comment_closes_on__gte=today)
