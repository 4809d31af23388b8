"""Ledger figures defined next to their ledgers run in the engine over the synced ledger, as on the pages."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.indicators import engine, results, service, sync
from fazhi.indicators.definitions import catalogue
from tests.reconsideration.test_figures import ledger


def test_tongzhou_correction_rate_from_synced_ledger(district, settings, tmp_path):
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    ledger(district.market, 2025, 977, 236, mediated=100)
    ledger(district.street, 2024, 40, 8, prefix='B')
    codes = [c for c in catalogue() if c.startswith('reconsideration.')]
    assert 'reconsideration.correction_rate' in codes
    with service.store() as con:
        sync.sync_all(con, years=(2024, 2026))
        window = engine.Window(dt.date(2024, 1, 1), dt.date(2025, 12, 31), dt.date(2026, 1, 31))
        results.compute_and_store(con, [catalogue()[c] for c in codes], window)
        frame = service.figures(con, 'reconsideration.correction_rate', ['T', 'T-D2', 'T-S1'], 'year')
    rate = service.value_of(frame, 'reconsideration.correction_rate', 'T', '2025')
    assert (rate['numerator'], rate['denominator']) == (236, 977)
    assert rate['value'] == pytest.approx(24.16)
    assert service.value_of(frame, 'reconsideration.correction_rate', 'T-S1', '2024')['value'] == pytest.approx(20.0)
