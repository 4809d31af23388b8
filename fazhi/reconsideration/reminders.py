"""Home-page reminders and the dashboard's overdue count: reconsideration deadlines due within 7 days and overdue."""
from fazhi.core.overdue import register_overdue
from fazhi.core.pages import register_reminders

from .casework.queues import overdue_count, reminder_source
from .models import ReconsiderationCase

register_reminders(reminder_source(ReconsiderationCase, '行政复议', 'reconsideration:queue'))
register_overdue('行政复议期限', ReconsiderationCase, 'reconsideration:queue', 'kind=overdue', count=overdue_count)
