"""WorkCalendar against the State Council (国务院办公厅) holiday notices.

The tables below are written from the notices themselves, not read out of
``chinese_calendar``, so they check the library as well as our wrapper:

* 2019: 国办发明电〔2018〕15号, 劳动节 amended by 国办发明电〔2019〕2号
* 2020: 国办发明电〔2019〕16号, 春节 extended to 2月2日 by 国办发明电〔2020〕1号
* 2021: 国办发明电〔2020〕27号
* 2022: 国办发明电〔2021〕11号
* 2023: 国办发明电〔2022〕16号
* 2024: 国办发明电〔2023〕7号
* 2025: 国办发明电〔2024〕12号
* 2026: notice of 2025-11-04

A period's name lists the holidays it merges ("国庆节、中秋节"); a day in it
may carry either name.  Dates outside the year (元旦 periods that start in
December) come from the notice of the following year.
"""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core.workcalendar import (
    DayKind,
    WorkCalendar,
    YearSchedule,
    iter_days,
    library_covers,
)

D = dt.date.fromisoformat

# year -> (holiday periods [(name, first, last)], adjusted working weekends
#          [(date, name)], number of working days in the year)
OFFICIAL: dict[int, tuple[list[tuple[str, str, str]], list[tuple[str, str]], int]] = {
    2019: (
        [
            ("元旦", "2018-12-30", "2019-01-01"),
            ("春节", "2019-02-04", "2019-02-10"),
            ("清明节", "2019-04-05", "2019-04-07"),
            ("劳动节", "2019-05-01", "2019-05-04"),
            ("端午节", "2019-06-07", "2019-06-09"),
            ("中秋节", "2019-09-13", "2019-09-15"),
            ("国庆节", "2019-10-01", "2019-10-07"),
        ],
        [
            ("2018-12-29", "元旦"),
            ("2019-02-02", "春节"),
            ("2019-02-03", "春节"),
            ("2019-04-28", "劳动节"),
            ("2019-05-05", "劳动节"),
            ("2019-09-29", "国庆节"),
            ("2019-10-12", "国庆节"),
        ],
        250,
    ),
    2020: (
        [
            ("元旦", "2020-01-01", "2020-01-01"),
            ("春节", "2020-01-24", "2020-02-02"),
            ("清明节", "2020-04-04", "2020-04-06"),
            ("劳动节", "2020-05-01", "2020-05-05"),
            ("端午节", "2020-06-25", "2020-06-27"),
            ("国庆节、中秋节", "2020-10-01", "2020-10-08"),
        ],
        [
            ("2020-01-19", "春节"),
            # 2020-02-01 (Sat) was a working day in the first notice; the
            # extension made it a holiday.
            ("2020-04-26", "劳动节"),
            ("2020-05-09", "劳动节"),
            ("2020-06-28", "端午节"),
            ("2020-09-27", "国庆节、中秋节"),
            ("2020-10-10", "国庆节、中秋节"),
        ],
        249,
    ),
    2021: (
        [
            ("元旦", "2021-01-01", "2021-01-03"),
            ("春节", "2021-02-11", "2021-02-17"),
            ("清明节", "2021-04-03", "2021-04-05"),
            ("劳动节", "2021-05-01", "2021-05-05"),
            ("端午节", "2021-06-12", "2021-06-14"),
            ("中秋节", "2021-09-19", "2021-09-21"),
            ("国庆节", "2021-10-01", "2021-10-07"),
        ],
        [
            ("2021-02-07", "春节"),
            ("2021-02-20", "春节"),
            ("2021-04-25", "劳动节"),
            ("2021-05-08", "劳动节"),
            ("2021-09-18", "中秋节"),
            ("2021-09-26", "国庆节"),
            ("2021-10-09", "国庆节"),
        ],
        250,
    ),
    2022: (
        [
            ("元旦", "2022-01-01", "2022-01-03"),
            ("春节", "2022-01-31", "2022-02-06"),
            ("清明节", "2022-04-03", "2022-04-05"),
            ("劳动节", "2022-04-30", "2022-05-04"),
            ("端午节", "2022-06-03", "2022-06-05"),
            ("中秋节", "2022-09-10", "2022-09-12"),
            ("国庆节", "2022-10-01", "2022-10-07"),
            # 元旦 2023 (from the 2023 notice) starts on 2022-12-31.
            ("元旦", "2022-12-31", "2022-12-31"),
        ],
        [
            ("2022-01-29", "春节"),
            ("2022-01-30", "春节"),
            ("2022-04-02", "清明节"),
            ("2022-04-24", "劳动节"),
            ("2022-05-07", "劳动节"),
            ("2022-10-08", "国庆节"),
            ("2022-10-09", "国庆节"),
        ],
        249,
    ),
    2023: (
        [
            ("元旦", "2022-12-31", "2023-01-02"),
            ("春节", "2023-01-21", "2023-01-27"),
            ("清明节", "2023-04-05", "2023-04-05"),
            ("劳动节", "2023-04-29", "2023-05-03"),
            ("端午节", "2023-06-22", "2023-06-24"),
            ("中秋节、国庆节", "2023-09-29", "2023-10-06"),
            # 元旦 2024 (from the 2024 notice) starts on 2023-12-30.
            ("元旦", "2023-12-30", "2023-12-31"),
        ],
        [
            ("2023-01-28", "春节"),
            ("2023-01-29", "春节"),
            ("2023-04-23", "劳动节"),
            ("2023-05-06", "劳动节"),
            ("2023-06-25", "端午节"),
            ("2023-10-07", "中秋节、国庆节"),
            ("2023-10-08", "中秋节、国庆节"),
        ],
        249,
    ),
    2024: (
        [
            ("元旦", "2023-12-30", "2024-01-01"),
            ("春节", "2024-02-10", "2024-02-17"),
            ("清明节", "2024-04-04", "2024-04-06"),
            ("劳动节", "2024-05-01", "2024-05-05"),
            ("端午节", "2024-06-10", "2024-06-10"),
            ("中秋节", "2024-09-15", "2024-09-17"),
            ("国庆节", "2024-10-01", "2024-10-07"),
        ],
        [
            ("2024-02-04", "春节"),
            ("2024-02-18", "春节"),
            ("2024-04-07", "清明节"),
            ("2024-04-28", "劳动节"),
            ("2024-05-11", "劳动节"),
            ("2024-09-14", "中秋节"),
            ("2024-09-29", "国庆节"),
            ("2024-10-12", "国庆节"),
        ],
        251,
    ),
    2025: (
        [
            ("元旦", "2025-01-01", "2025-01-01"),
            ("春节", "2025-01-28", "2025-02-04"),
            ("清明节", "2025-04-04", "2025-04-06"),
            ("劳动节", "2025-05-01", "2025-05-05"),
            ("端午节", "2025-05-31", "2025-06-02"),
            ("国庆节、中秋节", "2025-10-01", "2025-10-08"),
        ],
        [
            ("2025-01-26", "春节"),
            ("2025-02-08", "春节"),
            ("2025-04-27", "劳动节"),
            ("2025-09-28", "国庆节、中秋节"),
            ("2025-10-11", "国庆节、中秋节"),
        ],
        248,
    ),
    2026: (
        [
            ("元旦", "2026-01-01", "2026-01-03"),
            ("春节", "2026-02-15", "2026-02-23"),
            ("清明节", "2026-04-04", "2026-04-06"),
            ("劳动节", "2026-05-01", "2026-05-05"),
            ("端午节", "2026-06-19", "2026-06-21"),
            ("中秋节", "2026-09-25", "2026-09-27"),
            ("国庆节", "2026-10-01", "2026-10-07"),
        ],
        [
            ("2026-01-04", "元旦"),
            ("2026-02-14", "春节"),
            ("2026-02-28", "春节"),
            ("2026-05-09", "劳动节"),
            ("2026-09-20", "国庆节"),
            ("2026-10-10", "国庆节"),
        ],
        248,
    ),
}

