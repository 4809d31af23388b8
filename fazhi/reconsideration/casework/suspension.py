"""Suspension (中止) and resumption of a case, as workflow guards and effects.

A case keeps its suspensions as JSON text in `suspensions` ([{suspended_on, resumed_on, reason}, …]): plain
text so that every store the ledger is copied into (the analytics store included) takes it as it is.
"""
from __future__ import annotations

import json
from typing import Any

from . import tracking
from .transitions import day_of


def entries(case: Any) -> list[dict[str, Any]]:
    return json.loads(case.suspensions or '[]')


def store(case: Any, items: list[dict[str, Any]]) -> None:
    case.suspensions = json.dumps(items, ensure_ascii=False) if items else ''


def for_engine(case: Any) -> tuple[Any, ...]:
    return tracking.suspensions_from(entries(case))


def current(case: Any) -> dict[str, Any] | None:
    return tracking.open_suspension(entries(case))


def add(case: Any, data: dict[str, Any]) -> None:
    """Effect of 'suspend': the clock stops on the event date, for the reason given in the note."""
    store(case, [*entries(case), {'suspended_on': data['on'].isoformat(), 'resumed_on': None,
                                  'reason': data.get('note_text', '')}])


def guard_resume(case: Any, data: dict[str, Any]) -> str | None:
    open_ = current(case)
    if open_ and day_of(data).isoformat() < open_['suspended_on']:
        return f'恢复日期不能早于中止日期{open_["suspended_on"]}'
    return None


def close(case: Any, data: dict[str, Any]) -> None:
    """Effect of 'resume' (and of concluding a suspended case): the clock runs again from the event date."""
    store(case, [dict(e, resumed_on=e.get('resumed_on') or data['on'].isoformat()) for e in entries(case)])
