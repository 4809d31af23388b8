"""Declarative lifecycles: a record type lists its transitions; only those are allowed.

    class ReconsiderationCase(WorkflowModel, DomainModel):
        workflow = Workflow(field='state', transitions=[
            Transition('accept', '受理', sources={'received', 'correction'}, target='accepted',
                       guard=lambda case, data: None if case.applicant else '缺少申请人'),
            ...])

`apply(obj, 'accept', on=date, note='...', **data)` checks the source state, the actor's permission
and the guard, runs the effect, saves through the audited service and appends a timeline event.
An illegal transition raises `TransitionRefused` with a Chinese message that says why.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from . import services
from .context import current_actor
from .models import WorkflowEvent
from .permissions import AccessDenied, can_on_object, deny_message

Guard = Callable[[Any, dict[str, Any]], str | None]
Effect = Callable[[Any, dict[str, Any]], None]


class TransitionRefused(Exception):
    """An illegal or not-yet-possible transition, with the reason in Chinese."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[str]
    target: str | None  # None: the state does not change (e.g. a hearing held, a document served)
    guard: Guard | None = None
    effect: Effect | None = None
    roles: frozenset[str] | None = None  # restrict to these roles (besides the change permission)

    def __init__(self, name: str, label: str, *, sources: Iterable[str], target: str | None,
                 guard: Guard | None = None, effect: Effect | None = None,
                 roles: Iterable[str] | None = None) -> None:
        object.__setattr__(self, 'name', name)
        object.__setattr__(self, 'label', label)
        object.__setattr__(self, 'sources', frozenset(sources))
        object.__setattr__(self, 'target', target)
        object.__setattr__(self, 'guard', guard)
        object.__setattr__(self, 'effect', effect)
        object.__setattr__(self, 'roles', frozenset(roles) if roles is not None else None)


@dataclass(frozen=True)
class Workflow:
    field: str
    transitions: tuple[Transition, ...] = field(default_factory=tuple)

    def __init__(self, field: str, transitions: Iterable[Transition]) -> None:
        object.__setattr__(self, 'field', field)
        object.__setattr__(self, 'transitions', tuple(transitions))
        names = [t.name for t in self.transitions]
        if len(names) != len(set(names)):
            raise ValueError('workflow transitions must have unique names')

    def get(self, name: str) -> Transition:
        for t in self.transitions:
            if t.name == name:
                return t
        raise TransitionRefused(f'未知的操作：{name}')

    def available(self, obj: Any) -> list[Transition]:
        state = getattr(obj, self.field)
        return [t for t in self.transitions if state in t.sources]


def _state_label(obj: Any, workflow: Workflow, state: str) -> str:
    choices = dict(obj._meta.get_field(workflow.field).choices or [])
    return str(choices.get(state, state))


def check(obj: Any, name: str, data: dict[str, Any] | None = None) -> Transition:
    """Raise TransitionRefused unless the transition may run now; return it."""
    workflow: Workflow = type(obj).workflow
    transition = workflow.get(name)
    state = getattr(obj, workflow.field)
    if state not in transition.sources:
        allowed = '、'.join(_state_label(obj, workflow, s) for s in sorted(transition.sources))
        raise TransitionRefused(f'当前状态为“{_state_label(obj, workflow, state)}”，不能执行“{transition.label}”'
                                f'（只有在“{allowed}”状态下才可以）。')
    if transition.guard is not None and (reason := transition.guard(obj, data or {})):
        raise TransitionRefused(f'不能执行“{transition.label}”：{reason}')
    return transition


def apply(obj: Any, name: str, *, on: dt.date | None = None, note: str = '', **data: Any) -> Any:
    """Run a transition through the audited service and record it on the record's timeline."""
    actor = current_actor()
    transition = check(obj, name, data)
    user = actor.user if actor is not None else None
    if actor is not None and not actor.is_system:
        if transition.roles is not None and getattr(user, 'role', None) not in transition.roles:
            raise AccessDenied(f'您的角色不能执行“{transition.label}”。')
        if not can_on_object(user, 'change', obj):
            raise AccessDenied(deny_message(type(obj), 'change'))
    workflow: Workflow = type(obj).workflow
    before = getattr(obj, workflow.field)
    data['on'] = on or dt.date.today()
    with transaction.atomic():
        if transition.effect is not None:
            transition.effect(obj, data)
        if transition.target is not None:
            setattr(obj, workflow.field, transition.target)
        obj = services.update(obj, message=f'{transition.label}：{note}' if note else transition.label)
        event = WorkflowEvent(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
                              transition=transition.name, label=transition.label, from_state=before,
                              to_state=getattr(obj, workflow.field), occurred_on=data['on'], note=note,
                              actor_name=actor.name if actor else 'system',
                              unit_id=getattr(getattr(obj, 'owning_unit', None), 'pk', None))
        services.create(event, enforce=False)
    return obj


def timeline(obj: models.Model) -> models.QuerySet:
    return WorkflowEvent.objects.filter(content_type=ContentType.objects.get_for_model(obj),
                                        object_id=obj.pk).order_by('occurred_on', 'id')
