"""Bring the application database's side into the analytics store: the unit tree, the working-day
calendar and the hand-managed ledgers (models with an `analytics_table`), so the engine sees everything
in one place. Ledgers are copied incrementally: rows changed since the last sync are replaced, rows
deleted in the application (seen in the audit trail) are removed.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from django.apps import apps
from django.db import models
from django.utils import timezone

from fazhi.core import calendar_service
from fazhi.core.models import AuditEntry

from . import store

SYNC_TABLE = 'sync_state'


def _ensure_state(con: Any) -> None:
    con.execute(f'CREATE TABLE IF NOT EXISTS {SYNC_TABLE} (source VARCHAR PRIMARY KEY, synced_at TIMESTAMP, '
                'audit_seq BIGINT, rows BIGINT)')


def _mark(con: Any, source: str, synced_at: dt.datetime, seq: int, rows: int) -> None:
    con.execute(f'INSERT OR REPLACE INTO {SYNC_TABLE} VALUES (?, ?, ?, ?)',
                [source, synced_at.replace(tzinfo=None), seq, rows])


def sync_units(con: Any) -> int:
    from fazhi.organization.models import Unit
    rows = [(u.code, u.name, u.kind, u.path, u.parent.code if u.parent_id else None)
            for u in Unit.objects.select_related('parent')]
    frames = store.unit_frames(rows)
    for name, frame in frames.items():
        con.register('_frame', frame)
        con.execute(f'CREATE OR REPLACE TABLE {name} AS SELECT * FROM _frame')
        con.unregister('_frame')
    return len(rows)


def sync_calendar(con: Any, first_year: int, last_year: int) -> None:
    frame = store.workday_frame(calendar_service.get_calendar(), dt.date(first_year, 1, 1), dt.date(last_year, 12, 31))
    con.register('_frame', frame)
    con.execute('CREATE OR REPLACE TABLE workday AS SELECT CAST(day AS DATE) AS day, workday_index FROM _frame')
    con.unregister('_frame')


def table_name(model: type[models.Model]) -> str:
    """The model's analytics-store table: its `analytics_table`, else its name in snake case."""
    explicit = getattr(model, 'analytics_table', None)
    if explicit:
        return explicit
    name = model.__name__
    return ''.join(f'_{c.lower()}' if c.isupper() and i else c.lower() for i, c in enumerate(name))


def ledger_models() -> list[type[models.Model]]:
    """Models copied into the store: those naming an `analytics_table`, and those app figures read."""
    from .definitions import source_models
    labels = set(source_models().values())
    return [m for m in apps.get_models()
            if getattr(m, 'analytics_table', None) or m._meta.label in labels or m._meta.label_lower in labels]


DUCK_TYPES = {'BooleanField': 'BOOLEAN', 'DateField': 'DATE', 'DateTimeField': 'TIMESTAMP',
              'DecimalField': 'DOUBLE', 'FloatField': 'DOUBLE', 'IntegerField': 'BIGINT',
              'BigIntegerField': 'BIGINT', 'SmallIntegerField': 'BIGINT', 'PositiveIntegerField': 'BIGINT',
              'PositiveSmallIntegerField': 'BIGINT', 'PositiveBigIntegerField': 'BIGINT', 'AutoField': 'BIGINT',
              'BigAutoField': 'BIGINT', 'ForeignKey': 'BIGINT', 'OneToOneField': 'BIGINT'}


def _columns(model: type[models.Model]) -> list[tuple[str, str]]:
    columns = [(f.attname, DUCK_TYPES.get(f.get_internal_type(), 'VARCHAR')) for f in model._meta.concrete_fields]
    if getattr(model, 'unit_lookup', None):
        columns.append(('unit_code', 'VARCHAR'))
    return columns


def _create_table(con: Any, model: type[models.Model], table: str) -> None:
    """The ledger's table with column types from the model, so that even an empty ledger is typed."""
    columns = [f'"{name}" {kind}' for name, kind in _columns(model)]
    con.execute(f'CREATE OR REPLACE TABLE {table} ({", ".join(columns)})')


