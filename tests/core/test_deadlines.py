"""Deadline engine: rule registry, counting examples and properties."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.core.deadlines import (
    MONTH,
    NATURAL_DAY,
    WORKING_DAY,
    DeadlineRule,
    Extension,
    Period,
    Suspension,
    add_months,
    all_rules,
    compute_due,
    get_rule,
    load_rules,
)
from fazhi.core.workcalendar import WorkCalendar

D = dt.date.fromisoformat
CAL = WorkCalendar()


def due(code: str, start: str, **kwargs) -> dt.date | None:
    return compute_due(get_rule(code), D(start), CAL, **kwargs).due


def make_rule(length: int, unit: str, **kwargs) -> DeadlineRule:
    fields = dict(
        code="test.rule",
        name="测试期限",
        length=length,
        unit=unit,
        trigger_event="测试事件之日",
        legal_basis="测试依据",
        extendable=True,
        pausable=True,
    )
    return DeadlineRule(**{**fields, **kwargs})


# -- registry ------------------------------------------------------------------

REQUIRED = {
    "reconsideration.acceptance_review": (5, WORKING_DAY),
    "reconsideration.correction_notice": (5, WORKING_DAY),
    "reconsideration.applicant_correction": (10, WORKING_DAY),
    "reconsideration.send_copy": (7, WORKING_DAY),
    "reconsideration.respondent_reply": (10, WORKING_DAY),
    "reconsideration.simplified_send_copy": (3, WORKING_DAY),
    "reconsideration.simplified_reply": (5, WORKING_DAY),
    "reconsideration.decision": (60, NATURAL_DAY),
    "reconsideration.simplified_decision": (30, NATURAL_DAY),
    "reconsideration.suspension_termination": (60, NATURAL_DAY),
    "reconsideration.sue_after_decision": (15, NATURAL_DAY),
    "litigation.defence": (15, NATURAL_DAY),
    "litigation.appeal_judgment": (15, NATURAL_DAY),
    "litigation.appeal_ruling": (10, NATURAL_DAY),
    "litigation.first_instance": (6, MONTH),
    "litigation.second_instance": (3, MONTH),
    "normative_document.filing": (30, NATURAL_DAY),
    "major_decision.public_comment": (30, NATURAL_DAY),
    "major_decision.legality_review": (7, WORKING_DAY),
    "enforcement.decision": (90, NATURAL_DAY),
    "enforcement.publish_penalty": (7, WORKING_DAY),
    "enforcement.publish_other": (20, WORKING_DAY),
    "disclosure.reply": (20, WORKING_DAY),
    "disclosure.correction_notice": (7, WORKING_DAY),
    "disclosure.third_party_opinion": (15, WORKING_DAY),
    "petition.handle": (60, NATURAL_DAY),
    "proposal.deputy_reply": (3, MONTH),
    "proposal.deputy_reply_complex": (6, MONTH),
    "legal_aid.decision": (7, WORKING_DAY),
    "mediation.judicial_confirmation": (30, NATURAL_DAY),
}


@pytest.mark.parametrize(("code", "expected"), sorted(REQUIRED.items()))
def test_registry_has_statutory_limits(code: str, expected: tuple[int, str]) -> None:
    rule = get_rule(code)
    assert (rule.length, rule.unit) == expected
    assert rule.name and rule.trigger_event and rule.legal_basis


def test_registry_details() -> None:
    codes = [rule.code for rule in all_rules()]
    assert len(codes) == len(set(codes)) >= len(REQUIRED)
    assert get_rule("reconsideration.decision").max_extension == Period(30, NATURAL_DAY)
    assert get_rule("reconsideration.decision").legal_basis == "《中华人民共和国行政复议法》第六十二条第一款"
    assert get_rule("disclosure.reply").max_extension == Period(20, WORKING_DAY)
    assert get_rule("petition.handle").max_extension == Period(30, NATURAL_DAY)
    assert not get_rule("reconsideration.simplified_decision").extendable
    assert not get_rule("normative_document.filing").confirmed
    assert not get_rule("legal_aid.decision").confirmed
    assert get_rule("reconsideration.decision").confirmed
    assert get_rule("major_decision.public_comment").minimum
    with pytest.raises(KeyError):
        get_rule("no.such_rule")


def test_overrides_change_a_rule_without_editing_code() -> None:
    rules = load_rules(overrides={"normative_document.filing": {"length": 15, "confirmed": True}})
    assert (rules["normative_document.filing"].length, rules["normative_document.filing"].confirmed) == (15, True)
    assert get_rule("normative_document.filing").length == 30  # packaged registry untouched
    result = compute_due(rules["normative_document.filing"], D("2026-03-02"), CAL)
    assert result.due == D("2026-03-17")
    extended = load_rules(overrides={"enforcement.decision": {"max_extension": {"length": 30, "unit": "natural_day"}}})
    assert extended["enforcement.decision"].max_extension == Period(30, NATURAL_DAY)


@pytest.mark.parametrize(
    "overrides",
    [
        {"no.such_rule": {"length": 1}},
        {"disclosure.reply": {"colour": "red"}},
        {"disclosure.reply": {"code": "other"}},
        {"disclosure.reply": {"unit": "fortnight"}},
        {"disclosure.reply": {"length": 0}},
        {"reconsideration.simplified_decision": {"max_extension": {"length": 5, "unit": "natural_day"}}},
    ],
)
def test_bad_overrides_are_refused(overrides: dict) -> None:
    with pytest.raises(ValueError):
        load_rules(overrides=overrides)


def test_load_rules_from_another_file(tmp_path: Path) -> None:
    entry = "  - {code: a.b, name: 甲, length: 2, unit: working_day, trigger_event: 收到之日, legal_basis: 某规定}\n"
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n" + entry, encoding="utf-8")
    assert list(load_rules(path)) == ["a.b"]
    path.write_text("rules:\n" + entry + entry, encoding="utf-8")
    with pytest.raises(ValueError, match="重复"):
        load_rules(path)


def test_rule_to_dict_is_json() -> None:
    data = get_rule("reconsideration.decision").to_dict()
    assert data["max_extension"] == {"length": 30, "unit": "natural_day"}
    assert data["day_type"] == "自然日"
    json.dumps(data)


# -- working days --------------------------------------------------------------


def test_find_workday_pitfall_saturday_start() -> None:
    # chinese_calendar.find_workday(5, 2026-03-07) gives 2026-03-16.
    assert due("reconsideration.acceptance_review", "2026-03-07") == D("2026-03-13")
    assert due("reconsideration.acceptance_review", "2026-03-09") == D("2026-03-16")


def test_working_days_over_spring_festival() -> None:
    # 02-13 (1), 02-14 working Saturday (2), 02-15..23 春节, 02-24 (3) .. 02-26 (5)
    result = compute_due(get_rule("reconsideration.acceptance_review"), D("2026-02-12"), CAL)
    assert result.due == D("2026-02-26")
    days = {step.date: step for step in result.steps if step.kind == "day"}
    assert days[D("2026-02-14")].counted and days[D("2026-02-14")].reason.startswith("调休上班日")
    assert not days[D("2026-02-16")].counted and days[D("2026-02-16")].reason == "春节"
    text = result.explain_text()
    assert "《中华人民共和国行政复议法》第三十条" in text
    assert "跳过：2026-02-15至2026-02-23 春节假期" in text
    assert "2026-02-14 调休上班日（春节），按工作日计算" in text


def test_working_days_over_national_day() -> None:
    # 09-25..27 中秋, 10-01..07 国庆, 10-10 working Saturday.
    result = compute_due(get_rule("disclosure.reply"), D("2026-09-24"), CAL)
    assert result.due == D("2026-10-29")
    assert CAL.working_days_between(D("2026-09-24"), result.due) == 20
    text = result.explain_text()
    assert "跳过：2026-10-01至2026-10-07 国庆节假期" in text
    assert "跳过：2026-09-25至2026-09-27 中秋节假期" in text


# -- natural days and months ---------------------------------------------------


def test_natural_days_roll_forward_over_a_holiday() -> None:
    result = compute_due(get_rule("litigation.defence"), D("2026-09-16"), CAL)  # raw end 10-01
    assert result.due == D("2026-10-08")
    assert "期限末日2026-10-01为国庆节，顺延至2026-10-08" in result.explain_text()
    # Ends on the last day of 春节 (02-23) -> 02-24.
    assert due("reconsideration.decision", "2025-12-25") == D("2026-02-24")
    # Ends on an ordinary Sunday -> Monday.
    assert due("litigation.appeal_ruling", "2026-03-05") == D("2026-03-16")


def test_natural_days_do_not_roll_over_adjusted_working_weekend() -> None:
    assert due("litigation.appeal_ruling", "2026-09-30") == D("2026-10-10")  # working Saturday
    assert due("litigation.defence", "2026-01-30") == D("2026-02-14")  # working Saturday
    result = compute_due(get_rule("litigation.appeal_ruling"), D("2026-09-30"), CAL)
    assert not any(step.kind == "roll_forward" for step in result.steps)


def test_natural_day_explanation_mentions_counted_holidays() -> None:
    text = compute_due(get_rule("reconsideration.decision"), D("2026-09-01"), CAL).explain_text()
    assert "计入：2026-10-01至2026-10-07 国庆节假期（自然日照常计算）" in text


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-03-31", 6, "2026-09-30"),
        ("2026-08-31", 6, "2027-02-28"),
        ("2026-02-28", 1, "2026-03-28"),
        ("2025-11-15", 3, "2026-02-15"),
    ],
)
def test_add_months(start: str, months: int, expected: str) -> None:
    assert add_months(D(start), months) == D(expected)


@pytest.mark.parametrize(
    ("code", "start", "expected"),
    [
        ("proposal.deputy_reply", "2026-01-31", "2026-04-30"),  # month end, Thursday
        ("litigation.second_instance", "2025-11-30", "2026-02-28"),  # no 02-30; working Saturday
        ("litigation.second_instance", "2025-11-14", "2026-02-14"),  # working Saturday before 春节
        ("litigation.first_instance", "2023-08-31", "2024-02-29"),  # leap year month end
        ("litigation.first_instance", "2026-04-04", "2026-10-08"),  # 10-04 国庆 -> roll forward
        ("proposal.deputy_reply", "2025-11-21", "2026-02-24"),  # 02-21 inside 春节 -> 02-24
    ],
)
def test_month_rules(code: str, start: str, expected: str) -> None:
    assert due(code, start) == D(expected)


# -- suspensions -----------------------------------------------------------------


def test_natural_day_suspension_adds_the_suspended_days() -> None:
    rule = get_rule("reconsideration.decision")
    plain = compute_due(rule, D("2026-03-02"), CAL)
    assert plain.due == D("2026-05-06")  # raw end 05-01 (劳动节) rolled forward
    paused = compute_due(rule, D("2026-03-02"), CAL, suspensions=[(D("2026-03-10"), D("2026-03-20"))])
    assert paused.due == D("2026-05-11")  # 05-01 + 10 days = 05-11 (Monday)
    assert paused.state == "running"
    text = paused.explain_text()
    assert "跳过：2026-03-10至2026-03-19 中止期间" in text
    assert "不计入期限的日期：2026-03-10至2026-03-19" in text


def test_working_day_suspension_adds_the_suspended_working_days() -> None:
    rule = get_rule("disclosure.reply")
    plain = compute_due(rule, D("2026-03-02"), CAL)
    assert plain.due == D("2026-03-30")
    # Third-party opinion time 03-05..03-11 holds 5 working days.
    third_party = Suspension(D("2026-03-05"), D("2026-03-12"), "征求第三方意见")
    paused = compute_due(rule, D("2026-03-02"), CAL, suspensions=[third_party])
    assert paused.due == CAL.add_working_days(plain.due, 5) == D("2026-04-07")  # over 清明
    assert "中止（征求第三方意见）" in paused.explain_text()


def test_open_suspension_stops_the_clock() -> None:
    rule = get_rule("reconsideration.decision")
    result = compute_due(rule, D("2026-03-02"), CAL, suspensions=[(D("2026-03-10"), None)])
    assert (result.due, result.state) == (None, "suspended")
    assert result.days_remaining(D("2026-04-01")) is None
    assert result.status(D("2026-04-01")) == "suspended"
    assert "已计入7日" in result.explain_text()
    assert result.to_dict()["due"] is None


def test_open_suspension_after_expiry_does_not_revive_the_deadline() -> None:
    late_pause = [(D("2026-06-01"), None)]
    result = compute_due(get_rule("reconsideration.decision"), D("2026-03-02"), CAL, suspensions=late_pause)
    assert (result.due, result.state) == (D("2026-05-06"), "running")


def test_suspension_validation() -> None:
    with pytest.raises(ValueError, match="不适用中止"):
        pause = [(D("2026-03-05"), D("2026-03-06"))]
        compute_due(get_rule("litigation.defence"), D("2026-03-02"), CAL, suspensions=pause)
    with pytest.raises(ValueError):
        Suspension(D("2026-03-05"), D("2026-03-04"))


# -- extensions ------------------------------------------------------------------


def test_extension_is_added_after_the_base_period() -> None:
    rule = get_rule("reconsideration.decision")
    extension = Extension(30, NATURAL_DAY, "案情复杂", D("2026-04-28"))
    result = compute_due(rule, D("2026-03-02"), CAL, extensions=[extension])
    assert result.base_due == D("2026-05-06")
    assert result.due == D("2026-06-01")  # 05-01 + 30 = 05-31 (Sunday) -> 06-01
    text = result.explain_text()
    assert "原期限届满日：2026-05-06" in text
    assert "延长30日（理由：案情复杂；批准日：2026-04-28）" in text


def test_working_day_extension_as_tuple() -> None:
    result = compute_due(
        get_rule("disclosure.reply"), D("2026-03-02"), CAL, extensions=[(20, WORKING_DAY, "需要检索大量档案", D("2026-03-25"))]
    )
    assert result.due == CAL.add_working_days(D("2026-03-30"), 20)
    assert CAL.working_days_between(D("2026-03-02"), result.due) == 40


def test_non_extendable_rule_refuses_extension() -> None:
    with pytest.raises(ValueError, match="不能延长"):
        rule = get_rule("reconsideration.simplified_decision")
        compute_due(rule, D("2026-03-02"), CAL, extensions=[(10, NATURAL_DAY, "", None)])


@pytest.mark.parametrize(
    "extensions",
    [
        [(31, NATURAL_DAY, "", None)],
        [(20, NATURAL_DAY, "", None), (11, NATURAL_DAY, "", None)],
        [(10, WORKING_DAY, "", None)],
    ],
)
def test_extension_over_the_cap_is_refused(extensions: list) -> None:
    with pytest.raises(ValueError):
        compute_due(get_rule("reconsideration.decision"), D("2026-03-02"), CAL, extensions=extensions)


# -- provisional years, explanation, API form ------------------------------------


def test_span_into_2027_is_provisional() -> None:
    result = compute_due(get_rule("reconsideration.decision"), D("2026-12-01"), CAL)
    assert result.provisional
    assert result.due == D("2027-02-01")  # 01-30 is a Saturday by the weekday rule
    assert "2027年尚无官方放假安排" in result.explain_text()
    assert compute_due(get_rule("enforcement.publish_other"), D("2026-12-10"), CAL).provisional
    assert not compute_due(get_rule("reconsideration.decision"), D("2026-09-01"), CAL).provisional


def test_entered_2027_schedule_makes_the_span_official() -> None:
    from fazhi.core.workcalendar import YearSchedule

    cal = WorkCalendar({2027: YearSchedule(2027, holidays={D("2027-02-01"): "测试假日"})})
    result = compute_due(get_rule("reconsideration.decision"), D("2026-12-01"), cal)
    assert not result.provisional
    assert result.due == D("2027-02-02")


def test_explanation_header_and_unconfirmed_note() -> None:
    text = compute_due(get_rule("normative_document.filing"), D("2026-03-02"), CAL).explain_text()
    assert "自公布之日起30日" in text
    assert "未经权威文本核实" in text
    assert "不少于30日" in compute_due(get_rule("major_decision.public_comment"), D("2026-03-02"), CAL).explain_text()


def test_to_dict_is_json_serialisable() -> None:
    result = compute_due(
        get_rule("reconsideration.decision"),
        D("2026-03-02"),
        CAL,
        suspensions=[(D("2026-03-10"), D("2026-03-20"))],
        extensions=[(30, NATURAL_DAY, "案情复杂", D("2026-04-28"))],
    )
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["due"] == "2026-06-10"
    assert data["rule"]["code"] == "reconsideration.decision"
    kinds = {step["kind"] for step in data["steps"]}
    assert {"rule", "start", "suspension", "day", "base_due", "extension", "due"} <= kinds
    day = next(step for step in data["steps"] if step["kind"] == "day" and step["reason"] == "中止期间")
    assert day["counted"] is False


# -- days remaining and status ---------------------------------------------------


def test_days_remaining_and_status_working_days() -> None:
    result = compute_due(get_rule("reconsideration.acceptance_review"), D("2026-03-07"), CAL)  # due Fri 03-13
    assert result.days_remaining(D("2026-03-07")) == 5
    assert result.days_remaining(D("2026-03-13")) == 0
    assert result.days_remaining(D("2026-03-14")) == -1  # Saturday after: still overdue
    assert result.days_remaining(D("2026-03-17")) == -2
    assert result.status(D("2026-03-13")) == "due_soon"
    assert result.status(D("2026-03-16")) == "overdue"
    assert result.status(D("2026-03-16"), completed_on=D("2026-03-12")) == "done"


def test_days_remaining_and_status_natural_days() -> None:
    result = compute_due(get_rule("litigation.defence"), D("2026-09-16"), CAL)  # due 10-08
    assert result.days_remaining(D("2026-09-20")) == 18
    assert result.status(D("2026-09-20")) == "ok"
    assert result.status(D("2026-10-01")) == "due_soon"
    assert result.days_remaining(D("2026-10-09")) == -1
    assert result.status(D("2026-10-09")) == "overdue"


# -- properties --------------------------------------------------------------------

starts = st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2026, 6, 30))
day_units = st.sampled_from([NATURAL_DAY, WORKING_DAY])
lengths = st.integers(min_value=1, max_value=60)


@st.composite
def suspensions(draw, start: dt.date) -> tuple[dt.date, dt.date]:
    begin = start + dt.timedelta(days=draw(st.integers(min_value=-5, max_value=90)))
    return begin, begin + dt.timedelta(days=draw(st.integers(min_value=0, max_value=30)))


@settings(max_examples=200, deadline=None)
@given(start=starts, n=lengths, unit=day_units)
def test_due_is_a_working_day_after_start(start: dt.date, n: int, unit: str) -> None:
    result = compute_due(make_rule(n, unit), start, CAL)
    assert result.due > start
    assert CAL.is_workday(result.due)
    assert not result.provisional


@settings(max_examples=200, deadline=None)
@given(start=starts, n=lengths, unit=day_units)
def test_due_is_monotone_in_length(start: dt.date, n: int, unit: str) -> None:
    shorter = compute_due(make_rule(n, unit), start, CAL).due
    longer = compute_due(make_rule(n + 1, unit), start, CAL).due
    assert shorter <= longer


@settings(max_examples=200, deadline=None)
@given(start=starts, n=lengths)
def test_working_day_deadline_counts_exactly_n(start: dt.date, n: int) -> None:
    result = compute_due(make_rule(n, WORKING_DAY), start, CAL)
    assert CAL.working_days_between(start, result.due) == n
    assert result.due == CAL.add_working_days(start, n)


@settings(max_examples=200, deadline=None)
@given(start=starts, n=lengths)
def test_natural_day_deadline_is_first_working_day_from_start_plus_n(start: dt.date, n: int) -> None:
    result = compute_due(make_rule(n, NATURAL_DAY), start, CAL)
    assert (result.due - start).days >= n
    assert result.due == CAL.next_workday_on_or_after(start + dt.timedelta(days=n))


@settings(max_examples=100, deadline=None)
@given(start=starts, n=st.integers(min_value=1, max_value=6))
def test_month_deadline_is_not_before_corresponding_day(start: dt.date, n: int) -> None:
    result = compute_due(make_rule(n, MONTH), start, CAL)
    assert result.due == CAL.next_workday_on_or_after(add_months(start, n))


@settings(max_examples=200, deadline=None)
@given(data=st.data(), start=starts, n=lengths, unit=day_units)
def test_suspension_never_shortens(data: st.DataObject, start: dt.date, n: int, unit: str) -> None:
    pause = data.draw(suspensions(start))
    rule = make_rule(n, unit)
    plain = compute_due(rule, start, CAL).due
    paused = compute_due(rule, start, CAL, suspensions=[pause]).due
    assert paused >= plain
    assert CAL.is_workday(paused)
    assert not Suspension(*pause).covers(paused)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), start=starts, n=lengths)
def test_working_days_outside_suspension_count_exactly_n(data: st.DataObject, start: dt.date, n: int) -> None:
    pause = Suspension(*data.draw(suspensions(start)))
    result = compute_due(make_rule(n, WORKING_DAY), start, CAL, suspensions=[pause])
    span = (start + dt.timedelta(days=i) for i in range(1, (result.due - start).days + 1))
    assert sum(1 for d in span if CAL.is_workday(d) and not pause.covers(d)) == n


@settings(max_examples=100, deadline=None)
@given(start=starts, n=lengths, extra=st.integers(min_value=1, max_value=30), unit=day_units)
def test_extension_never_shortens(start: dt.date, n: int, extra: int, unit: str) -> None:
    rule = make_rule(n, unit)
    plain = compute_due(rule, start, CAL)
    extended = compute_due(rule, start, CAL, extensions=[(extra, unit, "", None)])
    assert extended.due >= plain.due
    assert extended.base_due == plain.due
