"""Time limits of legality review, per matter type (local rules: configurable, not statutory).

`settings.FAZHI_LEGALITY_REVIEW_DAYS` (optional) maps a matter type to a number of working days.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings

from fazhi.core.calendar_service import get_calendar
from fazhi.core.deadlines import DeadlineRule, DueDate, compute_due

from .choices import MatterType

DEFAULT_DAYS = {
    MatterType.NORMATIVE_DOCUMENT: 15,  # 国办发〔2018〕115号 commonly cited as 5–15 WD (UNCONFIRMED)
    MatterType.MAJOR_DECISION: 10,  # 条例 §26 requires at least 7 WD of review time; local limit
    MatterType.AGENCY_DECISION: 7,
    MatterType.CONTRACT: 7,
    MatterType.AGREEMENT: 7,
    MatterType.OTHER: 7,
}


def review_days(matter_type: str) -> int:
    overrides = getattr(settings, 'FAZHI_LEGALITY_REVIEW_DAYS', {}) or {}
    return int(overrides.get(matter_type, DEFAULT_DAYS.get(matter_type, 7)))


def review_rule(matter_type: str) -> DeadlineRule:
    label = MatterType(matter_type).label if matter_type in MatterType.values else matter_type
    return DeadlineRule(code=f'legality.review.{matter_type}', name=f'合法性审查（{label}）',
                        length=review_days(matter_type), unit='working_day', trigger_event='收到送审材料之日',
                        legal_basis='本地合法性审查工作规定（可配置）', confirmed=False, category='合法性审查',
                        notes='审查期限按本地规定配置；重大行政决策应保证不少于7个工作日的审查时间（条例第二十六条）。')


def review_due(matter_type: str, received_on: dt.date) -> DueDate:
    return compute_due(review_rule(matter_type), received_on, get_calendar())


def due_status(request: Any, today: dt.date | None = None) -> str:
    """'done', 'overdue', 'due_soon' (≤3 days) or 'ok' for a review request."""
    if request.state not in ('submitted', 'reviewing'):
        return 'done'
    today = today or dt.date.today()
    if request.due_on is None:
        return 'ok'
    if today > request.due_on:
        return 'overdue'
    return 'due_soon' if (request.due_on - today).days <= 3 else 'ok'
