"""Emergency plans (revision, filing) and drills; hazards are a feed of the analytics store (feeds.py)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.urls import reverse

from fazhi.core.models import DomainModel

from . import time_limits
from .choices import DrillKind, EventCategory, PlanLevel, PlanState
from .lifecycle import PLAN_WORKFLOW

__all__ = ['EmergencyPlan', 'Drill']


class EmergencyPlan(DomainModel):
    unit = models.ForeignKey('organization.Unit', verbose_name='编制单位', on_delete=models.PROTECT,
                             related_name='emergency_plans')
    name = models.CharField('预案名称', max_length=200)
    level = models.CharField('预案类别', max_length=12, choices=PlanLevel.choices)
    category = models.CharField('事件类型', max_length=12, choices=EventCategory.choices)
    version = models.CharField('版本', max_length=20, blank=True)
    doc_no = models.CharField('印发文号', max_length=100, blank=True)
    state = models.CharField('状态', max_length=12, choices=PlanState.choices, default=PlanState.DRAFT)
    issued_on = models.DateField('印发日期', null=True, blank=True)
    last_revised_on = models.DateField('最近修订日期', null=True, blank=True)
    revision_cycle_years = models.PositiveSmallIntegerField('修订周期（年）', default=time_limits.DEFAULT_REVISION_YEARS)
    revision_due = models.DateField('应修订日期', null=True, blank=True, db_index=True)
    filing_due = models.DateField('应备案日期', null=True, blank=True)
    filed_on = models.DateField('备案日期', null=True, blank=True)
    filed_with = models.CharField('备案机关', max_length=100, blank=True)
    repealed_on = models.DateField('废止日期', null=True, blank=True)

    workflow = PLAN_WORKFLOW
    analytics_table = 'emergency_plan'

    class Meta:
        verbose_name = '应急预案'
        verbose_name_plural = '应急预案'
        ordering = ['unit__path', 'name']

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse('emergency:plan_detail', args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        current = self.last_revised_on or self.issued_on
        self.revision_due = time_limits.revision_due(current, self.revision_cycle_years) if current else None
        self.filing_due = time_limits.filing_due(current).due if current else None
        super().save(*args, **kwargs)

    @property
    def revision_overdue(self) -> bool:
        return self.state == PlanState.EFFECTIVE and bool(self.revision_due) and self.revision_due < dt.date.today()

    @property
    def filing_overdue(self) -> bool:
        late = self.filing_due is not None and (self.filed_on or dt.date.today()) > self.filing_due
        return self.state == PlanState.EFFECTIVE and late


class Drill(DomainModel):
    unit = models.ForeignKey('organization.Unit', verbose_name='组织单位', on_delete=models.PROTECT,
                             related_name='drills')
    plan = models.ForeignKey(EmergencyPlan, verbose_name='依据预案', null=True, blank=True, on_delete=models.SET_NULL,
                             related_name='drills')
    title = models.CharField('演练名称', max_length=200)
    held_on = models.DateField('演练日期', db_index=True)
    kind = models.CharField('演练形式', max_length=12, choices=DrillKind.choices)
    participants = models.PositiveIntegerField('参演人数', default=0)
    evaluated = models.BooleanField('是否开展评估', default=False)
    issues_found = models.PositiveIntegerField('发现问题数', default=0)
    summary = models.TextField('评估总结', blank=True)

    analytics_table = 'drill'

    class Meta:
        verbose_name = '应急演练'
        verbose_name_plural = '应急演练'
        ordering = ['-held_on', 'id']

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse('emergency:drill_detail', args=[self.pk])
