"""Overdue items this ledger reports to the dashboard: legality reviews past their time limit."""
from fazhi.core.overdue import register_overdue

from .choices import OPEN_STATES
from .models import ReviewRequest

register_overdue('合法性审查逾期', ReviewRequest, 'legality:review_list', 'due=overdue',
                 open_filter={'state__in': OPEN_STATES})
