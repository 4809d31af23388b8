"""Fixtures: uploads kept under a temporary media root; loading seed files as a given role."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.intel.seeds import seed_path

ENGINE_UNITS = {'D': 'T', 'S1': 'T-S1', 'S2': 'T-S2', 'M': 'T-D2', 'M1': 'T-D2-1'}  # engine test data -> district

SEED_001 = '001_db1df324d5669997'  # Tongzhou 2023 annual report, traditional characters
SEED_002 = '002_93c369c24ed71b42'  # Chaoyang white paper, scraped page with noise and 38000万余件
SEED_003 = '003_98a81501e618baf7'  # Baotou Qingshan, consistent figures
SEED_004 = '004_15d93f3a6553327b'  # Nantong Haimen, one paragraph printed twice


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / 'media'
    return settings.MEDIA_ROOT


@pytest.fixture
def load(district: Any) -> Any:
    """load(SEED_00x or (name, bytes), role='district_admin', **options) -> the stored ReportDocument."""
    from fazhi.core.context import acting_as
    from fazhi.reports_intel.loading import load_report

    def do(what: Any, role: str = 'district_admin', **options: Any) -> Any:
        if isinstance(what, tuple):
            name, data = what
        else:
            path = seed_path(what)
            name, data = path.name, path.read_bytes()
        user = district.users[role]
        with acting_as(user):
            return load_report(data, name, user=user, **options).report
    return do


@pytest.fixture
def store_with_data(settings: Any, tmp_path: Path, district: Any) -> Path:
    """The indicator engine's test data (the seeds' own counts) in an analytics store, under the test district."""
    import duckdb

    from tests.indicators import data

    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    frames = {k: v for k, v in data.all_frames().items() if k not in ('unit', 'unit_ancestor', 'workday')}
    con = duckdb.connect(str(settings.ANALYTICS_DB))
    for name, frame in frames.items():
        frame = data._typed(frame)
        if 'unit_code' in frame:
            frame['unit_code'] = frame['unit_code'].map(ENGINE_UNITS)
        con.register('_f', frame)
        con.execute(f'CREATE TABLE {name} AS SELECT * FROM _f')
        con.unregister('_f')
    con.close()
    return settings.ANALYTICS_DB
