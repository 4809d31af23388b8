"""Statutory time limits: rule registry and due-date engine (no Django).

Counting rules (民诉法 §85, 行诉解释 §48, 民法典 §200–204, and the
day-type provisions of 行政复议法 §88 / 行政处罚法 §85):

* the day of the trigger event is not counted;
* ``natural_day``: every day counts; if the last day is a rest day (weekend
  or holiday, but not an adjusted working weekend) the deadline rolls
  forward to the next working day;
* ``working_day``: only working days count (adjusted weekends included);
* ``month``: the corresponding day N months later (month end when there is
  none), then rolled forward like natural days;
* a suspension (中止) stops the clock from the day of suspension up to, not
  including, the day of resumption; the suspended days (natural-day rules)
  or suspended working days (working-day rules) are therefore added back;
* an approved extension continues the count from the (unrolled) end of the
  base period.

Every computation records the steps it took so the result can be explained
to the person responsible for the case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from calendar import monthrange
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from fazhi.core.workcalendar import ONE_DAY, DayInfo, DayKind, WorkCalendar

NATURAL_DAY = "natural_day"
WORKING_DAY = "working_day"
MONTH = "month"
UNITS = (NATURAL_DAY, WORKING_DAY, MONTH)

UNIT_TEXT = {NATURAL_DAY: "日", WORKING_DAY: "个工作日", MONTH: "个月"}
DAY_TYPE_TEXT = {NATURAL_DAY: "自然日", WORKING_DAY: "工作日", MONTH: "月"}
COUNTING_NOTE = {NATURAL_DAY: "按自然日计算，", WORKING_DAY: "", MONTH: "按月的对应日计算，"}

RUNNING = "running"
SUSPENDED = "suspended"

DEFAULT_RULES_PATH = Path(__file__).with_name("deadline_rules.yaml")


# -- rules -------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A length of time: ``length`` units of ``unit``."""

    length: int
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"未知的期限单位：{self.unit}（应为 {'/'.join(UNITS)}）")
        if isinstance(self.length, bool) or not isinstance(self.length, int) or self.length < 1:
            raise ValueError(f"期限长度应为正整数：{self.length!r}")

    @property
    def text(self) -> str:
        return f"{self.length}{UNIT_TEXT[self.unit]}"

    @classmethod
    def coerce(cls, value: Period | Mapping[str, Any] | None) -> Period | None:
        if value is None or isinstance(value, Period):
            return value
        return cls(int(value["length"]), str(value["unit"]))


@dataclass(frozen=True)
class DeadlineRule:
    """One statutory time limit.

    ``confirmed`` is false for limits that could not be verified in an
    authoritative text; their length is meant to be configured.
    ``minimum`` marks periods that must last *at least* that long (e.g. a
    public-comment period) rather than limits to beat.
    """

    code: str
    name: str
    length: int
    unit: str
    trigger_event: str
    legal_basis: str
    extendable: bool = False
    pausable: bool = False
    confirmed: bool = True
    minimum: bool = False
    max_extension: Period | None = None
    category: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        Period(self.length, self.unit)  # validates
        object.__setattr__(self, "max_extension", Period.coerce(self.max_extension))
        if self.max_extension is not None and not self.extendable:
            raise ValueError(f"规则 {self.code} 不可延长，却设置了延长上限")

    @property
    def period(self) -> Period:
        return Period(self.length, self.unit)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["day_type"] = DAY_TYPE_TEXT[self.unit]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeadlineRule:
        unknown = set(data) - RULE_FIELDS
        if unknown:
            raise ValueError(f"期限规则含未知字段：{', '.join(sorted(unknown))}")
        return cls(**data)


RULE_FIELDS = frozenset(f.name for f in dataclasses.fields(DeadlineRule))


def load_rules(
    path: str | Path | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
) -> Mapping[str, DeadlineRule]:
    """Read the rule registry (file order kept), applying ``overrides``.

    ``overrides`` maps a rule code to the fields to change, e.g.
    ``{"normative_document.filing": {"length": 15, "confirmed": True}}``.
    """
    raw = yaml.safe_load(Path(path or DEFAULT_RULES_PATH).read_text(encoding="utf-8"))
    rules: dict[str, DeadlineRule] = {}
    for entry in raw["rules"]:
        rule = DeadlineRule.from_dict(entry)
        if rule.code in rules:
            raise ValueError(f"期限规则代码重复：{rule.code}")
        rules[rule.code] = rule
    for code, changes in (overrides or {}).items():
        rules[code] = _override(rules, code, changes)
    return MappingProxyType(rules)


