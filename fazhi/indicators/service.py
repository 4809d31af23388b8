"""The engine as the application uses it: sync, keep fresh, read — all through one store connection."""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from typing import Any, Iterator

import ibis
import pandas as pd

from django.conf import settings

from . import drilldown, results, store as analytics_store, sync
from .definitions import Indicator, catalogue
from .periods import Period


@contextmanager
def store() -> Iterator[Any]:
    con = analytics_store.open_store(settings.ANALYTICS_DB)
    try:
        yield con
    finally:
        con.close()


def refresh(con: Any, indicators: list[Indicator] | None = None) -> list[str]:
    """Bring units, calendar and ledgers in, then recompute whatever figures are stale."""
    sync.sync_all(con)
    return results.ensure_fresh(con, indicators)


def figures(con: Any, code: str | None, unit_codes: list[str], grain: str | None = None,
            period: str | None = None) -> pd.DataFrame:
    return results.read(con, indicator=code, units=unit_codes, grain=grain, period=period)


def value_of(frame: pd.DataFrame, code: str, unit: str, period: str) -> dict[str, Any] | None:
    rows = frame[(frame.indicator == code) & (frame.unit_code == unit) & (frame.period == period)]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return {'value': None if pd.isna(row.value) else float(row.value), 'numerator': float(row.numerator),
            'denominator': None if pd.isna(row.denominator) else float(row.denominator),
            'small_sample': bool(row.small_sample)}


def change(indicator: Indicator, current: float | None, previous: float | None) -> dict[str, Any] | None:
    """Year-on-year or period-on-period change: percentage points for rates, per cent for counts."""
    if current is None or previous is None:
        return None
    if indicator.kind in ('rate',):
        diff = round(current - previous, 2)
        return {'diff': diff, 'unit': '个百分点', 'direction': _direction(diff)}
    if previous == 0:
        return {'diff': None, 'unit': '%', 'direction': _direction(current)}
    pct = round((current - previous) / previous * 100, 1)
    return {'diff': pct, 'unit': '%', 'direction': _direction(pct)}


def _direction(diff: float) -> str:
    return 'up' if diff > 0 else 'down' if diff < 0 else 'flat'


def records(con: Any, indicator: Indicator, part: str, unit: str, period: Period, *, limit: int = 50,
            offset: int = 0) -> list[drilldown.RecordPage]:
    sync.sync_units(con)
    return drilldown.records(ibis.duckdb.from_connection(con), indicator, part, unit, period, dt.date.today(),
                             limit=limit, offset=offset)


def all_indicators() -> list[Indicator]:
    return list(catalogue().values())
