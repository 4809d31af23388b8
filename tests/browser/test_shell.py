"""End to end in headless Chromium: a unit officer logs in, sees the Chinese menu, is refused another unit."""
from __future__ import annotations

import pytest

from fazhi.organization.models import Liaison
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username):
    page.goto(f'{live_server.url}/accounts/login/')
    assert page.locator('h1').inner_text() == '用户登录'
    page.fill('#id_username', username)
    page.fill('#id_password', PASSWORD)
    page.click('button[type=submit]')
    page.wait_for_url(f'{live_server.url}/')


def test_unit_officer_sees_chinese_navigation_and_is_refused_another_unit(district, live_server, page):
    _login(page, live_server, 'unit_officer')
    assert '单位填报员' in page.locator('#current-user').inner_text()
    page.click('button.navbar-toggler')  # phone layout: open the menu
    menu = page.locator('#mainnav').inner_text()
    assert '组织机构' in menu and '法定期限' in menu
    assert '审计记录' not in menu and '用户管理' not in menu
    page.goto(f'{live_server.url}/organization/liaisons/')
    rows = page.locator('table tbody tr').all_inner_texts()
    assert any('区市场监督管理局' in r for r in rows)
    assert not any('西岭街道' in r for r in rows)
    other = Liaison.objects.get(unit=district.other_street)
    response = page.goto(f'{live_server.url}/organization/liaisons/{other.pk}/')
    assert response.status == 403
    assert '没有权限' in page.locator('#denied-message').inner_text()


def test_wrong_password_is_refused_in_chinese(district, live_server, page):
    page.goto(f'{live_server.url}/accounts/login/')
    page.fill('#id_username', 'unit_officer')
    page.fill('#id_password', 'wrong-password')
    page.click('button[type=submit]')
    assert '用户名或密码错误' in page.locator('.alert-danger').inner_text()
