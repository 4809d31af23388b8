"""The web shell: a home page per role, role-aware menus, calendar page, offline API docs."""
from __future__ import annotations

import pytest

ROLES = ['district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer', 'system_admin',
         'security_admin', 'auditor']


@pytest.mark.parametrize('role', ROLES)
def test_every_role_has_a_home_page_with_its_own_menu(district, client, role):
    client.force_login(district.users[role])
    response = client.get('/')
    assert response.status_code == 200
    text = response.content.decode()
    assert '法治政府建设一体平台' in text and 'viewport' in text
    groups = response.context['nav_groups']
    labels = {item['label'] for items in groups.values() for item in items}
    assert ('审计记录' in labels) == (role == 'auditor')
    assert ('用户管理' in labels) == (role in ('system_admin', 'security_admin'))


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get('/')
    assert response.status_code == 302 and '/accounts/login/' in response['Location']


def test_calendar_page_marks_holidays_and_provisional_years(district, client):
    client.force_login(district.users['unit_officer'])
    text = client.get('/calendar/', {'year': 2026}).content.decode()
    assert 'cal-holiday' in text and '国务院办公厅' in text
    text = client.get('/calendar/', {'year': 2031}).content.decode()
    assert '暂定' in text


def test_api_docs_are_served_without_any_external_asset(client):
    text = client.get('/api/docs/').content.decode()
    assert 'swagger-ui' in text
    assert 'http://' not in text and 'https://' not in text


def test_pages_reference_only_local_assets(district, client):
    client.force_login(district.users['leader'])
    text = client.get('/').content.decode()
    assert '/static/vendor/bootstrap/css/bootstrap.min.css' in text
    assert 'cdn' not in text.lower()
