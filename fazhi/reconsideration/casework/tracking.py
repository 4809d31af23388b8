"""Statutory deadlines a case tracks, computed by the deadline engine from the case's own dates.

A case model lists its deadlines in `tracked_deadlines()` as `Tracked` entries (which rule, which date
starts it, which date fulfils it, suspensions and extensions). `compute(case)` turns them into
`TrackedDue` results with their explanation; `earliest_open` names the next one to watch, which the
case stores (`next_due_on`, `next_due_label`) so queues can be filtered in the database.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from fazhi.core import calendar_service
from fazhi.core.deadlines import DueDate, Extension, Suspension, compute_due, get_rule

STATUS_TEXT = {'done': '已完成', 'done_late': '逾期完成', 'suspended': '中止计算', 'overdue': '已逾期',
               'due_soon': '7日内到期', 'ok': '期限内'}
STATUS_CSS = {'done': 'success', 'done_late': 'secondary', 'suspended': 'info', 'overdue': 'danger',
              'due_soon': 'warning', 'ok': 'light'}


@dataclass(frozen=True)
class Tracked:
    key: str
    label: str
    rule_code: str
    start: dt.date | None
    done_on: dt.date | None = None
    suspensions: Sequence[Suspension] = ()
    extensions: Sequence[Extension] = ()
    responsible: str = ''  # who must act: shown in queues and reminders
    actionable: bool = True  # False: informational (e.g. the court's own time limit)


@dataclass(frozen=True)
class TrackedDue:
    tracked: Tracked
    result: DueDate
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def due(self) -> dt.date | None:
        return self.result.due

    @property
    def status(self) -> str:
        done_on = self.tracked.done_on
        if done_on is not None:
            return 'done_late' if self.due is not None and done_on > self.due else 'done'
        return self.result.status(self.today)

    @property
    def status_text(self) -> str:
        return STATUS_TEXT[self.status]

    @property
    def css(self) -> str:
        return STATUS_CSS[self.status]

    @property
    def remaining(self) -> int | None:
        return None if self.tracked.done_on else self.result.days_remaining(self.today)

    def to_dict(self) -> dict[str, Any]:
        data = self.result.to_dict()
        data.update(key=self.tracked.key, label=self.tracked.label, responsible=self.tracked.responsible,
                    done_on=_iso(self.tracked.done_on), status=self.status, status_text=self.status_text,
                    days_remaining=self.remaining, actionable=self.tracked.actionable)
        return data


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def compute(case: Any, today: dt.date | None = None, keys: Iterable[str] | None = None) -> list[TrackedDue]:
    """Every deadline the case has started (or those named in `keys`), with its due date and explanation."""
    calendar = calendar_service.get_calendar()
    today = today or dt.date.today()
    wanted = set(keys) if keys is not None else None
    results = []
    for tracked in case.tracked_deadlines():
        if tracked.start is None or (wanted is not None and tracked.key not in wanted):
            continue
        rule = get_rule(tracked.rule_code)
        due = compute_due(rule, tracked.start, calendar, suspensions=tracked.suspensions if rule.pausable else (),
                          extensions=tracked.extensions if rule.extendable else ())
        results.append(TrackedDue(tracked, due, today))
    return results


def earliest_open(dues: Iterable[TrackedDue]) -> TrackedDue | None:
    """The next actionable deadline not yet met (suspended clocks have no date and are skipped)."""
    open_ = [d for d in dues if d.tracked.actionable and d.tracked.done_on is None and d.due is not None]
    return min(open_, key=lambda d: d.due, default=None)


def suspensions_from(entries: Iterable[dict[str, Any]]) -> tuple[Suspension, ...]:
    """Suspensions stored as JSON ({'suspended_on', 'resumed_on', 'reason'}) as engine inputs."""
    out = []
    for e in entries or ():
        resumed = e.get('resumed_on')
        out.append(Suspension(dt.date.fromisoformat(e['suspended_on']),
                              dt.date.fromisoformat(resumed) if resumed else None, e.get('reason', '')))
    return tuple(out)


def open_suspension(entries: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    return next((e for e in entries or () if not e.get('resumed_on')), None)
