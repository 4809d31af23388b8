"""The engine as the application uses it: sync, keep fresh, read — all through one store connection."""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from typing import Any, Iterator

import ibis
import pandas as pd

from django.conf import settings

from . import drilldown, results, sources, store as analytics_store, sync
from .definitions import Indicator, catalogue, get
from .periods import Period


@contextmanager
def store() -> Iterator[Any]:
    con = analytics_store.open_store(settings.ANALYTICS_DB)
    try:
        yield con
    finally:
        con.close()


def refresh(con: Any, indicators: list[Indicator] | None = None) -> list[str]:
    """Bring units, calendar and ledgers in (those the given figures read), then recompute what is stale."""
    tables = None if indicators is None else {t for i in indicators for m in i.measures
                                              for t in sources.base_tables(m.source)}
    sync.sync_all(con, tables=tables)
    return results.ensure_fresh(con, indicators)


def values(codes: list[str], unit_codes: list[str], periods: list[Period]) -> dict[tuple[str, str, str], Any]:
    """Fresh figures of `codes` for units and periods, keyed (code, unit, period label) → value_of()'s dict.

    What the business ledgers' own figure pages read: they show the engine's figures, never compute their own."""
    indicators = [get(c) for c in codes]
    found: dict[tuple[str, str, str], Any] = {}
    with store() as con:
        refresh(con, indicators)
        results.ensure_window(con, indicators, min(p.first_day for p in periods))
        for grain in {p.grain for p in periods}:
            frame = figures(con, None, unit_codes, grain)
            labels = {p.label for p in periods if p.grain == grain}
            frame = frame[frame.indicator.isin(codes) & frame.period.isin(labels)]
            for row in frame.itertuples(index=False):
                found[(row.indicator, row.unit_code, row.period)] = row_value(row)
    return found


def grouped(code: str, unit_code: str, period: Period, column: str, via: tuple[str, str] | None = None
            ) -> tuple[dict[Any, float], dict[Any, float]]:
    """A figure's numerator and denominator per value of a column of its records (e.g. by domain)."""
    indicator = get(code)
    with store() as con:
        refresh(con, [indicator])
        if via is not None:
            sync.sync_all(con, tables={via[1]})
        ibis_con = ibis.duckdb.from_connection(con)
        parts = [drilldown.grouped(ibis_con, indicator, part, unit_code, period, dt.date.today(), column, via)
                 if getattr(indicator, part) else {} for part in ('numerator', 'denominator')]
    return parts[0], parts[1]


def figures(con: Any, code: str | None, unit_codes: list[str], grain: str | None = None,
            period: str | None = None) -> pd.DataFrame:
    return results.read(con, indicator=code, units=unit_codes, grain=grain, period=period)


def value_of(frame: pd.DataFrame, code: str, unit: str, period: str) -> dict[str, Any] | None:
    rows = frame[(frame.indicator == code) & (frame.unit_code == unit) & (frame.period == period)]
    return None if rows.empty else row_value(rows.iloc[0])


def row_value(row: Any) -> dict[str, Any]:
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
