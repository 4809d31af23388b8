"""The analytics store: connections (DuckDB by default, Spark at scale) and its support tables.

Support tables: `unit` and `unit_ancestor` (each unit paired with itself and every unit above it, so a
figure for a unit covers its whole subtree) and `workday` (every day with a running index of working
days, so "within N working days" is a subtraction on any engine).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterable

import ibis
import pandas as pd


def connect_duckdb(path: str | Path | None = None, *, read_only: bool = False) -> Any:
    if path is None:
        return ibis.duckdb.connect()
    return ibis.duckdb.connect(str(path), read_only=read_only)


def connect_spark(warehouse: str | Path) -> Any:
    from pyspark.sql import SparkSession
    session = (SparkSession.builder.master('local[2]').appName('fazhi')
               .config('spark.sql.warehouse.dir', str(warehouse))
               .config('spark.ui.enabled', 'false')
               .config('spark.sql.session.timeZone', 'Asia/Shanghai')
               .config('spark.sql.shuffle.partitions', '2')
               .config('spark.sql.adaptive.enabled', 'false')
               .config('spark.sql.execution.arrow.pyspark.enabled', 'true')
               .getOrCreate())
    session.sparkContext.setLogLevel('ERROR')
    return ibis.pyspark.connect(session)


def unit_frames(units: Iterable[tuple[str, str, str, str, str | None]]) -> dict[str, pd.DataFrame]:
    """From (code, name, kind, path, parent_code) rows: the unit table and the ancestor pairs."""
    rows = list(units)
    unit = pd.DataFrame(rows, columns=['unit_code', 'name', 'kind', 'path', 'parent_code'])
    by_path = {path: code for code, _, _, path, _ in rows}
    pairs = []
    for code, _, _, path, _ in rows:
        parts = [p for p in path.split('/') if p]
        for depth in range(1, len(parts) + 1):
            ancestor = by_path.get('/' + '/'.join(parts[:depth]) + '/')
            if ancestor is not None:
                pairs.append((code, ancestor))
    return {'unit': unit, 'unit_ancestor': pd.DataFrame(pairs, columns=['unit_code', 'ancestor_code'])}


def workday_frame(calendar: Any, first: dt.date, last: dt.date) -> pd.DataFrame:
    days, index, count = [], [], 0
    day = first
    while day <= last:
        if calendar.is_workday(day):
            count += 1
        days.append(day)
        index.append(count)
        day += dt.timedelta(days=1)
    return pd.DataFrame({'day': pd.to_datetime(days).date, 'workday_index': index})


def put(con: Any, name: str, frame: pd.DataFrame) -> None:
    con.create_table(name, frame, overwrite=True)


LOCK_WAIT_SECONDS = 20.0


class StoreBusy(RuntimeError):
    """The analytics store is locked by another process for longer than we wait."""


def open_store(path: str | Path, wait: float = LOCK_WAIT_SECONDS) -> Any:
    """A DuckDB connection to the store file, waiting while another process (an import) holds its lock."""
    import time

    import duckdb
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as exc:
            if 'lock' not in str(exc).lower() or time.monotonic() > deadline:
                raise StoreBusy('分析数据库正被其他进程占用（可能正在导入数据），请稍后重试。') from exc
            time.sleep(0.2)
