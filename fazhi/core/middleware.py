"""Per-request audit context and password-age enforcement."""
from __future__ import annotations

from datetime import timedelta
from typing import Any, Callable

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from .context import acting_as


def client_ip(request: Any) -> str:
    return request.META.get('REMOTE_ADDR', '')[:45]


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[Any], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        if self._password_expired(request):
            return redirect('password_change')
        with acting_as(request.user, label='public', ip=client_ip(request)):
            return self.get_response(request)

    @staticmethod
    def _password_expired(request: Any) -> bool:
        user = request.user
        if not user.is_authenticated or request.path.startswith(('/accounts/', '/static/', '/api/')):
            return False
        changed = user.password_changed_at
        max_age = timedelta(days=settings.FAZHI_PASSWORD_MAX_AGE_DAYS)
        return changed is not None and changed < timezone.now() - max_age and request.path != reverse('password_change')
