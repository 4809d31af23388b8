"""Overdue items across the ledgers, for the dashboard's risk list and the unit workbenches.

Each ledger registers how to count its overdue items in a queryset (plain `due < today` on open records, or its
own deadline tracking) and the list page that shows them; the dashboard asks every source within the user's
scope and the selected unit's subtree, so the counts follow the same permissions as the lists they link to.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from django.db.models import QuerySet
from django.urls import reverse

from .permissions import can


@dataclass(frozen=True)
class OverdueSource:
    ledger: str  # shown to users: 行政复议期限, 人大建议和政协提案, …
    model: Any
    url_name: str
    query: str  # the list's filter that shows the same items
    count: Callable[[QuerySet, dt.date], int]


SOURCES: list[OverdueSource] = []


def register_overdue(ledger: str, model: Any, url_name: str, query: str, *,
                     count: Callable[[QuerySet, dt.date], int] | None = None,
                     open_filter: dict[str, Any] | None = None, due_field: str = 'due_on') -> None:
    """Register a ledger: either a `count` function, or open records (`open_filter`) past `due_field`."""
    if count is None:
        def count(qs: QuerySet, today: dt.date) -> int:
            return qs.filter(**(open_filter or {}), **{f'{due_field}__lt': today}).count()
    SOURCES.append(OverdueSource(ledger, model, url_name, query, count))


def _in_subtree(model: Any, unit: Any) -> dict[str, Any]:
    lookup = getattr(model, 'unit_lookup', None) or 'unit'
    return {f'{lookup}__path__startswith': unit.path}


def overdue_items(user: Any, unit: Any, today: dt.date | None = None) -> list[dict[str, Any]]:
    """[{ledger, count, url}] of every ledger with overdue items the user may see in `unit`'s subtree."""
    today = today or dt.date.today()
    rows = []
    for source in SOURCES:
        if not can(user, 'view', source.model):
            continue
        qs = source.model._default_manager.visible_to(user).filter(**_in_subtree(source.model, unit))
        found = source.count(qs, today)
        if found:
            rows.append({'ledger': source.ledger, 'count': found,
                         'url': f'{reverse(source.url_name)}?{source.query}'})
    return sorted(rows, key=lambda r: -r['count'])
