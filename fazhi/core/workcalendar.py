"""Working-day calendar for mainland China (pure Python, no Django).

Sources, in order of precedence for a given year:

1. an admin-entered official schedule (:class:`YearSchedule`) for that year;
2. the ``chinesecalendar`` package (import name ``chinese_calendar``), which
   covers the State Council holiday notices for a fixed range of years
   (2004–2026 in v1.11.0) and raises ``NotImplementedError`` outside it;
3. the weekday rule (Monday–Friday are working days).  Days computed this
   way are *provisional*: the official notice for that year is not known.

Adjusted working weekends (调休上班日) are working days.  Every day inside
an official holiday period, weekends included, is a statutory holiday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from types import MappingProxyType

import chinese_calendar

ONE_DAY = dt.timedelta(days=1)

# chinese_calendar names its holidays in English; the platform shows Chinese.
HOLIDAY_NAMES_ZH: Mapping[str, str] = MappingProxyType(
    {
        "New Year's Day": "元旦",
        "Spring Festival": "春节",
        "Tomb-sweeping Day": "清明节",
        "Labour Day": "劳动节",
        "Dragon Boat Festival": "端午节",
        "National Day": "国庆节",
        "Mid-autumn Festival": "中秋节",
        "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
    }
)


class DayKind(StrEnum):
    """What kind of day a date is, in the words used on screen."""

    WORKDAY = "工作日"
    WEEKEND = "周末"
    HOLIDAY = "法定节假日"
    ADJUSTED_WORKDAY = "调休上班日"

    @property
    def is_workday(self) -> bool:
        return self in (DayKind.WORKDAY, DayKind.ADJUSTED_WORKDAY)


@dataclass(frozen=True)
class DayInfo:
    """One date as the calendar sees it.

    ``holiday_name`` is the Chinese name of the holiday for a holiday, or of
    the holiday a working weekend is adjusted for; ``None`` otherwise or when
    the name is unknown.  ``provisional`` is true when no official schedule
    covers the date's year and the weekday rule was used.
    """

    date: dt.date
    kind: DayKind
    holiday_name: str | None = None
    provisional: bool = False

    @property
    def is_workday(self) -> bool:
        return self.kind.is_workday

    @property
    def label(self) -> str:
        """Short Chinese description, e.g. ``春节`` or ``调休上班日（春节）``."""
        if self.kind is DayKind.HOLIDAY and self.holiday_name:
            return self.holiday_name
        if self.kind is DayKind.ADJUSTED_WORKDAY and self.holiday_name:
            return f"调休上班日（{self.holiday_name}）"
        return self.kind.value


@dataclass(frozen=True)
class YearSchedule:
    """An official holiday schedule for one calendar year, entered by an admin.

    ``holidays`` maps every rest day of the holiday periods (weekends inside
    a period included) to the holiday's Chinese name; ``adjusted_workdays``
    maps each working weekend day to the holiday it is adjusted for.  Only
    dates inside ``year`` belong here: a period that crosses the new year is
    entered partly in each year's schedule.
    """

    year: int
    holidays: Mapping[dt.date, str] = field(default_factory=dict)
    adjusted_workdays: Mapping[dt.date, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for d in (*self.holidays, *self.adjusted_workdays):
            if d.year != self.year:
                raise ValueError(f"{d.isoformat()} 不属于{self.year}年的放假安排")
        both = set(self.holidays) & set(self.adjusted_workdays)
        if both:
            dates = "、".join(sorted(d.isoformat() for d in both))
            raise ValueError(f"{dates} 不能同时是节假日和调休上班日")
        for d in self.adjusted_workdays:
            if d.weekday() < 5:
                raise ValueError(f"{d.isoformat()} 不是周末，不能设为调休上班日")


@cache
def library_covers(year: int) -> bool:
    """Whether the installed ``chinesecalendar`` has data for ``year``."""
    try:
        chinese_calendar.get_holiday_detail(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def _weekday_kind(d: dt.date) -> DayKind:
    return DayKind.WORKDAY if d.weekday() < 5 else DayKind.WEEKEND


def _from_schedule(d: dt.date, schedule: YearSchedule) -> DayInfo:
    if d in schedule.holidays:
        return DayInfo(d, DayKind.HOLIDAY, schedule.holidays[d])
    if d in schedule.adjusted_workdays:
        return DayInfo(d, DayKind.ADJUSTED_WORKDAY, schedule.adjusted_workdays[d])
    return DayInfo(d, _weekday_kind(d))


def _from_library(d: dt.date) -> DayInfo:
    is_holiday, name = chinese_calendar.get_holiday_detail(d)
    name_zh = HOLIDAY_NAMES_ZH.get(name, name) if name else None
    if name_zh is None:
        return DayInfo(d, _weekday_kind(d))
    kind = DayKind.HOLIDAY if is_holiday else DayKind.ADJUSTED_WORKDAY
    return DayInfo(d, kind, name_zh)


class WorkCalendar:
    """Answers "is this a working day?" and counts working days.

    >>> cal = WorkCalendar()
    >>> cal.add_working_days(dt.date(2026, 3, 7), 5)   # a Saturday
    datetime.date(2026, 3, 13)
    """

    def __init__(self, schedules: Mapping[int, YearSchedule] | None = None) -> None:
        self._schedules = dict(schedules or {})
        for year, schedule in self._schedules.items():
            if schedule.year != year:
                raise ValueError(f"放假安排年份不一致：键为{year}，内容为{schedule.year}")
        self._cache: dict[dt.date, DayInfo] = {}

    # -- single days -------------------------------------------------------

    def is_official_year(self, year: int) -> bool:
        """True when an entered schedule or the library covers ``year``."""
        return year in self._schedules or library_covers(year)

    def day_info(self, d: dt.date) -> DayInfo:
        info = self._cache.get(d)
        if info is None:
            info = self._compute_day_info(d)
            self._cache[d] = info
        return info

    def _compute_day_info(self, d: dt.date) -> DayInfo:
        schedule = self._schedules.get(d.year)
        if schedule is not None:
            return _from_schedule(d, schedule)
        if library_covers(d.year):
            return _from_library(d)
        return DayInfo(d, _weekday_kind(d), provisional=True)

    def is_workday(self, d: dt.date) -> bool:
        return self.day_info(d).is_workday

    # -- counting ----------------------------------------------------------

    def next_workday_on_or_after(self, d: dt.date) -> dt.date:
        while not self.is_workday(d):
            d += ONE_DAY
        return d

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``start``, not counting ``start``.

        Correct whatever kind of day ``start`` is (unlike
        ``chinese_calendar.find_workday``, which is one day late when the
        start is a rest day).  ``n == 0`` returns ``start``; a negative ``n``
        counts backwards (the ``|n|``-th working day before ``start``).
        """
        step = ONE_DAY if n >= 0 else -ONE_DAY
        d, remaining = start, abs(n)
        while remaining:
            d += step
            if self.is_workday(d):
                remaining -= 1
        return d

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Number of working days in ``(start, end]`` (0 if ``end <= start``)."""
        return sum(1 for d in iter_days(start + ONE_DAY, end) if self.is_workday(d))

    def year_days(self, year: int) -> Iterator[DayInfo]:
        """Every day of ``year``, in order."""
        for d in iter_days(dt.date(year, 1, 1), dt.date(year, 12, 31)):
            yield self.day_info(d)


def iter_days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Dates from ``first`` to ``last``, both included (empty if last < first)."""
    d = first
    while d <= last:
        yield d
        d += ONE_DAY
