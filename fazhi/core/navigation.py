"""Role-aware navigation: each app registers its menu items; users see those they may open."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import reverse

from .permissions import can


@dataclass(frozen=True)
class NavItem:
    group: str
    label: str
    url_name: str
    model_label: str | None = None  # shown when the user may view this record type
    roles: frozenset[str] | None = None  # or: shown to these roles only
    public: bool = False  # a page of the public portal: the only kind shown to visitors who are not logged in


_items: list[NavItem] = []


def register(*items: NavItem) -> None:
    _items.extend(items)


def visible_items(user: Any) -> dict[str, list[dict[str, str]]]:
    groups: dict[str, list[dict[str, str]]] = {}
    for item in _items:
        if not user.is_authenticated and not item.public:
            continue
        if item.roles is not None and getattr(user, 'role', None) not in item.roles:
            continue
        if item.model_label and not can(user, 'view', apps.get_model(item.model_label)):
            continue
        groups.setdefault(item.group, []).append({'label': item.label, 'url': reverse(item.url_name)})
    return groups


def navigation(request: Any) -> dict[str, Any]:
    return {'nav_groups': visible_items(request.user)}
