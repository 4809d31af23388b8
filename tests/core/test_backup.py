"""`fazhi backup` and `fazhi restore`: the whole installation comes back as it was, the audit chain intact,
and a damaged archive or a missing confirmation changes nothing."""
from __future__ import annotations

import tarfile

import duckdb
import pytest
from django.core.management import CommandError, call_command

from fazhi.core import audit, backup, services
from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry
from fazhi.organization.models import Liaison


@pytest.fixture
def installation(settings, tmp_path, district):
    settings.DATA_DIR = tmp_path
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    settings.MEDIA_ROOT = tmp_path / 'media'
    (tmp_path / 'media' / 'reports').mkdir(parents=True)
    (tmp_path / 'media' / 'reports' / 'r.docx').write_bytes(b'report v1')
    con = duckdb.connect(str(settings.ANALYTICS_DB))
    con.execute("CREATE TABLE hotline_request AS SELECT 'A' AS request_no, 1 AS satisfied")
    con.close()
    return tmp_path


def _phones():
    return dict(Liaison.objects.values_list('unit__code', 'phone'))


def test_restore_brings_back_database_store_and_files(installation, district, capsys):
    archive = installation / 'b.tar.gz'
    call_command('backup', str(archive))
    assert '已备份' in capsys.readouterr().out
    with tarfile.open(archive) as tar:
        assert {'manifest.json', 'database.xml.gz', 'analytics.duckdb', 'media/reports/r.docx'} <= set(tar.getnames())
    before, entries = _phones(), AuditEntry.objects.count()
    with acting_as(None, label='system:test'):  # life goes on after the backup
        services.update(Liaison.objects.get(unit=district.street), {'phone': '000'})
        services.delete(Liaison.objects.get(unit=district.other_street))
        services.create(Liaison(unit=district.justice, name='新人', phone='111'))
    con = duckdb.connect(str(installation / 'analytics.duckdb'))
    con.execute('DELETE FROM hotline_request')
    con.close()
    (installation / 'media' / 'reports' / 'r.docx').write_bytes(b'report v2')

    call_command('restore', str(archive), yes=True)

    assert _phones() == before
    con = duckdb.connect(str(installation / 'analytics.duckdb'))
    assert con.execute('SELECT count(*) FROM hotline_request').fetchall()[0][0] == 1
    con.close()
    assert (installation / 'media' / 'reports' / 'r.docx').read_bytes() == b'report v1'
    assert audit.verify().ok
    assert AuditEntry.objects.count() == entries + 1  # the trail as backed up, plus the restore itself
    assert '从备份恢复' in AuditEntry.objects.order_by('-seq').first().message
    with acting_as(None, label='system:test'):  # new records get fresh keys after the restore
        services.create(Liaison(unit=district.justice, name='恢复后新增', phone='222'))


def test_restore_needs_confirmation(installation, district):
    archive = installation / 'b.tar.gz'
    call_command('backup', str(archive))
    with pytest.raises(CommandError, match='--yes'):
        call_command('restore', str(archive))


def test_a_damaged_archive_changes_nothing(installation, district):
    archive = installation / 'b.tar.gz'
    call_command('backup', str(archive))
    damaged = installation / 'damaged.tar.gz'
    with tarfile.open(archive) as src, tarfile.open(damaged, 'w:gz') as dst:
        for member in src.getmembers():
            data = src.extractfile(member) if member.isfile() else None
            if member.name == 'analytics.duckdb':
                payload = data.read() + b'x'
                member.size = len(payload)
                import io
                data = io.BytesIO(payload)
            dst.addfile(member, data)
    with acting_as(None, label='system:test'):
        services.update(Liaison.objects.get(unit=district.street), {'phone': '000'})
    with pytest.raises(CommandError, match='analytics.duckdb 已损坏'):
        call_command('restore', str(damaged), yes=True)
    assert _phones()[district.street.code] == '000'
    (installation / 'junk.tar.gz').write_bytes(b'not a backup')
    with pytest.raises(CommandError, match='无法读取'):
        call_command('restore', str(installation / 'junk.tar.gz'), yes=True)


def test_an_archive_from_another_schema_version_is_refused(installation, district):
    archive = installation / 'b.tar.gz'
    manifest = backup.create(archive)
    manifest['migrations']['organization'].append('0099_from_a_later_release')
    with pytest.raises(backup.BackupError, match='数据库结构版本不一致（organization）'):
        backup._check_migrations(manifest)
