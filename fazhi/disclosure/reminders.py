"""Overdue items this ledger reports to the dashboard: disclosure requests past the 20-working-day limit."""
from fazhi.core.overdue import register_overdue

from .choices import OPEN_REQUEST_STATES
from .models import DisclosureRequest

register_overdue('依申请公开逾期未答复', DisclosureRequest, 'disclosure:request_list', 'due=overdue',
                 open_filter={'state__in': OPEN_REQUEST_STATES})