def _override(rules: Mapping[str, DeadlineRule], code: str, changes: Mapping[str, Any]) -> DeadlineRule:
    if code not in rules:
        raise ValueError(f"无法覆盖未知的期限规则：{code}")
    unknown = set(changes) - (RULE_FIELDS - {"code"})
    if unknown:
        raise ValueError(f"期限规则 {code} 的覆盖项含未知字段：{', '.join(sorted(unknown))}")
    return dataclasses.replace(rules[code], **changes)


@cache
def _default_rules() -> Mapping[str, DeadlineRule]:
    return load_rules()


def get_rule(code: str) -> DeadlineRule:
    """A rule from the packaged registry (without overrides)."""
    try:
        return _default_rules()[code]
    except KeyError:
        raise KeyError(f"未知的期限规则：{code}") from None


def all_rules() -> list[DeadlineRule]:
    """Every rule of the packaged registry, in file order."""
    return list(_default_rules().values())


# -- inputs ------------------------------------------------------------------


@dataclass(frozen=True)
class Suspension:
    """中止: the clock stops on ``suspended_on`` and runs again on ``resumed_on``.

    Days in ``[suspended_on, resumed_on)`` are not counted; an open
    suspension (``resumed_on is None``) stops the clock indefinitely.
    """

    suspended_on: dt.date
    resumed_on: dt.date | None = None
    reason: str = ""

    def __post_init__(self) -> None:
        if self.resumed_on is not None and self.resumed_on < self.suspended_on:
            raise ValueError(
                f"恢复日期{self.resumed_on.isoformat()}早于中止日期{self.suspended_on.isoformat()}"
            )

    @property
    def is_open(self) -> bool:
        return self.resumed_on is None

    def covers(self, d: dt.date) -> bool:
        return self.suspended_on <= d and (self.resumed_on is None or d < self.resumed_on)


@dataclass(frozen=True)
class Extension:
    """An approved extension (延长) of ``length`` ``unit``."""

    length: int
    unit: str
    reason: str = ""
    approved_on: dt.date | None = None

    def __post_init__(self) -> None:
        Period(self.length, self.unit)  # validates

    @property
    def period(self) -> Period:
        return Period(self.length, self.unit)


def _as_suspension(value: Suspension | Sequence[Any]) -> Suspension:
    return value if isinstance(value, Suspension) else Suspension(*value)


def _as_extension(value: Extension | Sequence[Any]) -> Extension:
    return value if isinstance(value, Extension) else Extension(*value)


def _check_suspensions(rule: DeadlineRule, suspensions: Sequence[Suspension]) -> None:
    if suspensions and not rule.pausable:
        raise ValueError(f"「{rule.name}」（{rule.code}）的期限不适用中止")


def _check_extensions(rule: DeadlineRule, extensions: Sequence[Extension]) -> None:
    if not extensions:
        return
    if not rule.extendable:
        raise ValueError(f"「{rule.name}」（{rule.code}）的期限依法不能延长")
    cap = rule.max_extension
    if cap is None:
        return
    if any(e.unit != cap.unit for e in extensions):
        raise ValueError(f"「{rule.name}」的延长期限应以{DAY_TYPE_TEXT[cap.unit]}计算")
    total = sum(e.length for e in extensions)
    if total > cap.length:
        raise ValueError(f"「{rule.name}」延长合计{total}{UNIT_TEXT[cap.unit]}，超过上限{cap.text}")


# -- explanation entries -----------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One entry of a computation's explanation.

    ``kind`` is one of ``rule``, ``unconfirmed``, ``start``, ``suspension``,
    ``month``, ``day``, ``base_due``, ``extension``, ``roll_forward``,
    ``due``, ``suspended``, ``provisional``.  Day entries say whether the day
    ``counted`` (with its running ``ordinal``) and, in ``reason``, why not
    (``周末``, a holiday name such as ``春节``, ``中止期间``) or what is
    notable about a counted day (``调休上班日（春节）``, a holiday counted as
    a natural day).
    """

    kind: str
    text: str
    date: dt.date | None = None
    counted: bool | None = None
    ordinal: int | None = None
    reason: str = ""
    phase: str = ""
    unit: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = {"kind": self.kind, "text": self.text, "date": _iso(self.date)}
        if self.kind == "day":
            data.update(counted=self.counted, ordinal=self.ordinal, reason=self.reason, unit=self.unit)
        if self.phase:
            data["phase"] = self.phase
        return data


def _iso(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def _span(first: dt.date, last: dt.date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()}至{last.isoformat()}"


# -- counting ----------------------------------------------------------------


def add_months(d: dt.date, n: int) -> dt.date:
    """The corresponding day ``n`` months later, or that month's last day."""
    years, month0 = divmod(d.month - 1 + n, 12)
    year, month = d.year + years, month0 + 1
    return dt.date(year, month, min(d.day, monthrange(year, month)[1]))


