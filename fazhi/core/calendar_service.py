"""The platform's working calendar: the library's official data plus schedules entered by administrators."""
from __future__ import annotations

from django.core.cache import cache

from .models import HolidayDay, HolidayYear
from .workcalendar import WorkCalendar, YearSchedule

CACHE_KEY = 'fazhi:workcalendar:v1'


def _schedules() -> dict[int, YearSchedule]:
    schedules: dict[int, YearSchedule] = {}
    days = list(HolidayDay.objects.select_related('schedule'))
    for year in HolidayYear.objects.all():
        own = [d for d in days if d.schedule_id == year.pk]
        schedules[year.year] = YearSchedule(
            year=year.year,
            holidays={d.date: d.name for d in own if d.kind == HolidayDay.Kind.HOLIDAY},
            adjusted_workdays={d.date: d.name for d in own if d.kind == HolidayDay.Kind.WORKDAY},
        )
    return schedules


def get_calendar() -> WorkCalendar:
    calendar = cache.get(CACHE_KEY)
    if calendar is None:
        calendar = WorkCalendar(schedules=_schedules())
        cache.set(CACHE_KEY, calendar, 300)
    return calendar


def invalidate() -> None:
    cache.delete(CACHE_KEY)
