"""Who may do what, to which units' records — one rule set for pages, API, exports, imports and search.

A scope is 'all' (every unit), 'subtree' (the user's unit and the units below it),
'public' (only what the record type's `public_q` publishes) or None (denied).
Domain record types get the default grants below; record types with special rules
(units, users, the audit trail) register an explicit table with `register_access`.
"""
from __future__ import annotations

from typing import Any

from django.db import models

from fazhi.organization.choices import Role

ACTIONS = ('view', 'add', 'change', 'delete')
PUBLIC = 'public'
_explicit: dict[str, dict[str, dict[str, str]]] = {}


class AccessDenied(Exception):
    """Raised with a Chinese message when a user may not perform an action."""


def register_access(model_label: str, table: dict[str, dict[str, str]]) -> None:
    """`table` maps role (or 'public') → action → scope."""
    _explicit[model_label.lower()] = table


def role_of(user: Any) -> str:
    if user is None or not getattr(user, 'is_authenticated', False) or not user.is_active:
        return PUBLIC
    return user.role


def _default_scope(model: type[models.Model], role: str, action: str) -> str | None:
    unit_scoped = getattr(model, 'unit_lookup', None) is not None
    if role == PUBLIC:
        return PUBLIC if action == 'view' and getattr(model, 'public_q', None) is not None else None
    if role == Role.DISTRICT_ADMIN:
        return 'all'
    if role in (Role.LEGALITY_REVIEWER, Role.CASE_OFFICER):
        if action == 'view' or (action in ('add', 'change') and role in model.editor_roles):
            return 'all'
        return None
    if role == Role.LEADER:
        return 'all' if action == 'view' else None
    if role == Role.UNIT_OFFICER and action in model.unit_officer_actions:
        return 'subtree' if unit_scoped else ('all' if action == 'view' else None)
    return None


def scope_for(user: Any, model: type[models.Model], action: str) -> str | None:
    role = role_of(user)
    table = _explicit.get(model._meta.label_lower)
    if table is not None:
        return table.get(role, {}).get(action)
    if not hasattr(model, 'unit_lookup'):
        return None
    return _default_scope(model, role, action)


def _unit_prefix_lookup(model: type[models.Model]) -> str:
    lookup = getattr(model, 'unit_lookup', None)
    if model._meta.label_lower == 'organization.unit':
        return 'path__startswith'
    return f'{lookup}__path__startswith'


def restrict(qs: models.QuerySet, user: Any, action: str = 'view') -> models.QuerySet:
    model = qs.model
    scope = scope_for(user, model, action)
    if scope == 'all':
        return qs
    if scope == 'subtree':
        unit = getattr(user, 'unit', None)
        if unit is None:
            return qs.none()
        if getattr(model, 'unit_lookup', None) is None and model._meta.label_lower != 'organization.unit':
            return qs
        return qs.filter(**{_unit_prefix_lookup(model): unit.path})
    if scope == PUBLIC and getattr(model, 'public_q', None) is not None:
        return qs.filter(model.public_q)
    return qs.none()


def can(user: Any, action: str, model: type[models.Model]) -> bool:
    """Whether the user may perform `action` on this record type at all (some unit)."""
    return scope_for(user, model, action) is not None


def can_on_object(user: Any, action: str, obj: models.Model) -> bool:
    """Object-level check by re-querying through `restrict` (the same path as every list)."""
    if obj.pk is None:
        return unit_in_scope(user, type(obj), action, getattr(obj, 'owning_unit', None))
    return restrict(type(obj)._default_manager.filter(pk=obj.pk), user, action).exists()


def unit_in_scope(user: Any, model: type[models.Model], action: str, unit: Any) -> bool:
    """Whether a record owned by `unit` may be created/changed by the user (forged unit ids fail here)."""
    scope = scope_for(user, model, action)
    if scope == 'all':
        return True
    if scope == 'subtree':
        own = getattr(user, 'unit', None)
        if own is None:
            return False
        if unit is None:
            return getattr(model, 'unit_lookup', None) is None
        return unit.path.startswith(own.path)
    return False


def deny_message(model: type[models.Model], action: str) -> str:
    verb = {'view': '查看', 'add': '新增', 'change': '修改', 'delete': '删除'}.get(action, action)
    return f'您没有权限{verb}该{model._meta.verbose_name}，或该记录不属于您的单位范围。'
