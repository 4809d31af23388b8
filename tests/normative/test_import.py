"""Excel import of existing documents: history as events, the gates per row, all or nothing."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from fazhi.core.models import AuditEntry
from fazhi.normative.models import NormativeDocument
from tests.legality.access_kit import api_client
from tests.legality.xlsx_kit import csv_file, xlsx

HEADER = ['起草单位', '文件名称', '主题分类', '文号', '合法性审核通过日期', '公布日期', '施行日期', '有效期（年）', '报备日期',
          '报备材料是否规范', '废止日期', '废止理由', '正文']


def row(**cells):
    base = {'起草单位': 'T-D2', '文件名称': '网络餐饮服务管理办法', '主题分类': '市场监管', '文号': '测市监规〔2022〕1号',
            '合法性审核通过日期': '2022-02-20', '公布日期': '2022-03-01', '施行日期': '2022-04-01', '有效期（年）': 5,
            '报备日期': '2022-03-15', '报备材料是否规范': '是', '废止日期': '', '废止理由': '',
            '正文': '第一条 网络餐饮服务第三方平台应当依法予以处罚……'}
    base.update(cells)
    return [base[h] for h in HEADER]


def test_existing_documents_land_with_their_history(district, client):
    client.force_login(district.users['unit_officer'])
    rows = [HEADER, row(), row(**{'文件名称': '已废止的办法', '废止日期': '2024-01-01', '废止理由': '上位法修改'}),
            row(**{'文件名称': '在办草稿', '文号': '', '合法性审核通过日期': '', '公布日期': '', '施行日期': '', '报备日期': '',
                   '报备材料是否规范': ''})]
    response = client.post(reverse('normative:document_import'), {'file': xlsx(rows)})
    assert response.status_code == 302
    doc = NormativeDocument.objects.get(title='网络餐饮服务管理办法')
    assert doc.state == 'filed' and doc.filed_on_time and doc.filing_materials_conforming
    assert doc.expires_on == dt.date(2027, 3, 31)
    assert [e.kind for e in doc.events.all()] == ['publication', 'filing', 'commencement', 'expiry']
    assert NormativeDocument.objects.in_force_on(dt.date(2023, 1, 1)).count() == 2
    assert NormativeDocument.objects.get(title='已废止的办法').validity == 'repealed'
    assert NormativeDocument.objects.get(title='在办草稿').state == 'draft'
    assert list(NormativeDocument.objects.search('处罚')) != []
    assert AuditEntry.objects.filter(action='event', message__contains='规范性文件台账').exists()


def test_the_gates_apply_to_each_row_and_nothing_lands(district):
    rows = [HEADER, row(),
            row(**{'文件名称': '未经审核', '合法性审核通过日期': ''}),
            row(**{'文件名称': '未公布却报备', '公布日期': '', '施行日期': '', '合法性审核通过日期': ''})]
    response = api_client(district.users['district_admin']).post('/api/normative/documents/import/',
                                                                  {'file': csv_file(rows, 'gb18030')}, format='multipart')
    assert response.status_code == 400
    messages = [e['message'] for e in response.json()['errors']]
    assert '文件“台账.csv”第3行“合法性审核通过日期”列：已公布的文件必须有合法性审核记录（未经合法性审核不得公布）' in messages
    assert '文件“台账.csv”第4行“报备日期”列：文件尚未公布，不能登记报备' in messages
    assert not NormativeDocument.objects.exists()


def test_template_download_and_denied_roles(district, client):
    client.force_login(district.users['unit_officer'])
    template = client.get(reverse('normative:document_import'), {'template': 1})
    assert template.status_code == 200 and template.content[:2] == b'PK'
    client.force_login(district.users['leader'])
    assert client.get(reverse('normative:document_import')).status_code == 403
    assert api_client(district.users['leader']).post('/api/normative/documents/import/', {'file': xlsx([HEADER, row()])},
                                                     format='multipart').status_code == 403
