"""Hand-managed ledgers reach the analytics store incrementally: changes replace rows, deletions remove them."""
from __future__ import annotations

import datetime as dt

import duckdb
from django.utils import timezone

from fazhi.core import services
from fazhi.core.context import acting_as, service_write
from fazhi.indicators import sync
from fazhi.organization.models import Liaison


def test_incremental_sync_of_a_ledger(district, tmp_path, monkeypatch):
    monkeypatch.setattr(Liaison, 'analytics_table', 'liaison', raising=False)
    with service_write():  # the records were written an hour ago
        Liaison.objects.update(updated_at=timezone.now() - dt.timedelta(hours=1))
    con = duckdb.connect(str(tmp_path / 'a.duckdb'))
    assert sync.sync_ledger(con, Liaison) == 4
    assert con.execute("SELECT count(*) FROM liaison WHERE unit_code = 'T-S1'").fetchall()[0][0] == 1
    with acting_as(None, label='system:test'):
        first = Liaison.objects.get(unit=district.street)
        services.update(first, {'phone': '999'})
        services.delete(Liaison.objects.get(unit=district.other_street))
        services.create(Liaison(unit=district.market, name='新联络员'))
    changed = sync.sync_ledger(con, Liaison)
    assert changed == 2  # the updated row and the new one; the deletion comes from the audit trail
    rows = dict(con.execute('SELECT name, phone FROM liaison').fetchall())
    assert len(rows) == 4 and rows[first.name] == '999' and '新联络员' in rows
    assert con.execute("SELECT count(*) FROM liaison WHERE unit_code = 'T-S2'").fetchall()[0][0] == 0


def test_units_and_ancestors(district, tmp_path):
    con = duckdb.connect(str(tmp_path / 'a.duckdb'))
    sync.sync_units(con)
    ancestors = {r[0] for r in con.execute("SELECT ancestor_code FROM unit_ancestor WHERE unit_code = 'T-D2-1'")
                 .fetchall()}
    assert ancestors == {'T', 'T-D2', 'T-D2-1'}


def test_a_migrated_ledger_is_copied_whole_again(district, tmp_path, monkeypatch):
    """After an upgrade adds a column, the stored table is rebuilt rather than failing the next sync."""
    monkeypatch.setattr(Liaison, 'analytics_table', 'liaison', raising=False)
    con = duckdb.connect(str(tmp_path / 'a.duckdb'))
    sync.sync_ledger(con, Liaison)
    con.execute('ALTER TABLE liaison DROP COLUMN phone')  # the store as an older release left it
    with acting_as(None, label='system:test'):
        services.update(Liaison.objects.get(unit=district.street), {'phone': '888'})
    assert sync.sync_ledger(con, Liaison) == 4
    assert ('888',) in con.execute('SELECT phone FROM liaison').fetchall()


def test_an_unchanged_ledger_keeps_its_figures_fresh(district, tmp_path, monkeypatch):
    """A sync that finds nothing new must not make every figure over the ledger look stale."""
    from fazhi.indicators import results
    monkeypatch.setattr(Liaison, 'analytics_table', 'liaison', raising=False)
    with service_write():  # written an hour ago
        Liaison.objects.update(updated_at=timezone.now() - dt.timedelta(hours=1))
    con = duckdb.connect(str(tmp_path / 'a.duckdb'))
    sync.sync_ledger(con, Liaison)
    before = results.table_state(con, 'liaison')
    assert sync.sync_ledger(con, Liaison) == 0
    assert results.table_state(con, 'liaison') == before
    with acting_as(None, label='system:test'):
        services.update(Liaison.objects.get(unit=district.street), {'phone': '777'})
    assert sync.sync_ledger(con, Liaison) == 1
    assert results.table_state(con, 'liaison') != before
