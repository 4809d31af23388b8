"""`fazhi extract / audit-report / benchmark` (the engine's commands, exit codes kept) and `fazhi load-reports`."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from fazhi.reports_intel.models import ReportDocument
from tests.intel.seeds import REPO, seed_path

from .conftest import SEED_001, SEED_002, SEED_003, SEED_004


def test_extract_prints_json_facts(capsys):
    call_command('extract', str(seed_path(SEED_003)))
    facts = json.loads(capsys.readouterr().out)
    assert any(f['value'] == 5663 and f['indicator'] == 'powers.items' for f in facts)


def test_extract_csv_to_a_file(tmp_path):
    out = tmp_path / 'facts.csv'
    call_command('extract', str(seed_path(SEED_004)), '--format', 'csv', '--out', str(out))
    assert out.read_text(encoding='utf-8').startswith('source,region,issuer,period,indicator')


def test_audit_report_exit_codes(capsys):
    call_command('audit-report', str(seed_path(SEED_003)))  # consistent: returns normally
    assert '未发现问题' in capsys.readouterr().out
    with pytest.raises(SystemExit) as stop:
        call_command('audit-report', str(seed_path(SEED_004)))
    assert stop.value.code == 1 and '段落重复' in capsys.readouterr().out


def test_the_fazhi_command_keeps_the_engines_exit_codes(tmp_path):
    def fazhi(*args):
        return subprocess.run([sys.executable, '-m', 'fazhi', *args], capture_output=True, text=True, cwd=REPO,
                              timeout=120)

    done = fazhi('audit-report', str(seed_path(SEED_002)))
    assert done.returncode == 1 and '数量级不合理' in done.stdout
    missing = fazhi('extract', str(tmp_path / 'none.pdf'))
    assert missing.returncode == 2 and '错误' in missing.stderr
    for stem in (SEED_001, SEED_002):
        shutil.copy(seed_path(stem), tmp_path)
    xlsx = tmp_path / 'out.xlsx'
    bench = fazhi('benchmark', str(tmp_path), '--xlsx', str(xlsx))
    assert bench.returncode == 0 and bench.stdout.splitlines()[0] == '指标\t朝阳区\t通州区' and xlsx.exists()
    assert fazhi('extract', '--help').stdout.startswith('usage: fazhi extract')


@pytest.mark.django_db
def test_load_reports_stores_files_and_directories(district, tmp_path, capsys, settings):
    settings.MEDIA_ROOT = tmp_path / 'media'
    folder = tmp_path / 'reports'
    folder.mkdir()
    for stem in (SEED_001, SEED_004):
        shutil.copy(seed_path(stem), folder)
    call_command('load-reports', str(folder), str(seed_path(SEED_003)), user='district_admin')
    out = capsys.readouterr().out
    assert ReportDocument.objects.count() == 3 and '已载入' in out and '海门区' in out
    assert set(ReportDocument.objects.values_list('uploaded_by__username', flat=True)) == {'district_admin'}
    (folder / 'broken.pdf').write_bytes(b'%PDF-1.4 broken')
    with pytest.raises(SystemExit) as stop:
        call_command('load-reports', str(folder))
    assert stop.value.code == 2 and '此前已载入' in capsys.readouterr().out
    with pytest.raises(CommandError, match='不存在'):
        call_command('load-reports', str(folder), user='nobody')
    with pytest.raises(CommandError, match='权限'):
        call_command('load-reports', str(seed_path(SEED_002)), user='leader')
    assert ReportDocument.objects.count() == 3
