"""Materialised figures: computed as a whole, stored with the state of the data they came from, and
recomputed before they are served whenever that data has changed — a page never shows a figure whose
records have moved on, nor mixes figures from two states of the same table.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from typing import Any, Callable, Iterable

import ibis
import pandas as pd

from . import engine, sources
from .definitions import Indicator, catalogue

RESULT_TABLE = 'indicator_result'
STATE_TABLE = 'indicator_state'


def _existing(con: Any) -> set[str]:
    return {name for (name,) in con.execute('SELECT table_name FROM duckdb_tables()').fetchall()}


def table_state(con: Any, table: str, existing: set[str] | None = None) -> list[Any]:
    """What identifies the current content of a stored table: rows, last import batch, last sync."""
    existing = _existing(con) if existing is None else existing
    if table not in existing:
        return [table, None]
    state: list[Any] = [table, con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]]
    if 'import_batch' in existing:
        state.append(con.execute("SELECT max(id) FROM import_batch WHERE schema_name = ? AND status = 'ok'",
                                 [table]).fetchall()[0][0])
    if 'sync_state' in existing:
        found = con.execute('SELECT synced_at FROM sync_state WHERE source = ?', [table]).fetchall()
        synced = found[0] if found else None
        state.append(str(synced[0]) if synced else None)
    return state


def fingerprint(con: Any, indicator: Indicator, cache: dict[str, Any] | None = None) -> str:
    """The state of every table the indicator reads (`cache` shares table states across indicators)."""
    cache = {} if cache is None else cache
    if '' not in cache:
        cache[''] = _existing(con)
    tables = sorted({t for m in indicator.measures for t in sources.base_tables(m.source)} | {'unit_ancestor'})
    for t in tables:
        if t not in cache:
            cache[t] = table_state(con, t, cache[''])
    parts = [cache[t] for t in tables]
    text = json.dumps([indicator.code, indicator.version, parts], default=str, sort_keys=True)
    return hashlib.sha1(text.encode()).hexdigest()


def _ensure_tables(con: Any) -> None:
    con.execute(f'''CREATE TABLE IF NOT EXISTS {RESULT_TABLE} (indicator VARCHAR, version INTEGER, unit_code VARCHAR,
        grain VARCHAR, period VARCHAR, numerator DOUBLE, denominator DOUBLE, value DOUBLE, small_sample BOOLEAN)''')
    con.execute(f'''CREATE TABLE IF NOT EXISTS {STATE_TABLE} (indicator VARCHAR PRIMARY KEY, fingerprint VARCHAR,
        computed_at TIMESTAMP, first_day DATE, last_day DATE, as_of DATE, seconds DOUBLE)''')


def default_window(con: Any, as_of: dt.date | None = None) -> engine.Window:
    as_of = as_of or dt.date.today()
    return engine.Window(first=dt.date(as_of.year - 2, 1, 1), last=dt.date(as_of.year, 12, 31), as_of=as_of)


def stale(con: Any, indicators: Iterable[Indicator]) -> list[Indicator]:
    _ensure_tables(con)
    known = dict(con.execute(f'SELECT indicator, fingerprint FROM {STATE_TABLE}').fetchall())
    cache: dict[str, Any] = {}
    today = dt.date.today()
    as_of = dict(con.execute(f'SELECT indicator, as_of FROM {STATE_TABLE}').fetchall())
    return [i for i in indicators if known.get(i.code) != fingerprint(con, i, cache) or as_of.get(i.code) != today]


def compute_and_store(con: Any, indicators: Iterable[Indicator] | None = None, window: engine.Window | None = None,
                      progress: Callable[[str], None] | None = None) -> pd.DataFrame:
    """Compute the given indicators (default: the whole catalogue) and replace their stored figures."""
    indicators = list(indicators if indicators is not None else catalogue().values())
    window = window or default_window(con)
    _ensure_tables(con)
    cache: dict[str, Any] = {}
    prints = {i.code: fingerprint(con, i, cache) for i in indicators}
    started = time.perf_counter()
    frame = engine.compute(ibis.duckdb.from_connection(con), indicators, window, progress)
    seconds = time.perf_counter() - started
    codes = [i.code for i in indicators]
    con.execute('BEGIN TRANSACTION')
    try:
        con.execute(f'DELETE FROM {RESULT_TABLE} WHERE indicator IN (SELECT unnest(?))', [codes])
        con.register('_results', frame)
        con.execute(f'INSERT INTO {RESULT_TABLE} SELECT * FROM _results')
        con.unregister('_results')
        now = dt.datetime.now()
        con.executemany(f'INSERT OR REPLACE INTO {STATE_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)',
                        [[c, prints[c], now, window.first, window.last, window.as_of, seconds] for c in codes])
        con.execute('COMMIT')
    except Exception:
        con.execute('ROLLBACK')
        raise
    return frame


def ensure_fresh(con: Any, indicators: Iterable[Indicator] | None = None) -> list[str]:
    """Recompute whatever is stale (data changed, or computed for another day); returns their codes."""
    wanted = list(indicators if indicators is not None else catalogue().values())
    outdated = stale(con, wanted)
    if outdated:
        compute_and_store(con, outdated)
    return [i.code for i in outdated]


def ensure_window(con: Any, indicators: list[Indicator], first_day: dt.date) -> None:
    """The stored figures cover the default window (two years back); a period before it needs its indicators
    computed over a window that reaches back to `first_day`."""
    window = default_window(con)
    if first_day >= window.first or not indicators:
        return
    wide = engine.Window(first=dt.date(first_day.year, 1, 1), last=window.last, as_of=window.as_of)
    _ensure_tables(con)
    stored = dict(con.execute(f'SELECT indicator, first_day FROM {STATE_TABLE}').fetchall())
    short = [i for i in indicators if stored.get(i.code) is None or stored[i.code] > wide.first]
    if short:
        compute_and_store(con, short, wide)


def read(con: Any, *, indicator: str | None = None, units: Iterable[str] | None = None, grain: str | None = None,
         period: str | None = None) -> pd.DataFrame:
    _ensure_tables(con)
    where, params = ['TRUE'], []
    for column, value in (('indicator', indicator), ('grain', grain), ('period', period)):
        if value is not None:
            where.append(f'{column} = ?')
            params.append(value)
    if units is not None:
        where.append('unit_code IN (SELECT unnest(?))')
        params.append(list(units))
    sql = f'SELECT * FROM {RESULT_TABLE} WHERE {" AND ".join(where)} ORDER BY indicator, unit_code, grain, period'
    return con.execute(sql, params).df()
