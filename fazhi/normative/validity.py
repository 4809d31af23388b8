"""Dates of a document's validity: expiry from a validity period, filing due date, status on a day."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from typing import Any

from django.conf import settings

from fazhi.core.calendar_service import get_calendar
from fazhi.core.deadlines import DeadlineRule, DueDate, compute_due, get_rule

from .choices import DocumentState, Validity

EXPIRY_WARNING_DAYS = 180  # evaluate about six months before the validity period ends (local practice)


def filing_rule() -> DeadlineRule:
    """The filing limit: 30 days by default; `FAZHI_NORMATIVE_FILING_DAYS` (setting or env) for local rules."""
    days = getattr(settings, 'FAZHI_NORMATIVE_FILING_DAYS', None) or os.environ.get('FAZHI_NORMATIVE_FILING_DAYS')
    rule = get_rule('normative_document.filing')
    return replace(rule, length=int(days), confirmed=True) if days else rule


def filing_due(published_on: dt.date) -> DueDate:
    return compute_due(filing_rule(), published_on, get_calendar())


def expiry_after(effective_on: dt.date, years: int) -> dt.date:
    """Last day of a validity period of `years` starting on `effective_on`."""
    try:
        end = effective_on.replace(year=effective_on.year + years)
    except ValueError:  # 29 February
        end = effective_on.replace(year=effective_on.year + years, day=28)
    return end - dt.timedelta(days=1)


def status_on(doc: Any, day: dt.date | None = None) -> str:
    """The document's validity on `day` (today by default), from its dates."""
    day = day or dt.date.today()
    if doc.published_on is None or doc.published_on > day or doc.state not in (
            DocumentState.PUBLISHED, DocumentState.FILED, DocumentState.REPEALED):
        return Validity.UNPUBLISHED
    if doc.repealed_on is not None and doc.repealed_on <= day:
        return Validity.REPEALED
    if doc.expires_on is not None and doc.expires_on < day:
        return Validity.EXPIRED
    if doc.effective_on is not None and doc.effective_on > day:
        return Validity.PENDING
    if doc.amended_on is not None and doc.amended_on <= day:
        return Validity.AMENDED
    return Validity.VALID
