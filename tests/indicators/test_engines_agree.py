"""The whole catalogue gives identical results on DuckDB and on Spark (PySpark local mode)."""
from __future__ import annotations

import pandas as pd
import pytest

from fazhi.indicators import engine, store
from fazhi.indicators.definitions import catalogue

from . import data
from .conftest import WINDOW


@pytest.fixture(scope='module')
def spark(tmp_path_factory):
    con = store.connect_spark(tmp_path_factory.mktemp('spark-warehouse'))
    yield con
    con._session.stop()


def _normalised(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for col in ('numerator', 'denominator', 'value'):
        frame[col] = frame[col].astype(float).round(6)
    return frame.sort_values(['indicator', 'unit_code', 'grain', 'period']).reset_index(drop=True)


def test_whole_catalogue_identical_on_duckdb_and_spark(duck_results, spark):
    data.load(spark)
    spark_results = engine.compute(spark, catalogue().values(), WINDOW)
    left, right = _normalised(duck_results), _normalised(spark_results)
    assert len(left) > 1000
    pd.testing.assert_frame_equal(left, right, check_dtype=False)
