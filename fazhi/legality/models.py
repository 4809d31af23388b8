"""Legality review of contracts, agreements, decisions and documents; the legal advisers registry."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from fazhi.core.models import DomainModel

from . import time_limits
from .choices import (PASSING_OUTCOMES, AdviserKind, EngagementKind, MatterType, ReviewOutcome, ReviewState)
from .lifecycle import REVIEW_WORKFLOW

__all__ = ['ReviewRequest', 'LegalAdviser', 'AdviserEngagement']


class ReviewRequest(DomainModel):
    """A matter a unit sends to the justice bureau for legality review (合法性审查事项)."""
    serial = models.CharField('审查编号', max_length=20, blank=True, db_index=True)
    unit = models.ForeignKey('organization.Unit', verbose_name='送审单位', on_delete=models.PROTECT,
                             related_name='legality_reviews')
    matter_type = models.CharField('事项类型', max_length=24, choices=MatterType.choices)
    title = models.CharField('事项名称', max_length=200)
    is_major = models.BooleanField('是否重大合同（协议）或重大事项', default=False)
    counterparty = models.CharField('合同（协议）相对方', max_length=200, blank=True)
    amount = models.DecimalField('金额（万元）', max_digits=14, decimal_places=2, null=True, blank=True)
    received_on = models.DateField('收件日期')
    due_on = models.DateField('审查期限', null=True, blank=True)
    state = models.CharField('状态', max_length=16, choices=ReviewState.choices, default=ReviewState.SUBMITTED)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='承办审查员', null=True, blank=True,
                                 on_delete=models.PROTECT, related_name='legality_reviews')
    assigned_on = models.DateField('分派日期', null=True, blank=True)
    outcome = models.CharField('审查结论', max_length=24, choices=ReviewOutcome.choices, blank=True)
    opinion = models.TextField('审查意见', blank=True)
    suggestion_count = models.PositiveIntegerField('提出意见建议（条）', default=0)
    concluded_on = models.DateField('出具意见日期', null=True, blank=True, db_index=True)
    on_time = models.BooleanField('是否按期办结', null=True, blank=True)

    workflow = REVIEW_WORKFLOW
    editor_roles = frozenset({'legality_reviewer'})

    class Meta:
        verbose_name = '合法性审查事项'
        verbose_name_plural = '合法性审查事项'
        ordering = ['-received_on', '-id']

    def __str__(self) -> str:
        return f'{self.serial} {self.title}'.strip()

    def get_absolute_url(self) -> str:
        return reverse('legality:review_detail', args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.serial and self.received_on:
            self.serial = self._next_serial()
        if self.due_on is None and self.received_on and self.matter_type:
            self.due_on = time_limits.review_due(self.matter_type, self.received_on).due
        super().save(*args, **kwargs)

    def _next_serial(self) -> str:
        prefix = f'合审〔{self.received_on.year}〕'
        last = ReviewRequest.objects.filter(serial__startswith=prefix).order_by('-serial').values_list(
            'serial', flat=True).first()
        number = int(last[len(prefix):].rstrip('号')) + 1 if last else 1
        return f'{prefix}{number:04d}号'

    @property
    def passed(self) -> bool:
        return self.state == ReviewState.CONCLUDED and self.outcome in PASSING_OUTCOMES

    @property
    def due_status(self) -> str:
        return time_limits.due_status(self)

    def due_explained(self) -> Any:
        return time_limits.review_due(self.matter_type, self.received_on) if self.received_on else None


class LegalAdviser(DomainModel):
    """An internal or external legal adviser (法律顾问) engaged by a unit; one chief adviser per unit."""
    unit = models.ForeignKey('organization.Unit', verbose_name='聘任单位', on_delete=models.PROTECT,
                             related_name='legal_advisers')
    name = models.CharField('姓名', max_length=50)
    kind = models.CharField('顾问类型', max_length=16, choices=AdviserKind.choices)
    is_chief = models.BooleanField('是否首席法律顾问', default=False)
    organization = models.CharField('所在律师事务所（单位）', max_length=100, blank=True)
    license_no = models.CharField('执业证（工作证）号', max_length=40, blank=True)
    specialty = models.CharField('专业领域', max_length=100, blank=True)
    phone = models.CharField('联系电话', max_length=20, blank=True)
    engaged_from = models.DateField('聘任起始日期')
    engaged_until = models.DateField('聘任截止日期', null=True, blank=True)
    is_active = models.BooleanField('在聘', default=True)

    editor_roles = frozenset({'legality_reviewer'})

    class Meta:
        verbose_name = '法律顾问'
        verbose_name_plural = '法律顾问'
        ordering = ['unit__path', '-is_chief', 'name']

    def __str__(self) -> str:
        return f'{self.name}（{"首席法律顾问" if self.is_chief else self.get_kind_display()}）'

    def get_absolute_url(self) -> str:
        return reverse('legality:adviser_detail', args=[self.pk])

    def clean(self) -> None:
        if self.engaged_until and self.engaged_from and self.engaged_until < self.engaged_from:
            raise ValidationError({'engaged_until': '聘任截止日期不能早于起始日期。'})
        if self.is_chief and self.is_active and self.unit_id:
            others = LegalAdviser.objects.filter(unit_id=self.unit_id, is_chief=True, is_active=True).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError({'is_chief': f'本单位已有在聘首席法律顾问：{others.first().name}。'})

    def engaged_on(self, day: dt.date) -> bool:
        return self.engaged_from <= day and (self.engaged_until is None or day <= self.engaged_until)


class AdviserEngagement(DomainModel):
    """One participation of a legal adviser: a meeting attended, documents reviewed, a case, an opinion."""
    adviser = models.ForeignKey(LegalAdviser, verbose_name='法律顾问', on_delete=models.PROTECT,
                                related_name='engagements')
    unit = models.ForeignKey('organization.Unit', verbose_name='服务单位', on_delete=models.PROTECT,
                             related_name='adviser_engagements')
    kind = models.CharField('参与类型', max_length=16, choices=EngagementKind.choices)
    occurred_on = models.DateField('日期', db_index=True)
    subject = models.CharField('事项', max_length=200)
    quantity = models.PositiveIntegerField('数量（件/次）', default=1)
    review = models.ForeignKey(ReviewRequest, verbose_name='关联合法性审查事项', null=True, blank=True,
                               on_delete=models.SET_NULL, related_name='adviser_engagements')
    note = models.TextField('备注', blank=True)

    editor_roles = frozenset({'legality_reviewer'})

    class Meta:
        verbose_name = '法律顾问参与记录'
        verbose_name_plural = '法律顾问参与记录'
        ordering = ['-occurred_on', '-id']

    def __str__(self) -> str:
        return f'{self.adviser.name} {self.get_kind_display()}：{self.subject}'

    def get_absolute_url(self) -> str:
        return reverse('legality:engagement_detail', args=[self.pk])

    def clean(self) -> None:
        if self.quantity == 0:
            raise ValidationError({'quantity': '数量至少为1。'})
