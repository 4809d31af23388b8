"""Reply limits of proposals and motions (deadline engine rules `proposal.*`), and the re-handling limit."""
from __future__ import annotations

import datetime as dt

from fazhi.core.calendar_service import get_calendar
from fazhi.core.deadlines import DueDate, add_months, compute_due, get_rule

from .choices import ProposalKind

REDO_MONTHS = 3  # 不满意的重新办理，一般在3个月内再次答复（各地办法）


def reply_rule_code(kind: str, is_complex: bool) -> str:
    if kind == ProposalKind.CPPCC:
        return 'proposal.cppcc_reply'
    return 'proposal.deputy_reply_complex' if is_complex else 'proposal.deputy_reply'


def reply_due(kind: str, is_complex: bool, assigned_on: dt.date) -> DueDate:
    return compute_due(get_rule(reply_rule_code(kind, is_complex)), assigned_on, get_calendar())


def redo_due(feedback_on: dt.date) -> dt.date:
    return add_months(feedback_on, REDO_MONTHS)
