"""Excel/CSV import of the review ledger, advisers and engagements: templates, row errors, all or nothing."""
from __future__ import annotations

import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from fazhi.core.models import AuditEntry
from fazhi.legality.models import AdviserEngagement, LegalAdviser, ReviewRequest

from .access_kit import api_client
from .helpers import adviser
from .xlsx_kit import csv_file, xlsx

HEADER = ['送审单位', '事项类型', '事项名称', '是否重大', '相对方', '金额（万元）', '收件日期', '审查结论', '审查意见',
          '意见建议条数', '出具意见日期']


def good_rows(district):
    return [HEADER,
            ['T-D2', '合同', '执法车辆租赁合同', '是', '明州租车有限公司', '86.5', '2025-03-03', '修改后同意', '补充违约条款', 2,
             '2025-03-07'],
            ['区市场监督管理局法制科', '行政机关决策事项', '关于开展食品安全专项整治的方案', '否', '', '', '2025/4/1', '', '', '', '']]


def test_template_has_the_columns_and_an_explanation_sheet(district, client):
    client.force_login(district.users['unit_officer'])
    response = client.get(reverse('legality:review_import'), {'template': 1})
    assert response.status_code == 200
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == ['合法性审查台账', '填写说明']
    assert book.get_sheet_by_index(0).to_python()[0] == HEADER
    api = api_client(district.users['unit_officer']).get('/api/legality/reviews/import-template/')
    assert api.status_code == 200 and api.content[:2] == b'PK'


def test_good_workbook_lands_whole_with_history_and_audit(district, client):
    client.force_login(district.users['unit_officer'])
    response = client.post(reverse('legality:review_import'), {'file': xlsx(good_rows(district))})
    assert response.status_code == 302
    concluded = ReviewRequest.objects.get(title='执法车辆租赁合同')
    assert concluded.state == 'concluded' and concluded.suggestion_count == 2 and concluded.on_time is True
    assert ReviewRequest.objects.get(title__startswith='关于开展').state == 'submitted'
    assert AuditEntry.objects.filter(action='create', object_type='legality.reviewrequest').count() == 2
    assert AuditEntry.objects.filter(action='event', message__contains='导入合法性审查台账').exists()


def test_one_bad_row_writes_nothing_and_names_row_and_column(district, client):
    rows = good_rows(district)
    rows.append(['T-D2', '合同书', '坏行', '也许', '', 'abc', '2025-02-30', '修改后同意', '', '', '2025-03-01'])
    client.force_login(district.users['unit_officer'])
    response = client.post(reverse('legality:review_import'), {'file': xlsx(rows, '审查台账.xlsx')})
    assert response.status_code == 400
    messages = [e.message for e in response.context['outcome'].errors]
    assert any(m.startswith('第4行“事项类型”列：“合同书”不是可选值') for m in messages)
    assert any(m.startswith('第4行“是否重大”列') for m in messages)
    assert any(m.startswith('第4行“金额（万元）”列') for m in messages)
    assert any(m.startswith('第4行“收件日期”列：不是有效的日期') for m in messages)
    assert '审查台账.xlsx' in response.content.decode()
    assert not ReviewRequest.objects.exists()


def test_rows_of_another_unit_are_refused_for_a_unit_officer(district):
    rows = [HEADER, ['T-D2', '合同', '本单位合同', '', '', '', '2025-03-03', '', '', '', ''],
            ['T-S2', '合同', '别的街道合同', '', '', '', '2025-03-03', '', '', '', '']]
    response = api_client(district.users['unit_officer']).post('/api/legality/reviews/import/',
                                                               {'file': xlsx(rows)}, format='multipart')
    assert response.status_code == 400
    assert response.json()['errors'][0]['row'] == 3 and '无权' in response.json()['errors'][0]['message']
    assert not ReviewRequest.objects.exists()


def test_gbk_csv_from_an_office_imports(district):
    rows = [['聘任单位', '姓名', '顾问类型', '是否首席法律顾问', '聘任起始日期'],
            ['区司法局', '周正', '外聘律师', '是', '2025-01-01'], ['区司法局', '钱学明', '专家学者', '否', '2025年1月1日']]
    response = api_client(district.users['legality_reviewer']).post(
        '/api/legality/advisers/import/', {'file': csv_file(rows, 'gbk')}, format='multipart')
    assert response.status_code == 201 and response.json()['created'] == 2
    assert LegalAdviser.objects.get(name='周正').is_chief


def test_second_chief_adviser_in_a_file_is_refused(district):
    adviser(district.justice, name='周正', is_chief=True)
    rows = [['聘任单位', '姓名', '顾问类型', '是否首席法律顾问', '聘任起始日期'], ['区司法局', '吴立', '外聘律师', '是', '2025-01-01']]
    response = api_client(district.users['district_admin']).post('/api/legality/advisers/import/',
                                                                  {'file': xlsx(rows)}, format='multipart')
    assert response.status_code == 400 and '首席法律顾问' in response.json()['errors'][0]['message']


def test_engagements_import_names_an_unknown_adviser(district):
    adviser(district.justice, name='周正')
    rows = [['法律顾问姓名', '服务单位', '参与类型', '日期', '事项', '数量（件/次）'],
            ['周正', 'T-D1', '列席会议', '2025-04-08', '区政府第12次常务会议', 1],
            ['查无此人', 'T-D1', '审查文件', '2025-04-09', '某文件', 2]]
    response = api_client(district.users['district_admin']).post('/api/legality/engagements/import/',
                                                                 {'file': xlsx(rows)}, format='multipart')
    assert response.status_code == 400 and '找不到在聘法律顾问“查无此人”' in response.json()['errors'][0]['message']
    assert not AdviserEngagement.objects.exists()


@pytest.mark.parametrize('role', ['leader', 'case_officer', 'auditor'])
def test_roles_without_add_cannot_import(district, client, role):
    client.force_login(district.users[role])
    assert client.get(reverse('legality:review_import')).status_code == 403
    response = api_client(district.users[role]).post('/api/legality/reviews/import/',
                                                     {'file': xlsx(good_rows(district))}, format='multipart')
    assert response.status_code == 403
    assert not ReviewRequest.objects.exists()


def test_not_a_workbook_and_missing_columns(district):
    api = api_client(district.users['district_admin'])
    from django.core.files.uploadedfile import SimpleUploadedFile
    broken = api.post('/api/legality/reviews/import/', {'file': SimpleUploadedFile('x.xlsx', b'not excel')},
                      format='multipart')
    assert '不是有效的 Excel' in broken.json()['errors'][0]['message']
    missing = api.post('/api/legality/reviews/import/', {'file': xlsx([['送审单位', '事项名称'], ['T-D2', 'x']])},
                       format='multipart')
    assert '缺少必填列：事项类型、收件日期' in missing.json()['errors'][0]['message']
