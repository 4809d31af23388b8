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
