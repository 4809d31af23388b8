"""The one audited write path for government records.

Pages, API, imports, CLI commands and the demo generator all call these functions.
Each write runs in a transaction: permission check on the target unit, save, re-check
through the same queryset restriction every list uses, audit entry. A denied write is
rolled back and leaves its own audit entry.
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence, TypeVar

from django.db import models, transaction

from . import audit
from .context import Actor, current_actor, service_write
from .permissions import AccessDenied, can_on_object, deny_message, unit_in_scope

M = TypeVar('M', bound=models.Model)


def _actor() -> Actor:
    actor = current_actor()
    if actor is None:
        raise RuntimeError('写操作必须在 acting_as(...) 上下文中进行，以便记录审计日志')
    return actor


def _enforced(actor: Actor, enforce: bool) -> bool:
    return enforce and not actor.is_system


def _deny(actor: Actor, obj: models.Model, action: str, message: str | None = None) -> AccessDenied:
    text = message or deny_message(type(obj), action)
    audit.record('denied', obj if obj.pk else None, actor=actor,
                 message=f'{action} {obj._meta.label_lower}: {text}',
                 after=audit.snapshot(obj) if action != 'delete' else None)
    return AccessDenied(text)


def _check_unit(actor: Actor, obj: models.Model, action: str, *, enforce: bool) -> None:
    if enforce and not unit_in_scope(actor.user, type(obj), action, getattr(obj, 'owning_unit', None)):
        raise _deny(actor, obj, action)


def create(obj: M, *, message: str = '', enforce: bool = True) -> M:
    actor = _actor()
    _check_unit(actor, obj, 'add', enforce=_enforced(actor, enforce))
    with transaction.atomic(), service_write():
        obj.full_clean()
        obj.save()
        _post_save_hook(obj)
        audit.append([audit._entry_values(actor, 'create', obj, after=audit.snapshot(obj), message=message)])
    return obj


def update(obj: M, changes: dict[str, Any] | None = None, *, message: str = '', enforce: bool = True) -> M:
    """Apply `changes` (or the changes already made on `obj`) and record before/after."""
    actor = _actor()
    model = type(obj)
    stored = model._default_manager.get(pk=obj.pk)
    before = audit.snapshot(stored)
    enforce = _enforced(actor, enforce)
    if enforce and not can_on_object(actor.user, 'change', stored):
        raise _deny(actor, stored, 'change')
    for key, value in (changes or {}).items():
        setattr(obj, key, value)
    _check_unit(actor, obj, 'change', enforce=enforce)
    with transaction.atomic(), service_write():
        obj.full_clean()
        obj.save()
        _post_save_hook(obj)
        after = audit.snapshot(obj)
        diff_before = {k: v for k, v in before.items() if after.get(k) != v}
        diff_after = {k: after[k] for k in diff_before}
        audit.append([audit._entry_values(actor, 'update', obj, before=diff_before, after=diff_after,
                                          message=message)])
    return obj


def delete(obj: models.Model, *, message: str = '', enforce: bool = True) -> None:
    actor = _actor()
    if _enforced(actor, enforce) and not can_on_object(actor.user, 'delete', obj):
        raise _deny(actor, obj, 'delete')
    with transaction.atomic(), service_write():
        values = audit._entry_values(actor, 'delete', obj, before=audit.snapshot(obj), message=message)
        obj.delete()
        audit.append([values])


def bulk_create(objs: Sequence[M], *, message: str = '', enforce: bool = True, batch_size: int = 1000) -> list[M]:
    """Create many records (imports, demo data) with one audit entry each, in one transaction."""
    actor = _actor()
    if not objs:
        return []
    for obj in objs:
        _check_unit(actor, obj, 'add', enforce=_enforced(actor, enforce))
    with transaction.atomic(), service_write():
        created = type(objs[0])._default_manager.bulk_create(objs, batch_size=batch_size)
        audit.append(audit._entry_values(actor, 'create', o, after=audit.snapshot(o), message=message)
                     for o in created)
    return created


def record_event(obj: models.Model | None, message: str, *, action: str = 'event', **kwargs: Any) -> None:
    """A business event worth its own audit entry (workflow transition, import batch, login)."""
    audit.record(action, obj, actor=current_actor(), message=message, **kwargs)


def _post_save_hook(obj: models.Model) -> None:
    hook = getattr(obj, 'after_audited_save', None)
    if hook is not None:
        hook()


def saved_fields(objs: Iterable[models.Model]) -> list[dict[str, Any]]:
    return [audit.snapshot(o) for o in objs]