class _Counter:
    """Walks the calendar day by day, recording steps."""

    def __init__(self, calendar: WorkCalendar, suspensions: Sequence[Suspension]) -> None:
        self.calendar = calendar
        self.suspensions = suspensions
        self.steps: list[Step] = []
        self.provisional_years: set[int] = set()
        self.counted_in_phase = 0
        self.phase_unit = NATURAL_DAY

    def info(self, d: dt.date) -> DayInfo:
        info = self.calendar.day_info(d)
        if info.provisional:
            self.provisional_years.add(d.year)
        return info

    def suspension_at(self, d: dt.date) -> Suspension | None:
        return next((s for s in self.suspensions if s.covers(d)), None)

    def walk(self, after: dt.date, period: Period, phase: str) -> dt.date | None:
        """The day on which ``period`` ends when counted from ``after``.

        ``None`` when an open suspension is reached first.
        """
        target = self._natural_length(after, period, phase) if period.unit == MONTH else period.length
        d, self.counted_in_phase, self.phase_unit = after, 0, period.unit
        while self.counted_in_phase < target:
            d += ONE_DAY
            step = self._day_step(d, period.unit, phase)
            if step is None:
                return None
            self.steps.append(step)
            self.counted_in_phase += bool(step.counted)
        return d

    def _natural_length(self, after: dt.date, period: Period, phase: str) -> int:
        end = add_months(after, period.length)
        days = (end - after).days
        text = f"按月计算：{after.isoformat()}起{period.text}，到期月对应日（无对应日的取月末）为{end.isoformat()}，即{days}日"
        self.steps.append(Step("month", text, date=end, phase=phase))
        return days

    def _day_step(self, d: dt.date, unit: str, phase: str) -> Step | None:
        info = self.info(d)
        if self.suspension_at(d) is not None:
            return self._suspended_day(d, phase, unit)
        if unit == WORKING_DAY and not info.is_workday:
            reason = info.holiday_name if info.kind is DayKind.HOLIDAY and info.holiday_name else "周末"
            return Step("day", f"{d.isoformat()} {reason}，不计入", d, False, None, reason, phase, unit)
        ordinal = self.counted_in_phase + 1
        reason = _counted_note(info, unit)
        text = f"{d.isoformat()} {reason + '，' if reason else ''}计为第{ordinal}{_count_word(unit)}"
        return Step("day", text, d, True, ordinal, reason, phase, unit)

    def _suspended_day(self, d: dt.date, phase: str, unit: str) -> Step | None:
        if self.suspension_at(d).is_open:
            return None
        return Step("day", f"{d.isoformat()} 中止期间，不计入", d, False, None, "中止期间", phase, unit)

    def roll_forward(self, last: dt.date, *, record: bool = True) -> dt.date | None:
        """First day on or after ``last`` that is a working day outside any suspension.

        ``None`` when an open suspension is reached first.
        """
        d = last
        while True:
            suspension = self.suspension_at(d)
            if suspension is not None and suspension.is_open:
                return None
            if suspension is None and self.info(d).is_workday:
                break
            d += ONE_DAY
        if record and d != last:
            self._record_roll(last, d)
        return d

    def _record_roll(self, last: dt.date, due: dt.date) -> None:
        why = "中止期间" if self.suspension_at(last) else self.info(last).label
        text = f"期限末日{last.isoformat()}为{why}，顺延至{due.isoformat()}（下一个工作日）"
        self.steps.append(Step("roll_forward", text, date=due, reason=why))


def _count_word(unit: str) -> str:
    return "个工作日" if unit == WORKING_DAY else "日"


