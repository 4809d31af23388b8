"""Home-page reminders: litigation deadlines (defence, appeal) due within 7 days and overdue."""
from fazhi.core.pages import register_reminders
from fazhi.reconsideration.casework.queues import reminder_source

from .models import Lawsuit

register_reminders(reminder_source(Lawsuit, '行政应诉', 'litigation:queue'))
