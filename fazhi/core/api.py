"""REST API bases shared by every app: the audit actor for token requests, scoped audited viewsets."""
from __future__ import annotations

from typing import Any

from rest_framework import serializers, viewsets

from . import services
from .api_auth import ACTION_BY_METHOD
from .context import Actor, _current
from .middleware import client_ip


class ActorMixin:
    """Token-authenticated requests are only known after DRF authenticates: set the audit actor then."""

    def perform_authentication(self, request: Any) -> None:
        super().perform_authentication(request)  # type: ignore[misc]
        self._actor_token = _current.set(Actor(user=request.user, label='public', ip=client_ip(request)))

    def finalize_response(self, request: Any, response: Any, *args: Any, **kwargs: Any) -> Any:
        token = getattr(self, '_actor_token', None)
        if token is not None:
            _current.reset(token)
            self._actor_token = None
        return super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]


class ScopedModelViewSet(ActorMixin, viewsets.ModelViewSet):
    """Lists and details through `visible_to`; writes through the audited service."""

    def get_queryset(self) -> Any:
        action = ACTION_BY_METHOD.get(self.request.method, 'view')
        return self.queryset.model._default_manager.visible_to(self.request.user, action).select_related(
            *getattr(self, 'select_related', ()))

    def perform_create(self, serializer: serializers.ModelSerializer) -> None:
        obj = serializer.Meta.model(**serializer.validated_data)
        serializer.instance = services.create(obj, message='API')

    def perform_update(self, serializer: serializers.ModelSerializer) -> None:
        serializer.instance = services.update(serializer.instance, dict(serializer.validated_data), message='API')

    def perform_destroy(self, instance: Any) -> None:
        services.delete(instance, message='API')
