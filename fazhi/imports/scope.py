"""Which units an import may write, and the row checks that enforce it in the analytics store.

Every row must name a unit of the platform; a unit data officer (or a command run with `--unit`) may only
import rows of their own unit and the units below it, and may not take over an existing record of another
unit by re-using its key. Offending rows are row-level errors; nothing lands.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from fazhi.core.feeds import FeedType, scope_codes, subtree_codes
from fazhi.core.ingest import RowCheck, RowError, Staged
from fazhi.core.ingest.errors import cell_message, quote
from fazhi.core.ingest.sqlexpr import ident

CHECK_TABLE = '_fazhi_unit_check'


@dataclass(frozen=True)
class UnitScope:
    """A unit's data officer as the permission rules see one: used for `--unit` and the upload form's unit."""

    unit: Any
    role: str = 'unit_officer'
    is_authenticated: bool = True
    is_active: bool = True
    pk: None = None


def allowed_codes(user: Any, feed: FeedType, unit: Any = None) -> list[str] | None:
    """Unit codes the import may write (None: every unit of the platform)."""
    codes = scope_codes(user, feed, 'add') if user is not None else None
    if unit is not None:
        own = subtree_codes(unit)
        codes = own if codes is None else [c for c in codes if c in set(own)]
    return codes


def unit_checks(feed: FeedType, codes: list[str] | None, limit_text: str) -> list[RowCheck]:
    from fazhi.organization.models import Unit
    names = dict(Unit.objects.values_list('code', 'name'))
    checks = [_unit_code_check(names, codes, limit_text)]
    if codes is not None:
        checks.append(_takeover_check(feed, names, codes))
    return checks


def _unit_code_check(names: dict[str, str], codes: list[str] | None, limit_text: str) -> RowCheck:
    allowed = set(names) if codes is None else set(codes)
    refused = {code: f'单位“{name}”（{code}）不在您可以导入的范围内（{limit_text}）'
               for code, name in names.items() if code not in allowed}

    def check(con: duckdb.DuckDBPyConnection, staged: Staged) -> tuple[list[RowError], int]:
        if not staged.has('unit_code'):
            return [], 0
        con.execute(f'CREATE OR REPLACE TEMP TABLE {CHECK_TABLE} (code VARCHAR, ok BOOLEAN, problem VARCHAR)')
        rows = [(c, True, None) for c in allowed] + [(c, False, p) for c, p in refused.items()]
        if rows:
            con.executemany(f'INSERT INTO {CHECK_TABLE} VALUES (?, ?, ?)', rows)
        bad = (f'FROM {staged.table} s LEFT JOIN {CHECK_TABLE} c ON s.v_unit_code = c.code '
               'WHERE s.v_unit_code IS NOT NULL AND NOT coalesce(c.ok, false)')
        try:
            total = con.execute(f'SELECT count(*) {bad}').fetchone()[0]
            hits = con.execute(f'SELECT s._row, s.v_unit_code, c.problem {bad} ORDER BY s._row '
                               f'LIMIT {int(staged.cap)}').fetchall() if total else []
        finally:
            con.execute(f'DROP TABLE IF EXISTS {CHECK_TABLE}')
        header = staged.schema.field('unit_code').verbose_name
        errors = [RowError(staged.file_name, row, header, code, cell_message(
            row, header, problem or f'单位编码{quote(code)}不存在（请填写本平台的单位编码）')) for row, code, problem in hits]
        return errors, total

    return check


def _takeover_check(feed: FeedType, names: dict[str, str], codes: list[str]) -> RowCheck:
    """A key that already exists under another unit may not be overwritten by this import."""

    def check(con: duckdb.DuckDBPyConnection, staged: Staged) -> tuple[list[RowError], int]:
        table = feed.table
        exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ? "
                             "AND table_schema = 'main'", [table]).fetchone()[0]
        if not exists:
            return [], 0
        keys = feed.schema.natural_key
        on = ' AND '.join(f's.v_{k} = t.{ident(k)}' for k in keys)
        bad = (f'FROM {staged.table} s JOIN {ident(table)} t ON {on} '
               'WHERE t.unit_code NOT IN (SELECT unnest(?::VARCHAR[]))')
        total = con.execute(f'SELECT count(*) {bad}', [codes]).fetchone()[0]
        if not total:
            return [], 0
        hits = con.execute(f'SELECT s._row, t.unit_code, {", ".join("s.v_" + k for k in keys)} {bad} '
                           f'ORDER BY s._row LIMIT {int(staged.cap)}', [codes]).fetchall()
        column = '、'.join(f.verbose_name for f in feed.schema.key_fields)
        errors = []
        for row, owner, *key in hits:
            value = '、'.join(str(k) for k in key)
            owner_name = names.get(owner, owner)
            errors.append(RowError(staged.file_name, row, column, value, cell_message(
                row, column, f'{quote(value)}已登记在“{owner_name}”名下，您不能修改其他单位的记录')))
        return errors, total

    return check
