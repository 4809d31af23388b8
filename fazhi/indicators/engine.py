"""The indicator engine: every measure of the catalogue, computed set-based on an Ibis backend.

One scan per (table, date column) computes all additive measures of that table at once
(unit × month conditional aggregates); distinct counts and lists in force keep their values so that
they can be re-counted per unit subtree and period. Roll-up over the unit hierarchy and the
quarter/year grains then works on these small aggregates, identically for DuckDB and Spark.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import ibis
import pandas as pd

from . import periods, sources
from .definitions import Indicator, Measure
from .dsl import compile_condition

RESULT_COLUMNS = ['indicator', 'version', 'unit_code', 'grain', 'period', 'numerator', 'denominator', 'value',
                  'small_sample']


@dataclass(frozen=True)
class Window:
    first: dt.date  # first day of the first month
    last: dt.date  # last day of the last month
    as_of: dt.date

    @property
    def months(self) -> list[int]:
        return periods.months_between(self.first, self.last)

    @property
    def params(self) -> dict[str, Any]:
        return {'as_of': self.as_of}


def _month_expr(column: Any) -> Any:
    return column.year() * 100 + column.month()


def _in_window(column: Any, window: Window) -> Any:
    return (column >= ibis.literal(window.first)) & (column < ibis.literal(window.last + dt.timedelta(days=1)))


def _additive(con: Any, source: str, date: str, measures: list[Measure], window: Window) -> pd.DataFrame:
    """(unit_code, month, measure key, amount) for count/sum measures of one table and date column."""
    t = sources.table(con, source)
    t = t.filter(_in_window(t[date], window))
    aggs = {}
    for m in measures:
        cond = compile_condition(t, m.where, window.params)
        aggs[m.key] = t.count(where=cond) if m.kind == 'count' else t[m.column].sum(where=cond)
    grouped = t.group_by(unit_code=t[measures[0].unit_column], month=_month_expr(t[date])).aggregate(**aggs)
    frame = grouped.to_pandas()
    return frame.melt(id_vars=['unit_code', 'month'], var_name='measure', value_name='amount')


def _distinct_rows(con: Any, m: Measure, window: Window) -> Any:
    """(unit_code, month, value) rows of a count_distinct measure placed by date (an Ibis expression)."""
    t = sources.table(con, m.source)
    cond = compile_condition(t, m.where, window.params) & _in_window(t[m.date], window)
    return t.filter(cond).select(unit_code=t[m.unit_column], month=_month_expr(t[m.date]), value=t[m.column]).distinct()


def _period_key(month: Any, grain: str) -> Any:
    """Integer period keys: 202503 (month), 20251 (quarter), 2025 (year)."""
    year = (month / 100).floor().cast('int64')
    if grain == 'month':
        return month.cast('int64')
    if grain == 'quarter':
        return year * 10 + ((month - year * 100 - 1) / 3).floor().cast('int64') + 1
    return year


def _rollup_distinct_on_backend(con: Any, rows: Any, key: str, window: Window, last_month_only: bool) -> pd.DataFrame:
    """Distinct values per unit subtree and period, counted by the engine itself.

    The (subtree, month, value) set is made distinct once; each grain then counts the distinct values of its
    coarser key from that much smaller set.
    """
    anc = con.table('unit_ancestor')
    joined = rows.join(anc, rows.unit_code == anc.unit_code)
    per_month = joined.select(ancestor_code=joined.ancestor_code, month=joined.month, value=joined.value).distinct()
    parts = []
    for grain in periods.GRAINS:
        part = per_month
        if last_month_only and grain != 'month':
            part = part.filter(part.month.isin(_period_end_months(window, grain)))
        keyed = part.select(ancestor_code=part.ancestor_code, period_key=_period_key(part.month, grain),
                            value=part.value)
        if grain != 'month' and not last_month_only:
            keyed = keyed.distinct()
        parts.append(keyed.group_by(['ancestor_code', 'period_key']).aggregate(amount=keyed.count())
                     .mutate(grain=ibis.literal(grain)))
    frame = parts[0].union(parts[1]).union(parts[2]).to_pandas()
    frame['period'] = _labels(frame['period_key'], frame['grain'])
    return frame.drop(columns=['period_key']).assign(measure=key)


def _period_end_months(window: Window, grain: str) -> list[int]:
    """The month whose end closes each period (or the window's last month for a period still running)."""
    ends: dict[int, int] = {}
    for k in window.months:
        period = k // 100 if grain == 'year' else (k // 100) * 10 + (k % 100 - 1) // 3
        ends[period] = max(ends.get(period, 0), k)
    return sorted(ends.values())


def _labels(keys: pd.Series, grains: pd.Series) -> pd.Series:
    """Vectorised labels (2025-03, 2025-Q1, 2025) from integer keys."""
    mapping = {}
    for key, grain in set(zip(keys.tolist(), grains.tolist())):
        if grain == 'month':
            mapping[(key, grain)] = periods.label('month', key)
        elif grain == 'quarter':
            mapping[(key, grain)] = f'{key // 10}-Q{key % 10}'
        else:
            mapping[(key, grain)] = str(key)
    return pd.Series([mapping[(k, g)] for k, g in zip(keys.tolist(), grains.tolist())], index=keys.index)


def _active(con: Any, m: Measure, window: Window) -> pd.DataFrame:
    """(unit_code, month, value|amount) of a list measure: what was in force at each month's end."""
    t = sources.table(con, m.source)
    ends = ibis.memtable({'month': window.months, 'month_end': [periods.month_end(k) for k in window.months]})
    joined = t.cross_join(ends)
    cond = compile_condition(joined, m.where, window.params)
    if m.active is not None:
        start_col, end_col = m.active
        cond = cond & (joined[start_col].isnull() | (joined[start_col] <= joined.month_end)) & (
            joined[end_col].isnull() | (joined[end_col] > joined.month_end))
    joined = joined.filter(cond)
    if m.kind == 'count_distinct':
        return joined.select(unit_code=joined[m.unit_column], month=joined.month, value=joined[m.column]).distinct()
    amount = joined.count() if m.kind == 'count' else joined[m.column].sum()
    return joined.group_by(unit_code=joined[m.unit_column], month=joined.month).aggregate(amount=amount)


def _grain_key(months: pd.Series, grain: str) -> pd.Series:
    mapping = {k: periods.label(grain, k) for k in months.unique().tolist()}
    return months.map(mapping)


def _rollup_additive(frame: pd.DataFrame, ancestors: pd.DataFrame, list_window: Window | None = None) -> pd.DataFrame:
    """Sum amounts over each unit's subtree, per grain. Lists in force (`list_window` given) take the value at
    the period's last month — not the last month that happens to have items, which would carry a spring
    backlog over to the year's end."""
    merged = frame.merge(ancestors, on='unit_code')
    per_month = merged.groupby(['measure', 'ancestor_code', 'month'], as_index=False)['amount'].sum()
    out = []
    for grain in periods.GRAINS:
        part = per_month.assign(period=_grain_key(per_month['month'], grain))
        if list_window is not None and grain != 'month':
            part = part[part['month'].isin(_period_end_months(list_window, grain))]
        part = part.groupby(['measure', 'ancestor_code', 'period'], as_index=False)['amount'].sum()
        out.append(part.assign(grain=grain))
    return pd.concat(out, ignore_index=True)


def present_tables(con: Any) -> set[str]:
    if con.name == 'duckdb':  # ibis 12's list_tables() calls an API that DuckDB 2.0 removed
        rows = con.con.execute('SELECT table_name FROM information_schema.tables').fetchall()
        return {r[0] for r in rows}
    return set(con.list_tables())


def unique_measures(indicators: Iterable[Indicator]) -> list[Measure]:
    seen: dict[str, Measure] = {}
    for indicator in indicators:
        for m in indicator.measures:
            seen.setdefault(m.key, m)
    return list(seen.values())


def compute_measures(con: Any, indicators: Iterable[Indicator], window: Window,
                     progress: Callable[[str], None] | None = None) -> pd.DataFrame:
    """Long frame of every measure: measure, ancestor_code (unit), grain, period, amount."""
    ancestors = con.table('unit_ancestor').to_pandas()
    present = present_tables(con)
    # A table not loaded yet contributes nothing (its figures read as zero / no data), rather than failing.
    measures = [m for m in unique_measures(indicators) if set(sources.base_tables(m.source)) <= present]
    by_scan: dict[tuple[str, str], list[Measure]] = defaultdict(list)
    parts = []
    for m in measures:
        if m.date and m.kind in ('count', 'sum'):
            by_scan[(m.source, m.date)].append(m)
    for (source, date), group in by_scan.items():
        if progress:
            progress(f'{source}.{date}')
        parts.append(_rollup_additive(_additive(con, source, date, group, window), ancestors))
    for m in measures:
        if m.date and m.kind == 'count_distinct':
            if progress:
                progress(f'{m.source}: {m.column}')
            parts.append(_rollup_distinct_on_backend(con, _distinct_rows(con, m, window), m.key, window, False))
        elif m.is_list:
            if progress:
                progress(f'{m.source}（期末有效）')
            if m.kind == 'count_distinct':
                parts.append(_rollup_distinct_on_backend(con, _active(con, m, window), m.key, window, True))
            else:
                frame = _active(con, m, window).to_pandas()
                parts.append(_rollup_additive(frame.assign(measure=m.key), ancestors, window))
    if not parts:
        return pd.DataFrame(columns=['measure', 'ancestor_code', 'grain', 'period', 'amount'])
    return pd.concat(parts, ignore_index=True)


def assemble(indicators: Iterable[Indicator], measures: pd.DataFrame) -> pd.DataFrame:
    """Indicator values from measure amounts: numerator and denominator are sums of their measures.

    An indicator has a row for each unit and period where one of its own measures has one, so its figures do
    not depend on which other indicators were computed in the same run."""
    indicators = list(indicators)
    roles = pd.DataFrame([(i.code, m.key, part) for i in indicators
                          for part, group in (('numerator', i.numerator), ('denominator', i.denominator or []))
                          for m in group], columns=['indicator', 'measure', 'part'])
    if measures.empty or roles.empty:
        return pd.DataFrame(columns=RESULT_COLUMNS)
    long = measures.merge(roles, on='measure')
    if long.empty:
        return pd.DataFrame(columns=RESULT_COLUMNS)
    long['amount'] = long['amount'].astype(float).fillna(0)
    keys = ['indicator', 'ancestor_code', 'grain', 'period']
    wide = long.groupby([*keys, 'part'], sort=False)['amount'].sum().unstack('part', fill_value=0)
    frame = wide.reindex(columns=['numerator', 'denominator'], fill_value=0).reset_index()
    frame = frame.rename(columns={'ancestor_code': 'unit_code'}).rename_axis(columns=None)
    counts_only = [i.code for i in indicators if not i.denominator]
    frame['denominator'] = frame['denominator'].astype(float).mask(frame.indicator.isin(counts_only))
    frame['version'] = frame.indicator.map({i.code: i.version for i in indicators})
    return _values(frame, {i.code: i for i in indicators})


def _values(result: pd.DataFrame, by_code: dict[str, Indicator]) -> pd.DataFrame:
    parts = []
    for code, part in result.groupby('indicator', sort=False):
        indicator = by_code[code]
        num, den = part['numerator'].astype(float), part['denominator'].astype(float)
        if indicator.kind in ('count', 'sum'):
            value = num.round(indicator.rounding)
        else:
            value = (num / den.where(den > 0) * indicator.scale).round(indicator.rounding)
        small = (den.fillna(0) < indicator.min_sample) if indicator.denominator else pd.Series(False, index=part.index)
        parts.append(part.assign(value=value, small_sample=small.astype(bool)))
    out = pd.concat(parts) if parts else result.assign(value=[], small_sample=[])
    return out[RESULT_COLUMNS]


def compute(con: Any, indicators: Iterable[Indicator], window: Window,
            progress: Callable[[str], None] | None = None) -> pd.DataFrame:
    indicators = list(indicators)
    return assemble(indicators, compute_measures(con, indicators, window, progress))
