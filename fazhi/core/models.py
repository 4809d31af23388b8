"""Shared base models: the audited domain-record base, the audit trail, the holiday schedule."""
from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q

from .context import inside_service

__all__ = ['ScopedQuerySet', 'DomainQuerySet', 'DomainModel', 'UnauditedWrite', 'AuditEntry', 'AuditChainHead',
           'HolidayYear', 'HolidayDay', 'WorkflowEvent']


class UnauditedWrite(RuntimeError):
    """A domain record was saved or deleted outside the audited service."""


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user: Any, action: str = 'view') -> 'ScopedQuerySet':
        from .permissions import restrict
        return restrict(self, user, action)


class DomainQuerySet(ScopedQuerySet):

    def update(self, **kwargs: Any) -> int:
        if not inside_service():
            raise UnauditedWrite('批量更新必须通过审计服务（fazhi.core.services）进行')
        return super().update(**kwargs)

    def delete(self) -> Any:
        if not inside_service():
            raise UnauditedWrite('批量删除必须通过审计服务（fazhi.core.services）进行')
        return super().delete()


class DomainModel(models.Model):
    """Base of every government record: timestamps, unit scoping and the audit guard.

    Class attributes configure access (see fazhi.core.permissions):
    - `unit_lookup`: ORM path to the owning Unit ('unit', 'respondent_unit', ...); None = district-wide data.
    - `public_q`: a Q selecting what the public may see; None = nothing is public.
    - `editor_roles`: roles that may add/change this record type in every unit.
    - `unit_officer_actions`: what a unit data officer may do within their unit's subtree.
    """
    created_at = models.DateTimeField('创建时间', auto_now_add=True)
    updated_at = models.DateTimeField('更新时间', auto_now=True)

    unit_lookup: ClassVar[str | None] = 'unit'
    public_q: ClassVar[Q | None] = None
    editor_roles: ClassVar[frozenset[str]] = frozenset()
    unit_officer_actions: ClassVar[frozenset[str]] = frozenset({'view', 'add', 'change'})
    audit_exclude: ClassVar[frozenset[str]] = frozenset({'created_at', 'updated_at'})

    objects = DomainQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not inside_service():
            raise UnauditedWrite(f'{self._meta.verbose_name}必须通过审计服务保存（fazhi.core.services）')
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if not inside_service():
            raise UnauditedWrite(f'{self._meta.verbose_name}必须通过审计服务删除（fazhi.core.services）')
        return super().delete(*args, **kwargs)

    @property
    def owning_unit(self) -> Any:
        if self.unit_lookup is None:
            return None
        obj: Any = self
        for part in self.unit_lookup.split('__'):
            obj = getattr(obj, part, None)
            if obj is None:
                return None
        return obj


class AuditEntry(models.Model):
    """One link of the hash-chained audit trail. Never updated or deleted by the application."""

    class Action(models.TextChoices):
        CREATE = 'create', '新增'
        UPDATE = 'update', '修改'
        DELETE = 'delete', '删除'
        DENIED = 'denied', '拒绝的操作'
        LOGIN = 'login', '登录'
        LOGIN_FAILED = 'login_failed', '登录失败'
        LOCKED = 'locked', '账户锁定'
        LOGOUT = 'logout', '退出'
        EVENT = 'event', '业务事件'

    seq = models.PositiveBigIntegerField('序号', unique=True)
    timestamp = models.DateTimeField('时间', db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name='操作人', null=True, blank=True,
                              on_delete=models.SET_NULL, related_name='+', db_constraint=False)
    actor_name = models.CharField('操作人账号', max_length=150)
    actor_role = models.CharField('操作人角色', max_length=24, blank=True)
    action = models.CharField('操作', max_length=16, choices=Action.choices)
    object_type = models.CharField('对象类型', max_length=100, blank=True, db_index=True)
    object_id = models.CharField('对象编号', max_length=64, blank=True, db_index=True)
    object_repr = models.CharField('对象', max_length=200, blank=True)
    unit_id = models.BigIntegerField('所属单位编号', null=True, blank=True, db_index=True)
    before = models.JSONField('修改前', null=True, blank=True)
    after = models.JSONField('修改后', null=True, blank=True)
    message = models.TextField('说明', blank=True)
    request_id = models.CharField('请求编号', max_length=32, blank=True)
    ip = models.CharField('来源地址', max_length=45, blank=True)
    prev_hash = models.CharField('前一条哈希', max_length=64)
    hash = models.CharField('本条哈希', max_length=64, unique=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = '审计记录'
        verbose_name_plural = '审计记录'
        ordering = ['-seq']

    def __str__(self) -> str:
        return f'#{self.seq} {self.actor_name} {self.get_action_display()} {self.object_repr}'


class AuditChainHead(models.Model):
    """The single row naming the last link; locked while appending so the chain stays linear."""
    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default='0' * 64)

    class Meta:
        verbose_name = '审计链头'


class HolidayYear(DomainModel):
    """An official holiday schedule entered by administrators (e.g. before the library knows the year)."""
    year = models.PositiveSmallIntegerField('年度', unique=True)
    notice = models.CharField('通知文号/标题', max_length=200)
    published_on = models.DateField('发布日期', null=True, blank=True)

    unit_lookup = None
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '法定节假日安排'
        verbose_name_plural = '法定节假日安排'
        ordering = ['-year']

    def __str__(self) -> str:
        return f'{self.year}年节假日安排'


class HolidayDay(DomainModel):
    class Kind(models.TextChoices):
        HOLIDAY = 'holiday', '放假'
        WORKDAY = 'workday', '调休上班'

    schedule = models.ForeignKey(HolidayYear, verbose_name='年度安排', on_delete=models.CASCADE, related_name='days')
    date = models.DateField('日期', unique=True)
    kind = models.CharField('类型', max_length=8, choices=Kind.choices)
    name = models.CharField('节日名称', max_length=20)

    unit_lookup = None
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '节假日（调休）日期'
        verbose_name_plural = '节假日（调休）日期'
        ordering = ['date']

    def __str__(self) -> str:
        return f'{self.date} {self.name}（{self.get_kind_display()}）'


class WorkflowEvent(DomainModel):
    """One step on a record's timeline (accepted, hearing held, suspended, decided, served, ...)."""
    content_type = models.ForeignKey('contenttypes.ContentType', verbose_name='记录类型', on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField('记录编号', db_index=True)
    transition = models.CharField('操作', max_length=40)
    label = models.CharField('操作名称', max_length=40)
    from_state = models.CharField('原状态', max_length=32, blank=True)
    to_state = models.CharField('新状态', max_length=32, blank=True)
    occurred_on = models.DateField('发生日期')
    note = models.TextField('说明', blank=True)
    actor_name = models.CharField('操作人', max_length=150)
    unit_id = models.BigIntegerField('所属单位编号', null=True, blank=True)

    unit_lookup = None
    unit_officer_actions = frozenset({'view'})

    class Meta:
        verbose_name = '流程记录'
        verbose_name_plural = '流程记录'
        ordering = ['occurred_on', 'id']
        indexes = [models.Index(fields=['content_type', 'object_id'])]

    def __str__(self) -> str:
        return f'{self.occurred_on} {self.label}'
