"""Supervision ledgers: people's congress proposals and CPPCC motions; audit findings and their rectification."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse

from fazhi.core.models import DomainModel

from . import time_limits
from .choices import (OPEN_PROPOSAL_STATES, FindingCategory, FindingState, ProposalKind, ProposalSession,
                      ProposalState, ReplyCategory, Satisfaction)
from .lifecycle import FINDING_WORKFLOW, PROPOSAL_WORKFLOW

__all__ = ['Proposal', 'AuditFinding']


class Proposal(DomainModel):
    """A people's congress deputy's suggestion or a CPPCC member's motion assigned to a unit (建议提案)."""
    unit = models.ForeignKey('organization.Unit', verbose_name='主办单位', on_delete=models.PROTECT,
                             related_name='proposals')
    kind = models.CharField('类型', max_length=8, choices=ProposalKind.choices)
    year = models.PositiveSmallIntegerField('年度')
    number = models.CharField('编号', max_length=20)
    session = models.CharField('提出时间', max_length=8, choices=ProposalSession.choices,
                               default=ProposalSession.PLENARY)
    title = models.CharField('标题', max_length=200)
    proposer = models.CharField('提出人（领衔人）', max_length=100)
    co_units = models.CharField('协办单位', max_length=300, blank=True)
    assigned_on = models.DateField('交办日期')
    is_complex = models.BooleanField('是否涉及面广、处理难度大', default=False,
                                     help_text='人大代表建议涉及面广、处理难度大的，答复期限为6个月')
    due_on = models.DateField('答复期限', null=True, blank=True, db_index=True)
    state = models.CharField('办理状态', max_length=12, choices=ProposalState.choices, default=ProposalState.ASSIGNED)
    met_proposer = models.BooleanField('是否与代表委员沟通见面', default=False)
    replied_on = models.DateField('答复日期', null=True, blank=True)
    reply_category = models.CharField('答复类别', max_length=1, choices=ReplyCategory.choices, blank=True)
    reply_summary = models.TextField('答复内容摘要', blank=True)
    reply_published = models.BooleanField('答复是否公开', default=False)
    on_time = models.BooleanField('是否按期答复', null=True, blank=True)
    feedback_on = models.DateField('征询意见日期', null=True, blank=True)
    satisfaction = models.CharField('代表委员意见', max_length=20, choices=Satisfaction.choices, blank=True)
    redo_due_on = models.DateField('重新办理答复期限', null=True, blank=True)
    closed_on = models.DateField('办结日期', null=True, blank=True)

    workflow = PROPOSAL_WORKFLOW
    analytics_table = 'proposal'

    class Meta:
        verbose_name = '建议提案'
        verbose_name_plural = '建议提案'
        ordering = ['-year', 'kind', 'number']
        constraints = [models.UniqueConstraint(fields=['kind', 'year', 'number'], name='proposal_unique_number')]

    def __str__(self) -> str:
        return f'{self.year}年第{self.number}号 {self.title}'

    def get_absolute_url(self) -> str:
        return reverse('supervision:proposal_detail', args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.assigned_on and self.kind:
            self.due_on = time_limits.reply_due(self.kind, self.is_complex, self.assigned_on).due
        if self.replied_on and self.due_on:
            self.on_time = self.replied_on <= self.due_on
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_PROPOSAL_STATES

    def due_explained(self) -> Any:
        return time_limits.reply_due(self.kind, self.is_complex, self.assigned_on) if self.assigned_on else None


class AuditFinding(DomainModel):
    """A problem found by an audit and its rectification, closed only by a re-check outside the unit (对账销号)."""
    unit = models.ForeignKey('organization.Unit', verbose_name='责任单位', on_delete=models.PROTECT,
                             related_name='audit_findings')
    finding_no = models.CharField('问题编号', max_length=40, unique=True)
    audit_project = models.CharField('审计项目', max_length=200)
    report_no = models.CharField('审计报告（决定）文号', max_length=100, blank=True)
    found_on = models.DateField('审计报告日期')
    category = models.CharField('问题类别', max_length=20, choices=FindingCategory.choices)
    problem_code = models.CharField('问题类型代码', max_length=40, blank=True, db_index=True,
                                    help_text='同一单位再次出现同类型问题时，已销号的问题将自动重新打开')
    description = models.TextField('问题描述')
    amount = models.DecimalField('涉及金额（万元）', max_digits=14, decimal_places=2, null=True, blank=True)
    due_on = models.DateField('整改期限', null=True, blank=True, db_index=True)
    state = models.CharField('整改状态', max_length=12, choices=FindingState.choices, default=FindingState.OPEN)
    measures = models.TextField('整改措施', blank=True)
    evidence = models.TextField('整改佐证材料', blank=True, help_text='列明佐证材料名称、文号或存放位置')
    rectified_amount = models.DecimalField('已整改金额（万元）', max_digits=14, decimal_places=2, null=True, blank=True)
    submitted_on = models.DateField('报送整改结果日期', null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='报送人', null=True, blank=True,
                                     on_delete=models.PROTECT, related_name='+')
    verified_on = models.DateField('核验日期', null=True, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='核验人', null=True, blank=True,
                                    on_delete=models.PROTECT, related_name='+')
    verification_note = models.TextField('核验意见', blank=True)
    closed_on = models.DateField('销号日期', null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField('重新打开次数', default=0)
    reopened_on = models.DateField('最近重新打开日期', null=True, blank=True)
    reopen_reason = models.TextField('重新打开原因', blank=True)
    recurrence_of = models.ForeignKey('self', verbose_name='同类问题的前次记录', null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name='recurrences')

    workflow = FINDING_WORKFLOW
    analytics_table = 'audit_finding'
    unit_officer_actions = frozenset({'view', 'change'})

    class Meta:
        verbose_name = '审计发现问题'
        verbose_name_plural = '审计发现问题'
        ordering = ['-found_on', 'finding_no']

    def __str__(self) -> str:
        return f'{self.finding_no} {self.description[:30]}'

    def get_absolute_url(self) -> str:
        return reverse('supervision:finding_detail', args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        self._created_now = self._state.adding
        super().save(*args, **kwargs)

    def after_audited_save(self) -> None:
        if getattr(self, '_created_now', False):
            from .recurrence import reopen_earlier
            reopen_earlier(self)
