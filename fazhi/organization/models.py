"""Units (the district's organisational tree) and users scoped to them."""
from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils import timezone

from fazhi.core.models import DomainModel, DomainQuerySet, ScopedQuerySet

from .choices import Role, UnitKind

__all__ = ['Unit', 'User', 'Liaison']


class UnitQuerySet(DomainQuerySet):
    def subtree(self, unit: 'Unit') -> 'UnitQuerySet':
        return self.filter(path__startswith=unit.path)


class Unit(DomainModel):
    """A unit of the district: the district itself, a department, a street/town or an office.

    `path` is a materialised path ('/1/7/23/') so that a subtree is one indexed prefix query
    on SQLite and PostgreSQL alike.
    """
    code = models.CharField('单位编码', max_length=32, unique=True)
    name = models.CharField('单位名称', max_length=100)
    short_name = models.CharField('简称', max_length=40, blank=True)
    kind = models.CharField('单位类型', max_length=16, choices=UnitKind.choices)
    parent = models.ForeignKey('self', verbose_name='上级单位', null=True, blank=True,
                               on_delete=models.PROTECT, related_name='children')
    path = models.CharField('层级路径', max_length=255, db_index=True, editable=False, default='')
    is_enforcement_body = models.BooleanField('是否行政执法主体', default=False)
    population = models.PositiveIntegerField('常住人口', null=True, blank=True)
    sort_order = models.PositiveIntegerField('排序', default=100)
    is_active = models.BooleanField('有效', default=True)

    objects = UnitQuerySet.as_manager()
    unit_lookup = None  # a unit is scoped by its own path (see fazhi.core.permissions.restrict)

    class Meta:
        verbose_name = '单位'
        verbose_name_plural = '单位'
        ordering = ['path']

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse('organization:unit_detail', args=[self.pk])

    @property
    def owning_unit(self) -> 'Unit':
        """A unit owns itself: its audit entries are filed under it."""
        return self

    @property
    def depth(self) -> int:
        return self.path.count('/') - 2

    def refresh_path(self) -> None:
        prefix = self.parent.path if self.parent_id else '/'
        self.path = f'{prefix}{self.pk}/'

    def is_within(self, other: 'Unit') -> bool:
        return self.path.startswith(other.path)

    def after_audited_save(self) -> None:
        """Keep the materialised path (and the subtree's) right after a create or a move."""
        old = self.path
        self.refresh_path()
        if old == self.path:
            return
        Unit.objects.filter(pk=self.pk).update(path=self.path)
        if old:
            for child in Unit.objects.filter(path__startswith=old).exclude(pk=self.pk):
                Unit.objects.filter(pk=child.pk).update(path=self.path + child.path[len(old):])

    def clean(self) -> None:
        from django.core.exceptions import ValidationError
        if self.pk and self.parent_id and self.parent.path.startswith(self.path or '\0'):
            raise ValidationError({'parent': '上级单位不能是本单位或其下级单位。'})


class ScopedUserManager(UserManager.from_queryset(ScopedQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    """A person with one role, scoped to a unit. Roles are exclusive by design (三员分立)."""
    full_name = models.CharField('姓名', max_length=50, blank=True)
    unit = models.ForeignKey(Unit, verbose_name='所属单位', null=True, blank=True,
                             on_delete=models.PROTECT, related_name='users')
    role = models.CharField('角色', max_length=24, choices=Role.choices, default=Role.UNIT_OFFICER)
    phone = models.CharField('联系电话', max_length=20, blank=True)
    failed_logins = models.PositiveSmallIntegerField('连续登录失败次数', default=0)
    locked_until = models.DateTimeField('锁定至', null=True, blank=True)
    password_changed_at = models.DateTimeField('密码修改时间', null=True, blank=True)

    objects = ScopedUserManager()

    class Meta:
        verbose_name = '用户'
        verbose_name_plural = '用户'
        ordering = ['username']

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_absolute_url(self) -> str:
        return reverse('organization:user_detail', args=[self.pk])

    @property
    def owning_unit(self) -> Unit | None:
        return self.unit

    @property
    def is_locked(self) -> bool:
        return bool(self.locked_until and self.locked_until > timezone.now())

    def set_password(self, raw_password):
        super().set_password(raw_password)
        self.password_changed_at = timezone.now()


class Liaison(DomainModel):
    """A unit's designated rule-of-law liaison (法治工作联络员), kept up to date by the unit itself."""
    unit = models.ForeignKey(Unit, verbose_name='所属单位', on_delete=models.PROTECT, related_name='liaisons')
    name = models.CharField('姓名', max_length=50)
    position = models.CharField('职务', max_length=50, blank=True)
    phone = models.CharField('联系电话', max_length=20, blank=True)
    is_head = models.BooleanField('是否单位法治工作分管负责人', default=False)
    has_legal_qualification = models.BooleanField('是否具有法律职业资格', default=False)

    unit_officer_actions = frozenset({'view', 'add', 'change', 'delete'})

    class Meta:
        verbose_name = '法治工作联络员'
        verbose_name_plural = '法治工作联络员'
        ordering = ['unit__path', 'name']

    def __str__(self) -> str:
        return f'{self.name}（{self.unit}）'

    def get_absolute_url(self) -> str:
        return reverse('organization:liaison_detail', args=[self.pk])
