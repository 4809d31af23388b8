from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password
from django.utils import timezone

from fazhi.core.forms import ScopedModelForm

from .choices import Role
from .models import Liaison, Unit, User


class LoginForm(AuthenticationForm):
    error_messages = {
        'invalid_login': '用户名或密码错误。连续失败多次后账户将被锁定。',
        'inactive': '该账户已停用。',
        'locked': '该账户因连续登录失败已被锁定，请于 %(until)s 后重试，或联系安全管理员解锁。',
    }

    def clean(self) -> Any:
        try:
            return super().clean()
        except forms.ValidationError:
            user = User.objects.filter(username=self.cleaned_data.get('username')).first()
            if user is not None and user.is_locked:
                until = timezone.localtime(user.locked_until).strftime('%H:%M')
                raise forms.ValidationError(self.error_messages['locked'], code='locked', params={'until': until})
            raise


class UnitForm(ScopedModelForm):
    class Meta:
        model = Unit
        fields = ['code', 'name', 'short_name', 'kind', 'parent', 'is_enforcement_body', 'population',
                  'sort_order', 'is_active']


class UserCreateForm(ScopedModelForm):
    """System administrators create accounts; the security administrator assigns roles."""
    password = forms.CharField(label='初始密码', widget=forms.PasswordInput)

    class Meta:
        model = User
        fields = ['username', 'full_name', 'unit', 'phone', 'is_active']

    def clean_password(self) -> str:
        password = self.cleaned_data['password']
        validate_password(password)
        return password

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        user.set_password(self.cleaned_data['password'])
        user.role = Role.UNIT_OFFICER
        return user


class UserAccountForm(ScopedModelForm):
    class Meta:
        model = User
        fields = ['full_name', 'unit', 'phone', 'is_active']


class UserSecurityForm(ScopedModelForm):
    unlock = forms.BooleanField(label='解除锁定', required=False)

    class Meta:
        model = User
        fields = ['role']

    def clean_role(self) -> str:
        role = self.cleaned_data['role']
        if self.instance.pk == getattr(self.user, 'pk', None) and role != self.instance.role:
            raise forms.ValidationError('不能修改自己的角色（三员分立）。')
        return role

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        if self.cleaned_data.get('unlock'):
            user.locked_until = None
            user.failed_logins = 0
        return user


class LiaisonForm(ScopedModelForm):
    class Meta:
        model = Liaison
        fields = ['unit', 'name', 'position', 'phone', 'is_head', 'has_legal_qualification']
