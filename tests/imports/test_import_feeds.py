"""Importing feed files through the web upload: every type from its template, re-imports, the unit rules, broken
files (wrong encoding, missing column, bad date, duplicate key, rows of another unit) with row-level Chinese errors
and an unchanged store, error reports, history and the audit entry of every batch."""
from __future__ import annotations

import io

import pytest
from python_calamine import CalamineWorkbook

from fazhi.core.feeds import feeds
from fazhi.core.models import AuditEntry
from fazhi.imports.models import ImportJob

from .kit import count_rows, feed_rows, query, write_csv, write_xlsx

FEED_NAMES = [f.name for f in feeds()]


def upload(client, path, type_name, unit=''):
    with open(path, 'rb') as fh:
        response = client.post('/imports/', {'type': type_name, 'file': fh, 'unit': unit})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.latest('id')


def sheet_rows(content: bytes) -> list[list]:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()


@pytest.mark.parametrize('name', FEED_NAMES)
def test_every_feed_imports_from_its_template_and_reimports_without_duplicates(district, analytics, client,
                                                                              tmp_path, name):
    client.force_login(district.users['district_admin'])
    template = client.get(f'/imports/templates/{name}/')
    header, rows = feed_rows(name, 3, 'T-D2')
    assert template.status_code == 200 and sheet_rows(template.content)[0] == header
    path = write_xlsx(tmp_path / f'{name}.xlsx', header, rows, title='2025年数据导出')
    job = upload(client, path, name)
    assert job.state == 'succeeded', job.errors
    assert (job.rows, job.inserted, job.updated) == (3, 3, 0)
    again = upload(client, path, name)
    assert (again.state, again.inserted, again.updated) == ('succeeded', 0, 3)
    assert count_rows(name) == 3
    page = client.get(f'/feeds/{name}/')
    assert page.context['total'] == 3
    assert client.get(job.get_absolute_url()).status_code == 200


def test_csv_template_and_encodings(district, analytics, client, tmp_path):
    client.force_login(district.users['district_admin'])
    template = client.get('/imports/templates/mediation/', {'format': 'csv'})
    assert template.content.startswith(b'\xef\xbb\xbf') and '调解案件编号'.encode() in template.content
    header, rows = feed_rows('mediation', 4, 'T-S1')
    for i, encoding in enumerate(['utf-8-sig', 'gbk', 'gb18030']):
        rows_i = [[f'TJ{i}{r[0]}', *r[1:]] for r in rows]
        job = upload(client, write_csv(tmp_path / f'{encoding}.csv', header, rows_i, encoding), 'mediation')
        assert job.state == 'succeeded', job.errors
    assert count_rows('mediation') == 12
    assert query("SELECT count(*) FROM mediation WHERE dispute_type LIKE '纠纷类%'")[0][0] == 12


def test_derived_values_and_defaults_after_landing(district, analytics, client, tmp_path):
    client.force_login(district.users['district_admin'])
    header = ['工单编号', '受理时间', '诉求类别', '承办单位编码', '是否响应', '是否解决', '满意度评价']
    rows = [['GD1', '2025-05-06 09:30', '噪音扰民', 'T-S1', '是', '否', '满意'],
            ['GD2', '2025年5月8日', '物业管理', 'T-S1', '是', '是', '未评价']]
    job = upload(client, write_csv(tmp_path / 'h.csv', header, rows), 'hotline_request')
    assert job.state == 'succeeded'
    assert query('SELECT ticket_no, dispatched, rated, excluded FROM hotline_request ORDER BY 1') == [
        ('GD1', True, True, False), ('GD2', True, False, False)]


def test_unit_officer_may_only_import_rows_of_their_own_units(district, seeded, client, tmp_path):
    before = count_rows('penalty')
    client.force_login(district.users['unit_officer'])
    header, rows = feed_rows('penalty', 3, 'T-D2')
    rows[1][header.index('执法主体编码')] = 'T-S1'
    rows[2][header.index('执法主体编码')] = 'T-D2-1'
    job = upload(client, write_csv(tmp_path / 'p.csv', header, rows), 'penalty')
    assert job.state == 'rejected' and job.error_count == 1
    (error,) = job.errors
    assert error['row'] == 3 and error['column'] == '执法主体编码' and error['value'] == 'T-S1'
    assert '东湖街道' in error['message'] and '不在您可以导入的范围内' in error['message']
    assert count_rows('penalty') == before
    page = client.get(job.get_absolute_url()).content.decode()
    assert '第3行“执法主体编码”列' in page and '未导入任何数据' in page


