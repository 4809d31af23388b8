from __future__ import annotations

import datetime as dt

import pytest

from fazhi.indicators import engine, store
from fazhi.indicators.definitions import catalogue

from . import data

WINDOW = engine.Window(first=dt.date(2024, 1, 1), last=dt.date(2025, 12, 31), as_of=dt.date(2025, 4, 10))


@pytest.fixture(scope='session')
def duck():
    con = store.connect_duckdb()
    data.load(con)
    return con


@pytest.fixture(scope='session')
def duck_results(duck):
    return engine.compute(duck, catalogue().values(), WINDOW)


def value(results, code, unit='D', period='2025'):
    rows = results[(results.indicator == code) & (results.unit_code == unit) & (results.period == period)]
    assert len(rows) == 1, f'{code} {unit} {period}: {len(rows)} rows'
    return rows.iloc[0]
