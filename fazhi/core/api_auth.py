"""DRF settings classes (loaded by DRF while it imports its views, so this module must not import them)."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from rest_framework import exceptions, permissions, status
from rest_framework.authentication import TokenAuthentication
from rest_framework.response import Response

from . import services
from .permissions import AccessDenied, can, deny_message

ACTION_BY_METHOD = {'GET': 'view', 'HEAD': 'view', 'OPTIONS': 'view', 'POST': 'add',
                    'PUT': 'change', 'PATCH': 'change', 'DELETE': 'delete'}


class ExpiringTokenAuthentication(TokenAuthentication):
    """Tokens expire after FAZHI_TOKEN_TTL; locked or inactive accounts are refused."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        try:
            token = self.get_model().objects.select_related('user', 'user__unit').get(key=key)
        except self.get_model().DoesNotExist:
            raise exceptions.AuthenticationFailed('令牌无效。')
        if token.created < timezone.now() - settings.FAZHI_TOKEN_TTL:
            raise exceptions.AuthenticationFailed('令牌已过期，请重新获取。')
        if not token.user.is_active or token.user.is_locked:
            raise exceptions.AuthenticationFailed('账户已停用或被锁定。')
        return token.user, token


class ScopedPermission(permissions.BasePermission):
    """Model-level check by role; rows are restricted by the viewset's queryset."""
    message = '您没有权限执行该操作。'

    def has_permission(self, request: Any, view: Any) -> bool:
        model = getattr(getattr(view, 'queryset', None), 'model', None)
        if model is None:
            return bool(request.user and request.user.is_authenticated)
        action = ACTION_BY_METHOD.get(request.method, 'change')
        allowed = can(request.user, action, model)
        if not allowed:
            self.message = deny_message(model, action)
            if action != 'view' and request.user.is_authenticated:
                services.record_event(None, f'API {request.method} {request.path}: {self.message}', action='denied')
        return allowed


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, AccessDenied):
        return Response({'detail': str(exc)}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, DjangoValidationError):
        return Response({'detail': '数据校验失败。', 'errors': exc.message_dict if hasattr(exc, 'message_dict')
                         else exc.messages}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, exceptions.NotAuthenticated):
        return Response({'detail': '请先登录或提供有效令牌。'}, status=status.HTTP_401_UNAUTHORIZED)
    from rest_framework.views import exception_handler as drf_exception_handler
    return drf_exception_handler(exc, context)