YEARS = sorted(OFFICIAL)


def expected_days(year: int) -> dict[dt.date, tuple[DayKind, set[str] | None]]:
    """Expected (kind, acceptable names) for every date the notice names."""
    periods, adjusted, _ = OFFICIAL[year]
    expected: dict[dt.date, tuple[DayKind, set[str] | None]] = {}
    for name, first, last in periods:
        for d in iter_days(D(first), D(last)):
            expected[d] = (DayKind.HOLIDAY, set(name.split("、")))
    for day, name in adjusted:
        assert D(day).weekday() >= 5, f"table error: {day} is not a weekend"
        expected[D(day)] = (DayKind.ADJUSTED_WORKDAY, set(name.split("、")))
    return expected


def default_kind(d: dt.date) -> DayKind:
    return DayKind.WORKDAY if d.weekday() < 5 else DayKind.WEEKEND


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar()


@pytest.mark.parametrize("year", YEARS)
def test_every_day_matches_the_notice(cal: WorkCalendar, year: int) -> None:
    expected = expected_days(year)
    year_dates = iter_days(dt.date(year, 1, 1), dt.date(year, 12, 31))
    others = sorted(d for d in expected if d.year != year)
    mismatches = []
    for d in [*others, *year_dates]:
        kind, names = expected.get(d, (default_kind(d), None))
        info = cal.day_info(d)
        name_ok = info.holiday_name is None if names is None else info.holiday_name in names
        if info.kind is not kind or not name_ok or info.provisional:
            mismatches.append((d.isoformat(), info.kind.value, info.holiday_name, kind.value, names))
    assert mismatches == []


