"""Shared helpers of the feed and import tests: an analytics store per test, sample rows per schema, files."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path
from typing import Any, Sequence

import duckdb
import pytest
import xlsxwriter

from fazhi.core.feed_demo import DemoUnits, Gen, run_generators
from fazhi.core.feeds import get_feed
from fazhi.core.ingest import RecordSchema

ROLES = ['district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer', 'street_officer',
         'system_admin', 'security_admin', 'auditor']
# The units whose feed rows each role sees: None = every unit, () = no access at all.
FEED_SCOPE = {'district_admin': None, 'legality_reviewer': None, 'case_officer': None, 'leader': None,
              'unit_officer': ('T-D2', 'T-D2-1'), 'street_officer': ('T-S1',), 'system_admin': (),
              'security_admin': (), 'auditor': ()}
TEST_UNITS = DemoUnits(departments=('T-D1', 'T-D2', 'T-D2-1'), enforcement=('T-D2', 'T-D2-1', 'T-S1', 'T-S2'),
                       streets=('T-S1', 'T-S2'), justice='T-D1')


@pytest.fixture
def analytics(settings: Any, tmp_path: Path) -> Path:
    """A fresh analytics store, uploads in tmp_path, imports run inline (the thread is tested separately)."""
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    settings.MEDIA_ROOT = tmp_path / 'media'
    settings.FAZHI_IMPORT_INLINE = True
    return settings.ANALYTICS_DB


@pytest.fixture(scope='session')
def seeded_template(tmp_path_factory: Any) -> Path:
    """Every feed table filled once by its demo generator for the test district's units (a small scale)."""
    path = tmp_path_factory.mktemp('feeds') / 'seeded.duckdb'
    with duckdb.connect(str(path)) as con:
        run_generators(Gen(con, TEST_UNITS, year=2025, seed=7, scale=0.002))
        con.execute('CHECKPOINT')
    return path


@pytest.fixture
def seeded(district: Any, analytics: Path, seeded_template: Path) -> Path:
    """A copy of the seeded store for this test (tests may write to it)."""
    from fazhi.core.feeds import forget_ensured
    shutil.copyfile(seeded_template, analytics)
    forget_ensured()
    return analytics


def query(sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
    from django.conf import settings
    with duckdb.connect(str(settings.ANALYTICS_DB)) as con:
        return con.execute(sql, params or []).fetchall()


def count_rows(table: str, codes: Sequence[str] | None = None) -> int:
    """Rows of a feed table (0 while nothing ever landed in it)."""
    name = table.split()[0]
    if not query('SELECT count(*) FROM duckdb_tables() WHERE table_name = ?', [name])[0][0]:
        return 0
    if codes is None:
        return query(f'SELECT count(*) FROM {table}')[0][0]
    return query(f'SELECT count(*) FROM {table} WHERE unit_code IN (SELECT unnest(?::VARCHAR[]))', [list(codes)])[0][0]


def sample_value(schema: RecordSchema, name: str, index: int, unit_code: str) -> str:
    """A valid cell for field `name` of the index-th sample row."""
    f = schema.field(name)
    if name == 'unit_code':
        return unit_code
    if f.type == 'int':
        return str(index + 1)
    if f.type == 'decimal':
        return f'{index + 1}.5'
    if f.type == 'date':
        return (dt.date(2025, 3, 1) + dt.timedelta(days=index)).isoformat()
    if f.type == 'datetime':
        return f'2025-03-{index % 28 + 1:02d} 08:30'
    if f.type == 'bool':
        return '是' if index % 2 == 0 else '否'
    if f.type == 'choice':
        return list(f.choices)[index % len(f.choices)]
    return f'{f.verbose_name[:4]}{index + 1}'[: f.max_length or 50]


def sample_rows(schema: RecordSchema, n: int, unit_code: str) -> tuple[list[str], list[list[str]]]:
    header = [f.verbose_name for f in schema.fields]
    return header, [[sample_value(schema, f.name, i, unit_code) for f in schema.fields] for i in range(n)]


def feed_rows(name: str, n: int, unit_code: str) -> tuple[list[str], list[list[str]]]:
    return sample_rows(get_feed(name).schema, n, unit_code)


def write_csv(path: Path, header: list[str], rows: list[list[Any]], encoding: str = 'utf-8') -> Path:
    with open(path, 'w', encoding=encoding, newline='') as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list[Any]], title: str | None = None) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet('数据')
    start = 0
    if title:
        sheet.write(0, 0, title)
        start = 2
    sheet.write_row(start, 0, header)
    for i, row in enumerate(rows, start=start + 1):
        sheet.write_row(i, 0, row)
    book.close()
    return path
