"""Global search: each app registers its record types and fields (see <app>/search.py)."""
from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Q

from .permissions import can

_registry: dict[str, tuple[str, ...]] = {}


def register(model_label: str, *fields: str) -> None:
    _registry[model_label.lower()] = fields


def search(user: Any, q: str, limit: int = 20) -> list[tuple[str, list[Any]]]:
    results = []
    for label, fields in _registry.items():
        model = apps.get_model(label)
        if not can(user, 'view', model):
            continue
        cond = Q()
        for field in fields:
            cond |= Q(**{f'{field}__icontains': q})
        hits = list(model._default_manager.visible_to(user).filter(cond)[:limit])
        if hits:
            results.append((str(model._meta.verbose_name), hits))
    return results