@pytest.mark.parametrize("year", YEARS)
def test_working_day_count_per_year(cal: WorkCalendar, year: int) -> None:
    expected = expected_days(year)
    from_table = sum(
        1
        for d in iter_days(dt.date(year, 1, 1), dt.date(year, 12, 31))
        if expected.get(d, (default_kind(d), None))[0].is_workday
    )
    count = sum(1 for info in cal.year_days(year) if info.is_workday)
    assert count == from_table == OFFICIAL[year][2]


def test_2026_has_248_working_days(cal: WorkCalendar) -> None:
    assert sum(info.is_workday for info in cal.year_days(2026)) == 248


@pytest.mark.parametrize("year", YEARS)
def test_official_years(cal: WorkCalendar, year: int) -> None:
    assert cal.is_official_year(year)
    assert library_covers(year)


def test_day_kinds_and_labels(cal: WorkCalendar) -> None:
    spring = cal.day_info(D("2026-02-15"))
    assert (spring.kind, spring.holiday_name, spring.label) == (DayKind.HOLIDAY, "春节", "春节")
    saturday_work = cal.day_info(D("2026-02-14"))
    assert saturday_work.is_workday
    assert saturday_work.label == "调休上班日（春节）"
    assert cal.day_info(D("2026-03-07")).kind is DayKind.WEEKEND
    assert cal.day_info(D("2026-03-09")).kind is DayKind.WORKDAY
    assert cal.day_info(D("2015-09-03")).holiday_name.startswith("中国人民抗日战争")


# -- years without an official schedule -------------------------------------


def test_2027_without_schedule_is_provisional_weekday_rule(cal: WorkCalendar) -> None:
    assert not cal.is_official_year(2027)
    days = list(cal.year_days(2027))
    assert all(info.provisional for info in days)
    assert all(info.kind is default_kind(info.date) for info in days)
    assert sum(info.is_workday for info in days) == 261
    # 2027-01-01 is a Friday: no holiday without a notice.
    assert cal.is_workday(D("2027-01-01"))


