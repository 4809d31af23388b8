"""An app's declarative figures computed by the indicator engine over the synced ledgers, and the ledger page's
reader (`compute_all`) showing exactly those values for each unit (the figures are defined and computed once)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fazhi.indicators import engine, results, service, sync
from fazhi.indicators.definitions import catalogue
from fazhi.legality.figurekit import compute_all, year_bounds


def assert_engine_agrees(figures: list[Any], units: list[Any], year: int) -> dict[str, Any]:
    codes = [f.code for f in figures]
    indicators = catalogue()
    assert set(codes) <= set(indicators), 'every figure is in the indicator catalogue'
    with service.store() as con:
        sync.sync_all(con, years=(year - 1, year + 1))
        window = engine.Window(dt.date(year, 1, 1), dt.date(year, 12, 31), dt.date(year + 1, 1, 31))
        results.compute_and_store(con, [indicators[c] for c in codes], window)
        frames = {c: service.figures(con, c, [u.code for u in units], 'year') for c in codes}
    seen = {}
    for unit in units:
        for value in compute_all(figures, unit, *year_bounds(year)):
            row = service.value_of(frames[value.code], value.code, unit.code, str(year))
            engine_value = row['value'] if row else None
            expected = None if value.value is None else float(value.value)
            if expected in (None, 0.0) and engine_value in (None, 0.0):
                continue
            assert engine_value == pytest.approx(expected), (value.code, unit.code, engine_value, expected)
            seen[(value.code, unit.code)] = engine_value
    return seen
