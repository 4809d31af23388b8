"""From a figure to the records behind it: the rows of its numerator or denominator for a unit and period."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import ibis
import pandas as pd

from . import sources
from .definitions import Indicator, Measure
from .dsl import compile_condition
from .periods import Period


@dataclass(frozen=True)
class RecordPage:
    measure: Measure
    total: int
    rows: pd.DataFrame


def _filtered(con: Any, m: Measure, unit_code: str, period: Period, as_of: dt.date) -> Any:
    t = sources.table(con, m.source)
    ancestors = con.table('unit_ancestor')
    subtree = ancestors.filter(ancestors.ancestor_code == unit_code).select(sub_code=ancestors.unit_code)
    cond = compile_condition(t, m.where, {'as_of': as_of})
    if m.date is not None:
        end = period.last_day + dt.timedelta(days=1)
        cond = cond & (t[m.date] >= ibis.literal(period.first_day)) & (t[m.date] < ibis.literal(end))
    elif m.active is not None:
        start, stop = m.active
        cond = cond & (t[start].isnull() | (t[start] <= ibis.literal(period.last_day))) & (
            t[stop].isnull() | (t[stop] > ibis.literal(period.last_day)))
    filtered = t.filter(cond)
    return filtered.semi_join(subtree, filtered[m.unit_column] == subtree.sub_code)


def records(con: Any, indicator: Indicator, part: str, unit_code: str, period: Period, as_of: dt.date,
            *, limit: int = 50, offset: int = 0) -> list[RecordPage]:
    """One page of records per measure of the numerator ('numerator') or denominator ('denominator')."""
    measures = indicator.numerator if part == 'numerator' else indicator.denominator
    pages = []
    for m in measures:
        expr = _filtered(con, m, unit_code, period, as_of)
        total = int(expr.count().execute())
        order = m.date or expr.columns[0]
        rows = expr.order_by([ibis.desc(order)]).limit(limit, offset=offset).to_pandas()
        pages.append(RecordPage(measure=m, total=total, rows=rows))
    return pages


def grouped(con: Any, indicator: Indicator, part: str, unit_code: str, period: Period, as_of: dt.date,
            column: str, via: tuple[str, str] | None = None) -> dict[Any, float]:
    """The numerator's (or denominator's) amount per value of `column` — a breakdown computed on the engine from
    the same filtered records the drill-down lists. `via` = (foreign-key column, table): `column` is read from the
    related record (a hearing's lawsuit's domain)."""
    measures = indicator.numerator if part == 'numerator' else indicator.denominator
    totals: dict[Any, float] = {}
    for m in measures:
        expr = _filtered(con, m, unit_code, period, as_of)
        if via is not None and via[0] in expr.columns:
            other = con.table(via[1])
            other = other.select(_related_id=other.id, _group=other[column])
            expr = expr.join(other, expr[via[0]] == other._related_id)
            key = expr._group
        else:
            key = expr[column]
        amount = expr.count() if m.kind == 'count' else expr[m.column].sum()
        frame = expr.group_by(key=key).aggregate(amount=amount).to_pandas()
        for key, value in zip(frame['key'].tolist(), frame['amount'].tolist()):
            key = None if key != key else key  # NaN → None
            totals[key] = totals.get(key, 0.0) + float(value or 0)
    return totals