def _counted_note(info: DayInfo, unit: str) -> str:
    if unit == WORKING_DAY:
        return info.label if info.kind is DayKind.ADJUSTED_WORKDAY else ""
    return (info.holiday_name or "") if info.kind is DayKind.HOLIDAY else ""


# -- result ------------------------------------------------------------------


@dataclass(frozen=True)
class DueDate:
    """The outcome of :func:`compute_due`.

    ``due`` is ``None`` while an open suspension stops the clock
    (``state == "suspended"``).  ``base_due`` is the due date before any
    extension.  ``provisional`` is true when a day the computation looked at
    lies in a year without an official holiday schedule.
    """

    rule: DeadlineRule
    start: dt.date
    due: dt.date | None
    base_due: dt.date | None
    state: str
    provisional: bool
    steps: tuple[Step, ...]
    calendar: WorkCalendar = field(repr=False, compare=False)

    def days_remaining(self, today: dt.date) -> int | None:
        """Days left until ``due`` in the rule's day type (0 on the due day).

        Negative when overdue (at least -1 from the day after ``due``);
        ``None`` while suspended.
        """
        if self.due is None:
            return None
        if self.rule.unit != WORKING_DAY:
            return (self.due - today).days
        if today <= self.due:
            return self.calendar.working_days_between(today, self.due)
        return -max(1, self.calendar.working_days_between(self.due, today))

    def status(self, today: dt.date, *, completed_on: dt.date | None = None, soon: int = 7) -> str:
        """``done``, ``suspended``, ``overdue``, ``due_soon`` (≤ ``soon`` days) or ``ok``."""
        if completed_on is not None:
            return "done"
        remaining = self.days_remaining(today)
        if remaining is None:
            return "suspended"
        if remaining < 0:
            return "overdue"
        return "due_soon" if remaining <= soon else "ok"

    def explain_text(self) -> str:
        """A multi-line Chinese explanation of how ``due`` was reached."""
        return "\n".join(_explain_lines(self.steps))

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form for the REST API."""
        return {
            "rule": self.rule.to_dict(),
            "start": self.start.isoformat(),
            "due": _iso(self.due),
            "base_due": _iso(self.base_due),
            "state": self.state,
            "provisional": self.provisional,
            "steps": [step.to_dict() for step in self.steps],
            "explanation": self.explain_text(),
        }


def compute_due(
    rule: DeadlineRule,
    start: dt.date,
    calendar: WorkCalendar,
    *,
    suspensions: Iterable[Suspension | Sequence[Any]] = (),
    extensions: Iterable[Extension | Sequence[Any]] = (),
) -> DueDate:
    """When ``rule``'s period, triggered on ``start``, expires.

    ``suspensions`` are :class:`Suspension` or ``(suspended_on, resumed_on)``
    pairs (``resumed_on`` may be ``None``); ``extensions`` are
    :class:`Extension` or ``(length, unit, reason, approved_on)`` tuples.
    Raises ``ValueError`` when the rule does not allow them.
    """
    suspensions = tuple(_as_suspension(s) for s in suspensions)
    extensions = tuple(_as_extension(e) for e in extensions)
    _check_suspensions(rule, suspensions)
    _check_extensions(rule, extensions)
    counter = _Counter(calendar, suspensions)
    end = counter.walk(start, rule.period, "base")
    base_due = counter.roll_forward(end, record=False) if end is not None and extensions else None
    if base_due is not None:
        counter.steps.append(Step("base_due", f"原期限届满日：{base_due.isoformat()}", date=base_due))
    for number, extension in enumerate(extensions, 1):
        if end is None:
            break
        counter.steps.append(_extension_step(extension, end, number))
        end = counter.walk(end, extension.period, f"extension{number}")
    due = counter.roll_forward(end) if end is not None else None
    return _result(rule, start, calendar, counter, due, base_due or due)


def _result(
    rule: DeadlineRule,
    start: dt.date,
    calendar: WorkCalendar,
    counter: _Counter,
    due: dt.date | None,
    base_due: dt.date | None,
) -> DueDate:
    state = RUNNING if due else SUSPENDED
    steps = [*_header_steps(rule, start, counter.suspensions), *counter.steps]
    steps.append(_due_step(due) if due else _suspended_step(counter))
    if counter.provisional_years:
        steps.append(_provisional_step(counter.provisional_years))
    provisional = bool(counter.provisional_years)
    return DueDate(rule, start, due, base_due, state, provisional, tuple(steps), calendar)


def _header_steps(rule: DeadlineRule, start: dt.date, suspensions: Sequence[Suspension]) -> Iterator[Step]:
    at_least = "不少于" if rule.minimum else ""
    yield Step(
        "rule",
        f"依据{rule.legal_basis}，{rule.name}：自{rule.trigger_event}起{at_least}{rule.period.text}"
        f"（{COUNTING_NOTE[rule.unit]}起算当日不计入）",
    )
    if not rule.confirmed:
        yield Step("unconfirmed", "注意：该时限未经权威文本核实，为可配置参数，请按本地规定确认")
    yield Step("start", f"起算：{start.isoformat()}（{rule.trigger_event}），当日不计入", date=start)
    for s in sorted(suspensions, key=lambda s: s.suspended_on):
        yield _suspension_step(s)


def _suspension_step(s: Suspension) -> Step:
    reason = f"（{s.reason}）" if s.reason else ""
    if s.is_open:
        text = f"中止{reason}：自{s.suspended_on.isoformat()}起，尚未恢复，期限暂停计算"
    else:
        resumed = s.resumed_on.isoformat()
        excluded = _span(s.suspended_on, s.resumed_on - ONE_DAY) if s.resumed_on > s.suspended_on else "无"
        text = f"中止{reason}：自{s.suspended_on.isoformat()}起，{resumed}恢复；不计入期限的日期：{excluded}"
    return Step("suspension", text, date=s.suspended_on)


def _extension_step(e: Extension, after: dt.date, number: int) -> Step:
    details = [f"理由：{e.reason}"] if e.reason else []
    if e.approved_on:
        details.append(f"批准日：{e.approved_on.isoformat()}")
    detail = f"（{'；'.join(details)}）" if details else ""
    text = f"延长{e.period.text}{detail}，自{after.isoformat()}次日起接续计算"
    return Step("extension", text, date=e.approved_on, phase=f"extension{number}")


def _due_step(due: dt.date) -> Step:
    weekday = "一二三四五六日"[due.weekday()]
    return Step("due", f"届满日：{due.isoformat()}（星期{weekday}）", date=due)


def _suspended_step(counter: _Counter) -> Step:
    counted = f"{counter.counted_in_phase}{_count_word(counter.phase_unit)}"
    return Step("suspended", f"期限因中止暂停计算：本段已计入{counted}，恢复后继续计算")


def _provisional_step(years: set[int]) -> Step:
    listed = "、".join(f"{y}年" for y in sorted(years))
    return Step("provisional", f"注意：{listed}尚无官方放假安排，按周一至周五上班推算，结果为暂定")


# -- explanation text --------------------------------------------------------


def _explain_lines(steps: Sequence[Step]) -> Iterator[str]:
    run: list[Step] = []
    for step in steps:
        if step.kind == "day":
            run.append(step)
            continue
        yield from _day_run_lines(run)
        run = []
        yield step.text
    yield from _day_run_lines(run)


def _day_run_lines(days: Sequence[Step]) -> Iterator[str]:
    counted = [d for d in days if d.counted]
    if counted:
        span = _span(counted[0].date, counted[-1].date)
        yield f"计数：{span}，共计入{len(counted)}{_count_word(counted[0].unit)}"
    weekends = []
    for group in _notable_groups(days):
        if not group[0].counted and group[0].reason == "周末":
            weekends.append(_span(group[0].date, group[-1].date))
        else:
            yield _group_line(group)
    if weekends:
        yield f"跳过周末：{'、'.join(weekends)}"


def _notable_groups(days: Sequence[Step]) -> Iterator[list[Step]]:
    """Consecutive days sharing (counted, reason), for days with a reason."""
    group: list[Step] = []
    for day in days:
        if group and (day.counted, day.reason) == (group[-1].counted, group[-1].reason) and (
            day.date - group[-1].date == ONE_DAY
        ):
            group.append(day)
            continue
        if group and group[-1].reason:
            yield group
        group = [day]
    if group and group[-1].reason:
        yield group


def _group_line(group: Sequence[Step]) -> str:
    first, last = group[0], group[-1]
    span, reason = _span(first.date, last.date), first.reason
    if not first.counted:
        return f"跳过：{span} {reason if reason == '中止期间' else reason + '假期'}"
    if reason.startswith("调休上班日"):
        return f"计入：{span} {reason}，按工作日计算"
    return f"计入：{span} {reason}假期（自然日照常计算）"
