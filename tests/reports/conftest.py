"""A small district (tests/conftest.py) with the indicator tests' analytics data: counts taken from the source
documents (hotline 99.93 / 93.81 / 94.93 %, mediation 465 of 683, credit grades …) in 2025, some in 2024."""
from __future__ import annotations

import duckdb
import pytest

from tests.indicators import data

CODES = {'D': 'T', 'S1': 'T-S1', 'S2': 'T-S2', 'M': 'T-D2', 'M1': 'T-D2-1'}


def load_store(path) -> None:
    frames = {k: v for k, v in data.all_frames().items() if k not in ('unit', 'unit_ancestor', 'workday')}
    con = duckdb.connect(str(path))
    for name, frame in frames.items():
        frame = data._typed(frame)
        if 'unit_code' in frame:
            frame['unit_code'] = frame['unit_code'].map(CODES)
        con.register('_f', frame)
        con.execute(f'CREATE OR REPLACE TABLE {name} AS SELECT * FROM _f')
        con.unregister('_f')
    con.close()


@pytest.fixture
def report_data(settings, tmp_path, district):
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    settings.MEDIA_ROOT = tmp_path / 'media'
    load_store(settings.ANALYTICS_DB)
    return district


def add_hotline(path, unit_code: str, n: int, satisfied: int, prefix: str) -> None:
    """More 12345 tickets in March 2025 for one unit (all responded and resolved, `satisfied` of them satisfied)."""
    import pandas as pd
    frame = pd.DataFrame({
        'ticket_no': [f'{prefix}{i:06d}' for i in range(n)], 'unit_code': unit_code,
        'received_at': pd.Timestamp('2025-03-12 09:00'), 'category': '市容环境', 'dispatched': True, 'rated': True,
        'excluded': False, 'due_at': pd.Timestamp('2025-03-19 18:00'), 'closed_at': pd.Timestamp('2025-03-14 10:00'),
        'responded': True, 'resolved': True,
        'satisfaction': ['satisfied'] * satisfied + ['dissatisfied'] * (n - satisfied)})
    con = duckdb.connect(str(path))
    con.register('_f', frame)
    con.execute('INSERT INTO hotline_request BY NAME SELECT * FROM _f')
    con.close()


@pytest.fixture
def ranked_data(report_data, settings):
    """Tickets for the other street and two departments too, so streets and departments can be ranked."""
    add_hotline(settings.ANALYTICS_DB, 'T-S2', 400, 380, 'HS')  # 95.00% satisfied
    add_hotline(settings.ANALYTICS_DB, 'T-D1', 300, 240, 'HD')  # 80.00%
    add_hotline(settings.ANALYTICS_DB, 'T-D2', 200, 190, 'HM')  # 95.00%
    return report_data