def test_unknown_unit_codes_are_row_errors_for_everyone(district, analytics, client, tmp_path):
    client.force_login(district.users['district_admin'])
    header, rows = feed_rows('hazard', 2, 'T-S2')
    rows[0][header.index('责任单位编码')] = 'NOPE-01'
    job = upload(client, write_csv(tmp_path / 'hz.csv', header, rows), 'hazard')
    assert job.state == 'rejected'
    assert job.errors[0]['message'] == '第2行“责任单位编码”列：单位编码“NOPE-01”不存在（请填写本平台的单位编码）'


def test_a_record_of_another_unit_cannot_be_taken_over_by_reusing_its_key(district, analytics, client, tmp_path):
    header, rows = feed_rows('petition', 1, 'T-S1')
    client.force_login(district.users['district_admin'])
    assert upload(client, write_csv(tmp_path / 'a.csv', header, rows), 'petition').state == 'succeeded'
    rows[0][header.index('责任单位编码')] = 'T-D2'
    client.force_login(district.users['unit_officer'])
    job = upload(client, write_csv(tmp_path / 'b.csv', header, rows), 'petition')
    assert job.state == 'rejected'
    assert '已登记在“东湖街道”名下，您不能修改其他单位的记录' in job.errors[0]['message']
    assert query('SELECT unit_code FROM petition') == [('T-S1',)]


def test_chosen_unit_limits_an_administrators_import(district, analytics, client, tmp_path):
    client.force_login(district.users['district_admin'])
    header, rows = feed_rows('legal_hotline_call', 2, 'T-D1')
    job = upload(client, write_csv(tmp_path / 'c.csv', header, rows), 'legal_hotline_call', unit='T-S1')
    assert job.state == 'rejected' and '仅限“东湖街道”及其下级单位' in job.errors[0]['message']


BROKEN = {
    'encoding': ('无法识别文件编码', None, None),
    'missing_column': ('缺少必需的列“决定日期”', None, None),
    'bad_date': ('第3行“决定日期”列：无法识别的日期“2025-02-30”', 3, '决定日期'),
    'duplicate_key': ('在本文件中重复（与第2行相同）', 4, '决定书文号'),
}


def broken_file(tmp_path, kind):
    header, rows = feed_rows('penalty', 3, 'T-D2')
    if kind == 'encoding':
        path = tmp_path / 'bad.csv'
        path.write_bytes(','.join(header).encode('gbk') + b'\r\nA1,T-D2,\x80\x80\xff\xff\r\n')
        return path
    if kind == 'missing_column':
        at = header.index('决定日期')
        return write_csv(tmp_path / 'bad.csv', header[:at] + header[at + 1:], [r[:at] + r[at + 1:] for r in rows])
    if kind == 'bad_date':
        rows[1][header.index('决定日期')] = '2025-02-30'
    if kind == 'duplicate_key':
        rows[2][0] = rows[0][0]
    return write_csv(tmp_path / 'bad.csv', header, rows)


@pytest.mark.parametrize('kind', list(BROKEN))
def test_broken_files_give_row_level_chinese_errors_and_leave_the_store_unchanged(district, seeded, client, tmp_path,
                                                                                  kind):
    before = query('SELECT count(*), sum(hash(case_no, amount)) FROM penalty')
    client.force_login(district.users['unit_officer'])
    job = upload(client, broken_file(tmp_path, kind), 'penalty')
    text, row, column = BROKEN[kind]
    assert job.state == 'rejected'
    assert any(text in e['message'] for e in job.errors), job.errors
    if row is not None:
        assert any(e['row'] == row and e['column'] == column for e in job.errors)
    assert all(e['file'] == 'bad.csv' for e in job.errors)
    assert query('SELECT count(*), sum(hash(case_no, amount)) FROM penalty') == before
    report = client.get(f'/imports/jobs/{job.pk}/errors/')
    assert report.status_code == 200 and any(text in str(c) for r in sheet_rows(report.content) for c in r)
    as_csv = client.get(f'/imports/jobs/{job.pk}/errors/', {'format': 'csv'}).content.decode('utf-8-sig')
    assert text in as_csv and '未导入' in as_csv


