"""The figures a report needs, read from the indicator engine (nothing here computes a figure).

`FigureBook.load` brings the analytics store up to date for the indicators a document template names, then
reads their stored values for the report's unit and the units directly below it, at the report's grain
(year or month), for this period and the ones it is compared with, plus the months of the year for charts.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from fazhi.indicators import results, service
from fazhi.indicators.definitions import DefinitionError, Indicator, get
from fazhi.indicators.periods import Period

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class Value:
    value: float | None
    numerator: float
    denominator: float | None
    small_sample: bool


def known_indicator(code: str) -> Indicator | None:
    try:
        return get(code)
    except DefinitionError:
        return None


class FigureBook:
    def __init__(self, unit: Any, period: Period, children: list[Any]) -> None:
        self.unit = unit
        self.period = period
        self.previous = period.shifted(years=-1)
        self.prior = period.shifted(steps=-1)
        self.children = children
        self.units = {unit.code: unit, **{u.code: u for u in children}}
        self._values: dict[tuple[str, str, str], Value] = {}
        self._months: dict[tuple[str, str], Value] = {}
        self._records: dict[tuple[str, str, str], int | None] = {}
        self.con: Any = None
        self.as_of: dt.datetime | None = None
        self.computed: list[str] = []
        self.failed: dict[str, str] = {}  # indicator code → why the engine could not compute it

    # -- loading ---------------------------------------------------------------

    def load(self, con: Any, codes: Iterable[str], progress: Progress | None = None) -> 'FigureBook':
        self.con = con
        indicators = [i for i in (known_indicator(c) for c in sorted(set(codes))) if i is not None]
        if progress:
            progress(10, '同步业务数据并计算指标')
        try:
            self.computed = service.refresh(con, indicators)
        except Exception:  # noqa: BLE001 - one figure the engine cannot compute must not sink the report
            self.computed = self._one_by_one(indicators, lambda batch: results.ensure_fresh(con, batch))
        self._ensure_window(con, [i for i in indicators if i.code not in self.failed])
        if progress:
            progress(35, '读取指标数值')
        wanted = {i.code for i in indicators} - set(self.failed)
        labels = {self.period.label, self.previous.label, self.prior.label}
        frame = service.figures(con, None, list(self.units), self.period.grain)
        frame = frame[frame.indicator.isin(wanted) & frame.period.isin(labels)]
        for row in frame.itertuples(index=False):
            self._values[(row.indicator, row.unit_code, row.period)] = _value(row)
        years = {self.period.label[:4], self.previous.label[:4]}
        months = service.figures(con, None, [self.unit.code], 'month')
        months = months[months.indicator.isin(wanted) & months.period.str[:4].isin(years)]
        for row in months.itertuples(index=False):
            self._months[(row.indicator, row.period)] = _value(row)
        self.as_of = dt.datetime.now()
        return self

    def _one_by_one(self, indicators: list[Indicator], run: Callable[[list[Indicator]], list[str]]) -> list[str]:
        """Run the engine on each indicator alone; those it cannot compute are recorded as failed."""
        done: list[str] = []
        for indicator in indicators:
            try:
                done += run([indicator])
            except Exception as exc:  # noqa: BLE001 - said in the draft, listed for the check
                self.failed[indicator.code] = str(exc).splitlines()[0][:200]
        return done

    def _ensure_window(self, con: Any, indicators: list[Indicator]) -> None:
        """A report on an older year needs its year and the one before: see results.ensure_window."""
        def run(batch: list[Indicator]) -> list[str]:
            results.ensure_window(con, batch, self.previous.first_day)
            return [i.code for i in batch]
        try:
            run(indicators)
        except Exception:  # noqa: BLE001
            self._one_by_one(indicators, run)

    # -- reading ---------------------------------------------------------------

    def value(self, code: str, unit_code: str | None = None, period: Period | None = None) -> Value | None:
        period = period or self.period
        return self._values.get((code, unit_code or self.unit.code, period.label))

    def month_values(self, code: str, year: str) -> list[tuple[int, float | None]]:
        out = []
        for month in range(1, 13):
            found = self._months.get((code, f'{year}-{month:02d}'))
            out.append((month, found.value if found else None))
        return out

    def records(self, indicator: Indicator, unit_code: str, period: Period) -> int | None:
        """How many records a figure rests on: the denominator of a rate, the numerator of a count; for sums and
        ratios, the number of numerator records (from the drill-down)."""
        found = self.value(indicator.code, unit_code, period)
        if found is None:
            return None
        if indicator.kind == 'rate' and found.denominator is not None:
            return int(found.denominator)
        if indicator.kind == 'count' and all(m.kind == 'count' for m in indicator.numerator):
            return int(found.numerator)
        key = (indicator.code, unit_code, period.label)
        if key not in self._records:
            try:
                pages = service.records(self.con, indicator, 'numerator', unit_code, period, limit=0)
                self._records[key] = sum(p.total for p in pages)
            except Exception:  # the drill-down is best effort: the appendix then shows the counts only
                self._records[key] = None
        return self._records[key]

    def drill(self, indicator: Indicator, part: str, unit_code: str, period: Period, limit: int = 200) -> list[Any]:
        """Records behind a figure (the engine's drill-down)."""
        return service.records(self.con, indicator, part, unit_code, period, limit=limit)


def _value(row: Any) -> Value:
    def num(x: Any) -> float | None:
        return None if x is None or x != x else float(x)
    return Value(num(row.value), float(row.numerator or 0), num(row.denominator), bool(row.small_sample))
