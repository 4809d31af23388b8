"""Every menu item opens for every role that sees it: no broken page behind the navigation."""
from __future__ import annotations

import pytest

from fazhi.core.navigation import visible_items


@pytest.fixture
def empty_store(settings, tmp_path):
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'


@pytest.mark.parametrize('role', ['district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer',
                                  'street_officer', 'system_admin', 'security_admin', 'auditor'])
def test_every_menu_item_opens(district, client, empty_store, role):
    user = district.users[role]
    client.force_login(user)
    items = [item for group in visible_items(user).values() for item in group]
    assert items, f'{role} sees no menu at all'
    broken = []
    for item in items:
        response = client.get(item['url'])
        if response.status_code != 200:
            broken.append((item['label'], item['url'], response.status_code))
    assert not broken, f'{role}: {broken}'


def test_the_public_menu_opens_without_logging_in(db, client, empty_store):
    from django.contrib.auth.models import AnonymousUser
    items = [item for group in visible_items(AnonymousUser()).values() for item in group]
    assert {item['label'] for item in items} == {'重大行政决策', '行政规范性文件库', '行政复议决定书', '法治政府建设报告',
                                                 '法治示范项目名单'}  # the portal, nothing internal
    for item in items:
        assert client.get(item['url']).status_code == 200, item
