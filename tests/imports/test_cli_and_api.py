"""`fazhi import` (progress bar, Chinese row errors, exit status 1), the import API and the background thread."""
from __future__ import annotations

import io
import time

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from fazhi.imports.models import ImportJob

from .kit import count_rows, feed_rows, write_csv


def test_cli_imports_a_file_and_records_it(district, analytics, tmp_path, capsys):
    header, rows = feed_rows('inspection', 5, 'T-S1')
    call_command('import', 'inspection', str(write_csv(tmp_path / 'jc.csv', header, rows)))
    out = capsys.readouterr().out
    assert 'jc.csv：导入成功：共 5 行，新增 5 条，更新 0 条。' in out
    assert count_rows('inspection') == 5
    job = ImportJob.objects.get()
    assert (job.source, job.user_label, job.state) == ('cli', 'cli', 'succeeded')


def test_cli_failure_prints_row_errors_in_chinese_and_exits_with_status_1(district, analytics, tmp_path, capsys):
    header, rows = feed_rows('penalty', 3, 'T-D2')
    rows[1][header.index('决定日期')] = '2025年2月30日'
    report = tmp_path / 'report.xlsx'
    with pytest.raises(CommandError) as failure:
        call_command('import', 'penalty', str(write_csv(tmp_path / 'cf.csv', header, rows)), report=str(report))
    assert failure.value.returncode == 1 and '未导入任何数据' in str(failure.value)
    err = capsys.readouterr().err
    assert '文件“cf.csv”第3行“决定日期”列：无法识别的日期“2025年2月30日”' in err
    assert report.exists() and count_rows('penalty') == 0


def test_cli_unit_option_limits_the_rows(district, analytics, tmp_path, capsys):
    header, rows = feed_rows('mediation', 2, 'T-S2')
    with pytest.raises(CommandError):
        call_command('import', 'mediation', str(write_csv(tmp_path / 'm.csv', header, rows)), unit='T-S1')
    assert '不在您可以导入的范围内（仅限“东湖街道”及其下级单位）' in capsys.readouterr().err
    call_command('import', 'mediation', str(tmp_path / 'm.csv'), unit='T')
    assert count_rows('mediation') == 2


def test_cli_user_option_uses_that_users_permissions(district, analytics, tmp_path):
    header, rows = feed_rows('legal_aid_case', 2, 'T-S2')
    with pytest.raises(CommandError):
        call_command('import', 'legal_aid_case', str(write_csv(tmp_path / 'a.csv', header, rows)),
                     user='street_officer')
    with pytest.raises(CommandError, match='没有权限导入'):
        call_command('import', 'legal_aid_case', str(tmp_path / 'a.csv'), user='leader')
    assert count_rows('legal_aid_case') == 0


def test_cli_lists_types_writes_templates_and_refuses_unknown_input(district, analytics, tmp_path, capsys):
    call_command('import', list=True)
    out = capsys.readouterr().out
    assert 'hotline_request' in out and '12345热线工单' in out and 'proposal' in out and '审计发现问题' in out
    call_command('import', 'hazard', template=str(tmp_path / 't.csv'))
    assert (tmp_path / 't.csv').read_text(encoding='utf-8-sig').startswith('隐患编号,')
    call_command('import', 'drill', template=str(tmp_path / 't.xlsx'))
    assert (tmp_path / 't.xlsx').stat().st_size > 0
    with pytest.raises(CommandError, match='未知的记录类型“nope”'):
        call_command('import', 'nope', 'x.csv')
    with pytest.raises(CommandError, match='不存在或无法读取'):
        call_command('import', 'hazard', str(tmp_path / 'missing.csv'))
    with pytest.raises(CommandError, match='单位编码“ZZ”不存在'):
        call_command('import', 'hazard', str(tmp_path / 't.csv'), unit='ZZ')


def test_api_upload_runs_the_same_rules(district, analytics, tmp_path):
    api = APIClient()
    api.force_authenticate(district.users['street_officer'])
    header, rows = feed_rows('hazard', 2, 'T-S1')
    data = io.BytesIO(write_csv(tmp_path / 'h.csv', header, rows).read_bytes())
    data.name = 'h.csv'
    response = api.post('/api/imports/jobs/', {'type': 'hazard', 'file': data}, format='multipart')
    assert response.status_code == 202 and response.json()['state'] == 'succeeded'
    rows[0][header.index('责任单位编码')] = 'T-D2'
    data = io.BytesIO(write_csv(tmp_path / 'h2.csv', header, rows).read_bytes())
    data.name = 'h2.csv'
    job = api.post('/api/imports/jobs/', {'type': 'hazard', 'file': data}, format='multipart').json()
    assert job['state'] == 'rejected' and '不在您可以导入的范围内' in job['errors'][0]['message']
    listed = api.get('/api/imports/jobs/').json()['results']
    assert {j['file_name'] for j in listed} == {'h.csv', 'h2.csv'}
    assert api.get('/api/imports/types/').json()['results'][0]['template'].startswith('/imports/templates/')


def a_file() -> io.BytesIO:
    data = io.BytesIO(b'x')
    data.name = 'x.csv'
    return data


def test_api_refuses_types_the_user_may_not_import(district, analytics):
    api = APIClient()
    api.force_authenticate(district.users['leader'])
    response = api.post('/api/imports/jobs/', {'type': 'hazard', 'file': a_file()}, format='multipart')
    assert response.status_code == 403
    api.force_authenticate(district.users['unit_officer'])
    response = api.post('/api/imports/jobs/', {'type': 'audit_finding', 'file': a_file()}, format='multipart')
    assert response.status_code == 403
    response = api.post('/api/imports/jobs/', {'type': 'hazard', 'file': a_file(), 'unit': 'T-S1'},
                        format='multipart')
    assert response.status_code == 400 and '限定单位' in response.json()['detail']


@pytest.mark.django_db(transaction=True)
def test_web_upload_runs_on_a_background_thread_and_reports_progress(settings, tmp_path, client):
    from tests.conftest import _build
    district = _build()
    settings.ANALYTICS_DB, settings.MEDIA_ROOT = tmp_path / 'a.duckdb', tmp_path / 'media'
    settings.FAZHI_IMPORT_INLINE = False
    header, rows = feed_rows('hotline_request', 20_000, 'T-S1')
    path = write_csv(tmp_path / 'big.csv', header, rows)
    client.force_login(district.users['street_officer'])
    with open(path, 'rb') as fh:
        response = client.post('/imports/', {'type': 'hotline_request', 'file': fh})
    job = ImportJob.objects.get()
    assert response['Location'] == f'/imports/jobs/{job.pk}/'
    seen = []
    for _ in range(600):
        status = client.get(f'/imports/jobs/{job.pk}/status/').json()
        seen.append(status['progress'])
        if status['final']:
            break
        time.sleep(0.1)
    assert status['state'] == 'succeeded' and status['inserted'] == 20_000, status
    assert seen == sorted(seen) and seen[-1] == 1000
    assert count_rows('hotline_request') == 20_000
    assert '导入成功' in client.get(f'/imports/jobs/{job.pk}/').content.decode()