def test_every_batch_leaves_an_audit_entry(district, analytics, client, tmp_path):
    client.force_login(district.users['unit_officer'])
    header, rows = feed_rows('case_file_review', 2, 'T-D2')
    good = upload(client, write_csv(tmp_path / 'ok.csv', header, rows), 'case_file_review')
    rows[0][1] = 'T-S2'
    bad = upload(client, write_csv(tmp_path / 'bad.csv', header, rows), 'case_file_review')
    entries = AuditEntry.objects.filter(object_type='imports.importjob', actor_name='unit_officer')
    messages = {e.object_id: e.message for e in entries}
    assert '导入成功，新增2条、更新0条' in messages[str(good.pk)] and '分析库批次' in messages[str(good.pk)]
    assert '未通过校验，1处错误，未导入任何数据' in messages[str(bad.pk)]
    assert all(e.unit_id == district.market.pk for e in entries)


def test_history_and_job_pages_follow_the_units(district, analytics, client, tmp_path):
    header, rows = feed_rows('credit_grade', 1, 'T-D2')
    client.force_login(district.users['district_admin'])
    admin_job = upload(client, write_csv(tmp_path / 'a.csv', header, rows), 'credit_grade')
    client.force_login(district.users['unit_officer'])
    own_job = upload(client, write_csv(tmp_path / 'b.csv', header, rows), 'credit_grade')
    listed = {j.pk for j in client.get('/imports/history/').context['object_list']}
    assert own_job.pk in listed and admin_job.pk not in listed
    assert client.get(admin_job.get_absolute_url()).status_code == 404
    assert client.get(f'/imports/jobs/{admin_job.pk}/status/').status_code == 404
    status = client.get(f'/imports/jobs/{own_job.pk}/status/').json()
    assert status['state'] == 'succeeded' and status['percent'] == 100 and status['final']
    client.force_login(district.users['leader'])
    assert {admin_job.pk, own_job.pk} <= {j.pk for j in client.get('/imports/history/').context['object_list']}


@pytest.mark.parametrize('role,allowed', [('district_admin', True), ('unit_officer', True), ('street_officer', True),
                                          ('leader', False), ('legality_reviewer', False), ('auditor', False),
                                          ('system_admin', False)])
def test_who_may_import(district, analytics, client, role, allowed):
    client.force_login(district.users[role])
    assert (client.get('/imports/').status_code == 200) == allowed


def test_upload_form_refuses_missing_file_and_unknown_type(district, analytics, client):
    client.force_login(district.users['unit_officer'])
    response = client.post('/imports/', {'type': 'penalty'})
    assert response.status_code == 400 and '请选择要导入的文件' in response.content.decode()
    response = client.post('/imports/', {'type': 'audit_finding', 'file': io.BytesIO(b'x')})
    assert response.status_code == 400 and '您不能导入这种记录类型' in response.content.decode()


def test_interrupted_job_is_marked_and_can_be_retried(district, analytics, client, tmp_path):
    from django.utils import timezone
    client.force_login(district.users['district_admin'])
    header, rows = feed_rows('enforcement_exam', 2, 'T-D2')
    path = write_csv(tmp_path / 'exam.csv', header, rows)
    with open(path, 'rb') as fh:
        stored = tmp_path / 'kept.csv'
        stored.write_bytes(fh.read())
    job = ImportJob.objects.create(type_name='enforcement_exam', type_label='执法资格考试', file_name='exam.csv',
                                   stored_file=str(stored), user=district.users['district_admin'],
                                   user_label='district_admin', state='running', pid=999_999,
                                   heartbeat_at=timezone.now() - timezone.timedelta(hours=1))
    page = client.get(job.get_absolute_url())
    job.refresh_from_db()
    assert job.state == 'interrupted' and '可重新导入' in page.content.decode()
    response = client.post(job.get_absolute_url())
    retried = ImportJob.objects.latest('id')
    assert response.status_code == 302 and retried.pk != job.pk and retried.state == 'succeeded'
    assert count_rows('enforcement_exam') == 2
