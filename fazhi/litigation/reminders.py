"""Home-page reminders and the dashboard's overdue count: litigation deadlines (defence, appeal) due within 7 days and overdue."""
from fazhi.core.overdue import register_overdue
from fazhi.core.pages import register_reminders
from fazhi.reconsideration.casework.queues import overdue_count, reminder_source

from .models import Lawsuit

register_reminders(reminder_source(Lawsuit, '行政应诉', 'litigation:queue'))
register_overdue('行政应诉期限', Lawsuit, 'litigation:queue', 'kind=overdue', count=overdue_count)
