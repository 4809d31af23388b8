"""Login with lockout (等保三级) and the password character-class rule."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.utils import timezone

from fazhi.core import audit
from fazhi.core.context import Actor


class LockoutModelBackend(ModelBackend):
    """Counts consecutive failures; locks the account for FAZHI_LOCKOUT_MINUTES at the threshold."""

    def authenticate(self, request: Any, username: str | None = None, password: str | None = None,
                     **kwargs: Any) -> Any:
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first() if username else None
        if user is not None and user.is_locked:
            self._log(request, user, 'login_failed', '账户锁定期间尝试登录')
            return None
        authenticated = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            return authenticated
        if authenticated is None:
            self._register_failure(request, user)
        elif user.failed_logins:
            user_model.objects.filter(pk=user.pk).update(failed_logins=0, locked_until=None)
        return authenticated

    def _register_failure(self, request: Any, user: Any) -> None:
        user.failed_logins += 1
        fields = ['failed_logins']
        if user.failed_logins >= settings.FAZHI_LOCKOUT_THRESHOLD:
            user.locked_until = timezone.now() + timedelta(minutes=settings.FAZHI_LOCKOUT_MINUTES)
            fields.append('locked_until')
            self._log(request, user, 'locked', f'连续 {user.failed_logins} 次登录失败，账户锁定 '
                                               f'{settings.FAZHI_LOCKOUT_MINUTES} 分钟')
        else:
            self._log(request, user, 'login_failed', f'密码错误（连续第 {user.failed_logins} 次）')
        user.save(update_fields=fields)

    @staticmethod
    def _log(request: Any, user: Any, action: str, message: str) -> None:
        ip = request.META.get('REMOTE_ADDR', '') if request is not None else ''
        audit.record(action, user, actor=Actor(user=None, label=f'login:{user.username}', ip=ip), message=message)


class CharacterClassValidator:
    """At least three of: upper-case, lower-case, digits, symbols."""

    def validate(self, password: str, user: Any = None) -> None:
        classes = [any(c.isupper() for c in password), any(c.islower() for c in password),
                   any(c.isdigit() for c in password), any(not c.isalnum() for c in password)]
        if sum(classes) < 3:
            raise ValidationError('密码须至少包含大写字母、小写字母、数字、符号中的三类。', code='password_classes')

    def get_help_text(self) -> str:
        return '密码须至少包含大写字母、小写字母、数字、符号中的三类。'