def _same_shape(con: Any, model: type[models.Model], table: str) -> bool:
    """Whether the stored table still has the model's columns (a migration may have added or dropped some)."""
    stored = con.execute('SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index',
                         [table]).fetchall()
    return [name for (name,) in stored] == [name for name, _ in _columns(model)]


def _insert(con: Any, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    con.register('_frame', frame)
    con.execute(f'INSERT INTO {table} BY NAME SELECT * FROM _frame')
    con.unregister('_frame')


def _row_frame(model: type[models.Model], queryset: models.QuerySet) -> pd.DataFrame:
    fields = [f for f in model._meta.concrete_fields]
    names = [f.attname for f in fields]
    unit_lookup = getattr(model, 'unit_lookup', None)
    values = ['pk', *names] + ([f'{unit_lookup}__code'] if unit_lookup else [])
    records = list(queryset.values_list(*values))
    frame = pd.DataFrame.from_records(records, columns=['_pk', *names] + (['unit_code'] if unit_lookup else []))
    if not records:  # nothing changed: skip the conversions (most syncs of a page view)
        return frame.drop(columns=['_pk'])
    for f in fields:
        if isinstance(f, models.DateTimeField):
            frame[f.attname] = pd.to_datetime(frame[f.attname], utc=True).dt.tz_convert('Asia/Shanghai') \
                .dt.tz_localize(None)
        elif isinstance(f, models.DateField):
            frame[f.attname] = pd.to_datetime(frame[f.attname]).astype('datetime64[s]')
        elif isinstance(f, models.DecimalField):
            frame[f.attname] = frame[f.attname].astype(float)
    return frame.drop(columns=['_pk'])


def sync_ledger(con: Any, model: type[models.Model], *, full: bool = False) -> int:
    """Copy rows changed since the last sync (all rows when `full` or the table is new)."""
    _ensure_state(con)
    table = table_name(model)
    label = model._meta.label_lower
    found = con.execute(f'SELECT synced_at, audit_seq FROM {SYNC_TABLE} WHERE source = ?', [table]).fetchall()
    state = found[0] if found else None
    exists = con.execute('SELECT count(*) FROM duckdb_tables() WHERE table_name = ?', [table]).fetchall()[0][0]
    now, seq = timezone.now(), AuditEntry.objects.order_by('-seq').values_list('seq', flat=True).first() or 0
    qs = model._default_manager.all()
    if state and exists and not full and _same_shape(con, model, table) and 'updated_at' in {f.name for f in model._meta.fields}:
        since = timezone.make_aware(state[0], dt.timezone.utc) if timezone.is_naive(state[0]) else state[0]
        qs = qs.filter(updated_at__gte=since - dt.timedelta(seconds=1))
        deleted = list(AuditEntry.objects.filter(seq__gt=state[1], object_type=label, action='delete')
                       .values_list('object_id', flat=True))
        changed = _row_frame(model, qs)
        ids = [int(i) for i in deleted] + [int(i) for i in changed['id']] if len(changed) or deleted else []
        if not ids:  # nothing moved: keep the sync mark, so the figures' fingerprints stay valid
            return 0
        con.execute(f'DELETE FROM {table} WHERE id IN (SELECT unnest(?))', [ids])
        _insert(con, table, changed)
        rows = len(changed)
    else:
        frame = _row_frame(model, qs)
        _create_table(con, model, table)
        _insert(con, table, frame)
        rows = len(frame)
    _mark(con, table, now.astimezone(dt.timezone.utc), seq, rows)
    return rows


def sync_all(con: Any, *, years: tuple[int, int] | None = None, full: bool = False,
             tables: set[str] | None = None) -> dict[str, int]:
    """Units, calendar and the ledgers (only those behind `tables`, when given)."""
    today = dt.date.today()
    first, last = years or (today.year - 3, today.year + 1)
    counts = {'unit': sync_units(con)}
    sync_calendar(con, first, last)
    for model in ledger_models():
        if tables is None or table_name(model) in tables:
            counts[table_name(model)] = sync_ledger(con, model, full=full)
    return counts
