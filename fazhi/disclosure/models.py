"""Government information disclosure: requests (20 working days, deadline engine) and proactive items."""
from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse

from fazhi.core.models import DomainModel

from . import time_limits
from .choices import (OPEN_REQUEST_STATES, ApplicantKind, ItemCategory, ItemChannel, ReplyOutcome, RequestChannel,
                      RequestState)
from .lifecycle import REQUEST_WORKFLOW

__all__ = ['DisclosureRequest', 'DisclosureItem']


class DisclosureRequest(DomainModel):
    """A request for government information (依申请公开), answered within 20 working days."""
    unit = models.ForeignKey('organization.Unit', verbose_name='受理机关', on_delete=models.PROTECT,
                             related_name='disclosure_requests')
    request_no = models.CharField('申请编号', max_length=40, unique=True)
    applicant_kind = models.CharField('申请人类型', max_length=16, choices=ApplicantKind.choices,
                                      default=ApplicantKind.CITIZEN)
    applicant_name = models.CharField('申请人', max_length=100)
    content = models.TextField('申请公开的内容')
    channel = models.CharField('申请方式', max_length=12, choices=RequestChannel.choices, default=RequestChannel.ONLINE)
    received_on = models.DateField('收到申请日期', db_index=True)
    correction_requested_on = models.DateField('告知补正日期', null=True, blank=True)
    correction_received_on = models.DateField('收到补正日期', null=True, blank=True)
    third_party_from = models.DateField('征求第三方意见日期', null=True, blank=True)
    third_party_to = models.DateField('第三方意见返回日期', null=True, blank=True)
    extended_on = models.DateField('延期批准日期', null=True, blank=True)
    due_on = models.DateField('答复期限', null=True, blank=True, db_index=True)
    state = models.CharField('办理状态', max_length=12, choices=RequestState.choices, default=RequestState.RECEIVED)
    replied_on = models.DateField('答复日期', null=True, blank=True)
    outcome = models.CharField('答复类型', max_length=20, choices=ReplyOutcome.choices, blank=True)
    on_time = models.BooleanField('是否按期答复', null=True, blank=True)

    workflow = REQUEST_WORKFLOW
    analytics_table = 'disclosure_request'

    class Meta:
        verbose_name = '政府信息公开申请'
        verbose_name_plural = '政府信息公开申请'
        ordering = ['-received_on', '-id']

    def __str__(self) -> str:
        return f'{self.request_no} {self.content[:20]}'

    def get_absolute_url(self) -> str:
        return reverse('disclosure:request_detail', args=[self.pk])

    @property
    def awaiting_correction(self) -> bool:
        return bool(self.correction_requested_on) and not self.correction_received_on

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.due_on = None if self.awaiting_correction or not self.received_on else time_limits.reply_due(self).due
        self.on_time = (self.replied_on <= self.due_on) if self.replied_on and self.due_on else None
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_REQUEST_STATES

    def due_explained(self) -> Any:
        return None if self.awaiting_correction or not self.received_on else time_limits.reply_due(self)


class DisclosureItem(DomainModel):
    """A piece of government information published proactively (主动公开), within 20 working days."""
    unit = models.ForeignKey('organization.Unit', verbose_name='公开单位', on_delete=models.PROTECT,
                             related_name='disclosure_items')
    title = models.CharField('信息标题', max_length=300)
    category = models.CharField('公开类别', max_length=16, choices=ItemCategory.choices)
    formed_on = models.DateField('信息形成（变更）日期')
    due_on = models.DateField('应公开日期', null=True, blank=True)
    published_on = models.DateField('公开日期', null=True, blank=True, db_index=True)
    channel = models.CharField('公开渠道', max_length=12, choices=ItemChannel.choices, default=ItemChannel.WEBSITE)
    url = models.CharField('网址', max_length=300, blank=True)
    on_time = models.BooleanField('是否按时公开', null=True, blank=True)

    analytics_table = 'disclosure_item'

    class Meta:
        verbose_name = '主动公开信息'
        verbose_name_plural = '主动公开信息'
        ordering = ['-formed_on', '-id']

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse('disclosure:item_detail', args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.due_on = time_limits.proactive_due(self.formed_on).due if self.formed_on else None
        self.on_time = (self.published_on <= self.due_on) if self.published_on and self.due_on else None
        super().save(*args, **kwargs)
