"""Excel import of historical reconsideration cases: template, row-level errors, all or nothing, audit."""
from __future__ import annotations

import io

import xlsxwriter
from django.urls import reverse
from python_calamine import CalamineWorkbook
from rest_framework.test import APIClient

from fazhi.core.models import AuditEntry
from fazhi.core.workflow import timeline
from fazhi.reconsideration.models import ReconsiderationCase

HEADER = ['案号*', '收到申请日期*', '申请人*', '被申请人*', '被申请复议的行政行为*', '领域', '受理日期', '结案方式', '审结日期',
          '案件状态']


def workbook(rows, header=HEADER):
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'in_memory': True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, header)
    for i, row in enumerate(rows, start=1):
        sheet.write_row(i, 0, row)
    book.close()
    buffer.seek(0)
    buffer.name = 'cases.xlsx'
    return buffer


def good_rows(district):
    return [
        ['云复〔2023〕0001号', '2023-01-05', '张三', '区市场监督管理局', '罚款决定', '市场监督管理', '2023-01-09', '撤销',
         '2023-02-20', ''],
        ['云复〔2023〕0002号', '2023年2月1日', '某某科技有限公司', district.street.code, '责令改正通知', '城市管理综合执法',
         '2023/2/3', '维持', '2023-03-01', '已审结'],
        ['云复〔2023〕0003号', '2023-03-01', '李四', '区市场监督管理局', '不予公开告知', '政府信息公开', '', '', '', ''],
    ]


def test_template_has_every_column_and_its_help(district, client):
    client.force_login(district.users['case_officer'])
    response = client.get(reverse('reconsideration:case_import'), {'template': '1'})
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    header = book.get_sheet_by_name('导入数据').to_python()[0]
    assert header[:3] == ['案号*', '收到申请日期*', '申请人*']
    notes = book.get_sheet_by_name('填写说明').to_python()
    assert any(r[0] == '结案方式' and '确认违法' in r[2] for r in notes)


def test_import_lands_every_row_with_audit_and_timeline(district, client):
    client.force_login(district.users['case_officer'])
    response = client.post(reverse('reconsideration:case_import'), {'file': workbook(good_rows(district))})
    assert response.status_code == 302
    cases = {c.case_number: c for c in ReconsiderationCase.objects.all()}
    assert len(cases) == 3
    first = cases['云复〔2023〕0001号']
    assert first.state == 'concluded' and first.is_correction and first.handling_days == 42
    assert first.decision_due_on.isoformat() == '2023-03-10'
    assert cases['云复〔2023〕0002号'].respondent_unit == district.street
    assert cases['云复〔2023〕0003号'].state == 'received' and cases['云复〔2023〕0003号'].domain == 'disclosure'
    assert [e.label for e in timeline(first)] == ['导入历史案件']
    assert AuditEntry.objects.filter(action='create', actor_name='case_officer',
                                     object_type='reconsideration.reconsiderationcase').count() == 3
    assert AuditEntry.objects.filter(action='event', message__contains='导入行政复议案件 3 条').exists()


def test_one_bad_row_and_nothing_lands_with_row_level_errors(district, client):
    rows = good_rows(district)
    rows.append(['云复〔2023〕0004号', '2023-13-01', '王五', '不存在的局', '罚款', '外太空', '', '', '', ''])
    rows.append(['云复〔2023〕0001号', '2023-04-01', '赵六', '区市场监督管理局', '罚款', '', '', '维持', '', ''])
    client.force_login(district.users['case_officer'])
    response = client.post(reverse('reconsideration:case_import'), {'file': workbook(rows)})
    assert response.status_code == 400
    errors = response.context['errors']
    assert '第5行「收到申请日期」：日期“2023-13-01”不存在' in errors
    assert '第5行「被申请人」：找不到单位“不存在的局”（请填写全称或编码）' in errors
    assert any(e.startswith('第5行「领域」：“外太空”不是有效选项') for e in errors)
    assert any(e.startswith('第6行') and '已审结的案件须填写受理日期、结案方式和审结日期' in e for e in errors)
    assert ReconsiderationCase.objects.count() == 0
    assert not AuditEntry.objects.filter(action='create', object_type='reconsideration.reconsiderationcase').exists()


def test_duplicate_case_number_in_the_file_or_the_ledger(district, client):
    rows = good_rows(district)[:1] * 2
    client.force_login(district.users['case_officer'])
    response = client.post(reverse('reconsideration:case_import'), {'file': workbook(rows)})
    assert '第3行「案号」：“云复〔2023〕0001号”与第2行重复' in response.context['errors']
    client.post(reverse('reconsideration:case_import'), {'file': workbook(rows[:1])})
    again = client.post(reverse('reconsideration:case_import'), {'file': workbook(rows[:1])})
    assert any('案号' in e and '已存在' in e for e in again.context['errors'])
    assert ReconsiderationCase.objects.count() == 1


def test_gbk_csv_and_missing_columns_through_the_api(district):
    api = APIClient()
    api.force_authenticate(district.users['case_officer'])
    text = '案号,收到申请日期,申请人,被申请人,被申请复议的行政行为\r\n云复〔2022〕0009号,2022-05-06,陈七,区市场监督管理局,罚款\r\n'
    upload = io.BytesIO(text.encode('gbk'))
    upload.name = 'cases.csv'
    response = api.post('/api/reconsideration/cases/import/', {'file': upload}, format='multipart')
    assert response.status_code == 201 and response.json()['created'] == 1
    assert ReconsiderationCase.objects.get().applicant_names == '陈七'
    upload = io.BytesIO('案号,申请人\r\n1,2\r\n'.encode('utf-8'))
    upload.name = 'bad.csv'
    response = api.post('/api/reconsideration/cases/import/', {'file': upload}, format='multipart')
    assert response.status_code == 400
    assert '缺少必填列：收到申请日期、被申请人、被申请复议的行政行为' in response.json()['errors'][0]['text']


def test_a_fake_workbook_is_refused(district):
    api = APIClient()
    api.force_authenticate(district.users['case_officer'])
    upload = io.BytesIO(b'not a workbook at all')
    upload.name = 'cases.xlsx'
    response = api.post('/api/reconsideration/cases/import/', {'file': upload}, format='multipart')
    assert response.status_code == 400 and '不是有效的 Excel 工作簿' in response.json()['errors'][0]['message']
