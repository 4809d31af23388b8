"""Who is acting: the audit context every domain write must run inside.

Requests, CLI commands, imports and the demo generator all enter `acting_as(...)`;
a domain save outside it raises, so no write can skip the audit trail.
"""
from __future__ import annotations

import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Iterator


@dataclass(frozen=True)
class Actor:
    user: Any | None  # organization.User or None for the system / the public
    label: str  # shown in the audit trail when there is no user (e.g. 'system:demo')
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    ip: str = ''

    @property
    def is_system(self) -> bool:
        """CLI jobs, imports run by the operator and the demo generator act as the system."""
        return self.user is None

    @property
    def name(self) -> str:
        return self.user.username if self.user is not None and self.user.is_authenticated else self.label

    @property
    def role(self) -> str:
        return getattr(self.user, 'role', '') or ''


_current: ContextVar[Actor | None] = ContextVar('fazhi_actor', default=None)
_service_depth: ContextVar[int] = ContextVar('fazhi_service_depth', default=0)


def current_actor() -> Actor | None:
    return _current.get()


@contextmanager
def acting_as(user: Any | None = None, label: str = 'system', **kwargs: Any) -> Iterator[Actor]:
    actor = Actor(user=user, label=label, **kwargs)
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


@contextmanager
def service_write() -> Iterator[None]:
    """Marks that a save/delete is being performed by the audited service."""
    token = _service_depth.set(_service_depth.get() + 1)
    try:
        yield
    finally:
        _service_depth.reset(token)


def inside_service() -> bool:
    return _service_depth.get() > 0