def test_2027_with_entered_schedule_is_official() -> None:
    # An invented schedule: it only has to be honoured, not be right.
    schedule = YearSchedule(
        2027,
        holidays={
            **{d: "元旦" for d in iter_days(D("2027-01-01"), D("2027-01-03"))},
            **{d: "春节" for d in iter_days(D("2027-02-05"), D("2027-02-13"))},
        },
        adjusted_workdays={D("2027-02-14"): "春节"},
    )
    cal = WorkCalendar({2027: schedule})
    assert cal.is_official_year(2027)
    new_year = cal.day_info(D("2027-01-01"))
    assert (new_year.kind, new_year.holiday_name, new_year.provisional) == (
        DayKind.HOLIDAY,
        "元旦",
        False,
    )
    assert cal.day_info(D("2027-02-14")).kind is DayKind.ADJUSTED_WORKDAY
    assert cal.is_workday(D("2027-02-14"))
    assert not cal.is_workday(D("2027-02-08"))  # Monday inside 春节
    assert cal.day_info(D("2027-03-01")).kind is DayKind.WORKDAY
    assert not any(info.provisional for info in cal.year_days(2027))
    # 261 weekdays, minus 元旦 (Fri) and the 6 weekdays of 春节, plus one working Sunday
    assert sum(info.is_workday for info in cal.year_days(2027)) == 261 - 1 - 6 + 1


def test_entered_schedule_overrides_library() -> None:
    schedule = YearSchedule(2026, holidays={D("2026-03-09"): "测试假日"})
    cal = WorkCalendar({2026: schedule})
    assert not cal.is_workday(D("2026-03-09"))
    # The library's 2026 holidays are not used any more for that year.
    assert cal.day_info(D("2026-10-01")).kind is DayKind.WORKDAY
    # Other years still come from the library.
    assert not cal.is_workday(D("2025-10-01"))


def test_schedule_validation() -> None:
    with pytest.raises(ValueError):
        YearSchedule(2027, holidays={D("2026-12-31"): "元旦"})
    with pytest.raises(ValueError):
        YearSchedule(2027, adjusted_workdays={D("2027-03-01"): "春节"})  # a Monday
    with pytest.raises(ValueError):
        YearSchedule(
            2027,
            holidays={D("2027-02-06"): "春节"},
            adjusted_workdays={D("2027-02-06"): "春节"},
        )
    with pytest.raises(ValueError):
        WorkCalendar({2028: YearSchedule(2027)})


# -- counting ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2026-03-07", 5, "2026-03-13"),  # Saturday start: find_workday says 03-16
        ("2026-03-09", 5, "2026-03-16"),  # Monday start
        ("2026-03-09", 0, "2026-03-09"),
        ("2026-02-12", 5, "2026-02-26"),  # 02-13, 02-14 (调休), 02-24..26
        ("2026-09-30", 1, "2026-10-08"),
        ("2026-10-09", 1, "2026-10-10"),  # working Saturday
        ("2026-03-13", -5, "2026-03-06"),
    ],
)
def test_add_working_days(cal: WorkCalendar, start: str, n: int, expected: str) -> None:
    assert cal.add_working_days(D(start), n) == D(expected)


def test_add_working_days_into_provisional_year(cal: WorkCalendar) -> None:
    # 2026-12-31 is a Thursday; 2027-01-01 (Fri) counts by the weekday rule.
    assert cal.add_working_days(D("2026-12-31"), 2) == D("2027-01-04")


def test_next_workday_on_or_after(cal: WorkCalendar) -> None:
    assert cal.next_workday_on_or_after(D("2026-03-09")) == D("2026-03-09")
    assert cal.next_workday_on_or_after(D("2026-10-01")) == D("2026-10-08")
    assert cal.next_workday_on_or_after(D("2026-09-19")) == D("2026-09-20")  # working Sunday


def test_working_days_between(cal: WorkCalendar) -> None:
    assert cal.working_days_between(D("2026-03-07"), D("2026-03-13")) == 5
    assert cal.working_days_between(D("2026-03-13"), D("2026-03-07")) == 0
    assert cal.working_days_between(D("2025-12-31"), D("2026-12-31")) == 248
