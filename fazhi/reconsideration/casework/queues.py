"""Work queues: deadlines due within 7 days and overdue ones, per officer and per unit, and home-page reminders.

Cases store their earliest open deadline (`next_due_on`), so the database narrows the candidates and only
those are recomputed in full.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from . import tracking

KINDS = {'due_soon': '7日内到期', 'overdue': '已逾期'}
LOOKAHEAD_DAYS = 31  # 7 working days never span more than this, even over the Spring Festival


@dataclass(frozen=True)
class QueueEntry:
    case: Any
    due: tracking.TrackedDue

    @property
    def unit(self) -> Any:
        return self.case.owning_unit


def entries(qs: QuerySet, kind: str, today: dt.date | None = None) -> list[QueueEntry]:
    """Every actionable deadline of the cases in `qs` whose status is `kind` ('due_soon' or 'overdue')."""
    if kind not in KINDS:
        raise ValueError(f'未知的队列：{kind}')
    today = today or dt.date.today()
    qs = qs.filter(next_due_on__isnull=False)
    if kind == 'overdue':
        qs = qs.filter(next_due_on__lt=today)
    else:
        qs = qs.filter(next_due_on__lte=today + dt.timedelta(days=LOOKAHEAD_DAYS))
    found = [QueueEntry(case, due) for case in qs.order_by('next_due_on', 'pk')
             for due in tracking.compute(case, today) if due.tracked.actionable and due.status == kind]
    return sorted(found, key=lambda e: (e.due.due, e.case.pk))


def overdue_count(qs: QuerySet, today: dt.date) -> int:
    """How many deadlines of the cases in `qs` are overdue (the dashboard's risk list)."""
    return len(entries(qs, 'overdue', today))


def by_unit(qs: QuerySet, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Per owning unit: how many deadlines are due within 7 days and how many are overdue."""
    counts: dict[Any, dict[str, int]] = defaultdict(lambda: {'due_soon': 0, 'overdue': 0})
    for kind in KINDS:
        for entry in entries(qs, kind, today):
            counts[entry.unit][kind] += 1
    rows = [{'unit': unit, **c} for unit, c in counts.items()]
    return sorted(rows, key=lambda r: (-r['overdue'], -r['due_soon'], getattr(r['unit'], 'path', '')))


def reminders(qs: QuerySet, ledger: str, url: str, today: dt.date | None = None,
              limit: int = 5, mine: bool = False) -> list[dict[str, Any]]:
    """Home-page reminder lines: overdue first, then due soon."""
    lines = []
    for kind, level in (('overdue', 'danger'), ('due_soon', 'warning')):
        found = entries(qs, kind, today)
        for entry in found[:limit]:
            due = entry.due
            remaining = due.remaining
            when = f'已逾期{-remaining}日' if kind == 'overdue' else ('今日到期' if remaining == 0 else
                                                                   f'还剩{remaining}{_unit_word(due)}')
            lines.append({'level': level, 'ledger': ledger, 'url': entry.case.get_absolute_url(),
                          'text': f'{entry.case}：{due.tracked.label}于{due.due:%Y-%m-%d}届满（{when}）'})
        if len(found) > limit:
            lines.append({'level': level, 'ledger': ledger, 'url': f'{url}?kind={kind}{"&mine=1" if mine else ""}',
                          'text': f'另有{len(found) - limit}项{KINDS[kind]}，查看全部'})
    return lines


def _unit_word(due: tracking.TrackedDue) -> str:
    return '个工作日' if due.result.rule.unit == 'working_day' else '日'


def reminder_source(model: Any, ledger: str, queue_url_name: str) -> Any:
    """Home-page reminders of a ledger: a case officer's own cases; everyone else, every case they may see."""
    def source(user: Any) -> list[dict[str, Any]]:
        from django.urls import reverse

        from fazhi.core.permissions import can
        if not can(user, 'view', model):
            return []
        qs = model._default_manager.visible_to(user)
        mine = getattr(user, 'role', '') == 'case_officer'
        if mine:
            qs = qs.filter(officer=user)
        return reminders(qs, ledger, reverse(queue_url_name), mine=mine)
    return source
