"""Excel import of catalogue items: rows land in the year's catalogue with their procedures; errors name rows."""
from __future__ import annotations

from django.urls import reverse

from fazhi.decisions.models import DecisionProcedure, MajorDecision
from tests.legality.access_kit import api_client
from tests.legality.xlsx_kit import xlsx

from .helpers import catalogue

HEADER = ['目录年度', '决策机关', '承办单位', '决策事项', '事项简述', '计划完成时间']


def test_items_land_in_the_catalogue_with_their_procedures(district, client):
    cat = catalogue(district)
    client.force_login(district.users['district_admin'])
    rows = [HEADER, [2025, 'T', 'T-D2', '农贸市场升级改造方案', '改造农贸市场12处', '2025-10-31'],
            [2025, '测试区人民政府', '东湖街道', '东湖街道停车设施建设方案', '', '2025/12/31']]
    response = client.post(reverse('decisions:decision_import'), {'file': xlsx(rows)})
    assert response.status_code == 302
    assert set(cat.decisions.values_list('title', flat=True)) == {'农贸市场升级改造方案', '东湖街道停车设施建设方案'}
    assert DecisionProcedure.objects.count() == 10


def test_missing_catalogue_and_foreign_unit_are_row_errors(district):
    catalogue(district)
    rows = [HEADER, [2024, 'T', 'T-D2', '没有目录的年份', '', ''], [2025, 'T', 'T-S1', '别的单位的事项', '', '']]
    response = api_client(district.users['unit_officer']).post('/api/decisions/decisions/import/',
                                                               {'file': xlsx(rows)}, format='multipart')
    assert response.status_code == 400
    messages = [e['message'] for e in response.json()['errors']]
    assert any('第2行“目录年度”列：测试区人民政府尚未建立2024年度决策事项目录' in m for m in messages)
    assert any('第3行“承办单位”列：您无权为该单位导入记录' in m for m in messages)
    assert not MajorDecision.objects.exists()


def test_template_and_denied_roles(district, client):
    client.force_login(district.users['unit_officer'])
    template = client.get(reverse('decisions:decision_import'), {'template': 1})
    assert template.status_code == 200 and template.content[:2] == b'PK'
    for role in ('leader', 'legality_reviewer', 'auditor'):
        client.force_login(district.users[role])
        assert client.get(reverse('decisions:decision_import')).status_code == 403
        response = api_client(district.users[role]).post('/api/decisions/decisions/import/', {'file': xlsx([HEADER])},
                                                         format='multipart')
        assert response.status_code == 403
