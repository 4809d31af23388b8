"""Filing and revision limits of emergency plans (local rules, configurable; not in the statutory registry)."""
from __future__ import annotations

import datetime as dt

from fazhi.core.calendar_service import get_calendar
from fazhi.core.deadlines import DeadlineRule, DueDate, add_months, compute_due

FILING_RULE = DeadlineRule(
    code='emergency.plan_filing', name='应急预案报送备案', length=20, unit='working_day', trigger_event='应急预案印发之日',
    legal_basis='《突发事件应急预案管理办法》（国办发〔2024〕5号）关于印发后报送备案的规定', confirmed=False,
    category='应急管理', notes='按本地应急预案管理办法配置。')
DEFAULT_REVISION_YEARS = 3


def filing_due(issued_on: dt.date) -> DueDate:
    return compute_due(FILING_RULE, issued_on, get_calendar())


def revision_due(last: dt.date, cycle_years: int) -> dt.date:
    return add_months(last, 12 * (cycle_years or DEFAULT_REVISION_YEARS))
