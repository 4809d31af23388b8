"""Home-page reminders: reconsideration deadlines due within 7 days and overdue."""
from fazhi.core.pages import register_reminders

from .casework.queues import reminder_source
from .models import ReconsiderationCase

register_reminders(reminder_source(ReconsiderationCase, '行政复议', 'reconsideration:queue'))
