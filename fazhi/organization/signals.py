"""Audit entries for successful logins and logouts."""
from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from fazhi.core import audit
from fazhi.core.context import Actor


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit.record('login', user, actor=Actor(user=user, label=user.username, ip=request.META.get('REMOTE_ADDR', '')),
                 message='登录成功')


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit.record('logout', user, actor=Actor(user=user, label=user.username), message='退出登录')
