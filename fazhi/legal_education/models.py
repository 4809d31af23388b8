"""普法责任清单: what each unit must teach, to whom, how often — and how much of it was done."""
from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse

from fazhi.core.models import DomainModel

from .choices import DutyState, EducationForm

__all__ = ['EducationDuty']


class EducationDuty(DomainModel):
    unit = models.ForeignKey('organization.Unit', verbose_name='责任单位', on_delete=models.PROTECT,
                             related_name='education_duties')
    year = models.PositiveSmallIntegerField('年度')
    law_name = models.CharField('重点普法内容', max_length=200, help_text='法律法规名称或普法主题')
    audience = models.CharField('普法对象', max_length=200)
    measures = models.TextField('普法任务和措施')
    form = models.CharField('主要形式', max_length=12, choices=EducationForm.choices)
    planned_count = models.PositiveIntegerField('计划开展次数', default=1)
    completed_count = models.PositiveIntegerField('已开展次数', default=0)
    people_reached = models.PositiveIntegerField('覆盖人次', null=True, blank=True)
    responsible_person = models.CharField('责任人', max_length=50, blank=True)
    state = models.CharField('完成情况', max_length=12, choices=DutyState.choices, default=DutyState.PLANNED)
    completed_on = models.DateField('完成日期', null=True, blank=True)

    analytics_table = 'legal_education_duty'
    unit_officer_actions = frozenset({'view', 'add', 'change', 'delete'})

    class Meta:
        verbose_name = '普法责任清单事项'
        verbose_name_plural = '普法责任清单事项'
        ordering = ['-year', 'unit__path', 'law_name']
        constraints = [models.UniqueConstraint(fields=['unit', 'year', 'law_name'], name='education_duty_unique')]

    def __str__(self) -> str:
        return f'{self.year}年 {self.law_name}'

    def get_absolute_url(self) -> str:
        return reverse('legal_education:duty_detail', args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.completed_count >= self.planned_count and self.planned_count:
            self.state = DutyState.COMPLETED
        elif self.completed_count and self.state == DutyState.PLANNED:
            self.state = DutyState.IN_PROGRESS
        super().save(*args, **kwargs)

    @property
    def completion_rate(self) -> float | None:
        return round(self.completed_count / self.planned_count, 4) if self.planned_count else None
