"""Import jobs: one row per uploaded file — who, when, which file, progress, counts and the errors."""
from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse

from fazhi.core.models import ScopedQuerySet

from .choices import FINAL_STATES, JobSource, JobState

__all__ = ['ImportJob']


class ImportJob(models.Model):
    """Bookkeeping of one import (not a government record: its progress is written many times a second,
    so it is not a DomainModel; every finished batch leaves an audit entry instead)."""

    type_name = models.CharField('记录类型代码', max_length=64, db_index=True)
    type_label = models.CharField('记录类型', max_length=100)
    file_name = models.CharField('文件名', max_length=255)
    stored_file = models.CharField('存储位置', max_length=500, blank=True)
    size = models.BigIntegerField('文件大小（字节）', default=0)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='导入人', null=True, blank=True,
                             on_delete=models.SET_NULL, related_name='import_jobs')
    user_label = models.CharField('导入人账号', max_length=150)
    unit = models.ForeignKey('organization.Unit', verbose_name='限定单位范围', null=True, blank=True,
                             on_delete=models.SET_NULL, related_name='import_jobs')
    source = models.CharField('来源', max_length=8, choices=JobSource.choices, default=JobSource.WEB)
    state = models.CharField('状态', max_length=16, choices=JobState.choices, default=JobState.QUEUED)
    progress = models.PositiveIntegerField('进度（千分比）', default=0)
    phase = models.CharField('当前阶段', max_length=40, blank=True)
    rows = models.BigIntegerField('数据行数', default=0)
    inserted = models.BigIntegerField('新增条数', default=0)
    updated = models.BigIntegerField('更新条数', default=0)
    error_count = models.BigIntegerField('错误数', default=0)
    errors = models.JSONField('错误明细', default=list, blank=True)
    message = models.TextField('结果说明', blank=True)
    batch_id = models.BigIntegerField('分析库批次号', null=True, blank=True)
    seconds = models.FloatField('用时（秒）', null=True, blank=True)
    pid = models.IntegerField('进程号', null=True, blank=True)
    created_at = models.DateTimeField('提交时间', auto_now_add=True, db_index=True)
    started_at = models.DateTimeField('开始时间', null=True, blank=True)
    heartbeat_at = models.DateTimeField('最近进展时间', null=True, blank=True)
    finished_at = models.DateTimeField('完成时间', null=True, blank=True)

    unit_lookup: ClassVar[str] = 'unit'
    public_q: ClassVar[None] = None
    editor_roles: ClassVar[frozenset[str]] = frozenset()
    unit_officer_actions: ClassVar[frozenset[str]] = frozenset({'view', 'add'})

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = '导入记录'
        verbose_name_plural = '导入记录'
        ordering = ['-created_at', '-id']

    def __str__(self) -> str:
        return f'{self.type_label}：{self.file_name}'

    def get_absolute_url(self) -> str:
        return reverse('imports:job', args=[self.pk])

    @property
    def owning_unit(self):
        return self.unit

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES

    @property
    def percent(self) -> int:
        return 100 if self.state == JobState.SUCCEEDED else min(100, self.progress // 10)
