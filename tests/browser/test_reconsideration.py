"""End to end in headless Chromium: one reconsideration case from receipt to a published, redacted decision
that the public sees without logging in."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.reconsideration.models import PublishedDecision, ReconsiderationCase
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DECISION = ('申请人：王小明，男，1985年3月2日出生，公民身份号码110105198503021234，住明州市云溪区新华路12号楼3单元502室，'
            '联系电话13812345678。\n被申请人：区市场监督管理局。\n申请人王小明不服被申请人作出的罚款决定，申请行政复议。\n'
            '本机关认为，被申请人认定事实不清。本机关决定：撤销被申请人作出的罚款决定。')


def _login(page, live_server, username):
    page.goto(f'{live_server.url}/accounts/login/')
    page.fill('#id_username', username)
    page.fill('#id_password', PASSWORD)
    page.click('button[type=submit]')
    page.wait_for_url(f'{live_server.url}/')


def _step(page, name, **fields):
    """Open a lifecycle step from the case page, fill its form and confirm."""
    page.click(f'#transitions a[data-transition="{name}"]')
    for selector, value in fields.items():
        if selector.startswith('select:'):
            page.select_option(f'#id_{selector[7:]}', value)
        else:
            page.fill(f'#id_{selector}', value)
    page.click('form button[type=submit]')
    page.wait_for_selector('.alert-success')


def test_from_receipt_to_a_published_redacted_decision(district, live_server, page):
    today = dt.date.today().isoformat()
    _login(page, live_server, 'case_officer')
    page.goto(f'{live_server.url}/reconsideration/cases/add/')
    page.fill('#id_received_on', today)
    page.select_option('#id_channel', label='网上申请')
    page.fill('#id_applicant_names', '王小明')
    page.select_option('#id_respondent_unit', label='区市场监督管理局')
    page.fill('#id_act_description', '罚款5000元的行政处罚决定')
    page.select_option('#id_domain', label='市场监督管理')
    page.fill('#id_decision_text', DECISION)
    page.click('form button[type=submit]')
    page.wait_for_selector('#due-dates')
    assert '受理审查期限' in page.locator('#due-dates').inner_text()

    _step(page, 'accept', **{'select:procedure': 'ordinary'})
    assert '审理中' in page.locator('main').inner_text()
    assert '行政复议审理期限' in page.locator('#due-dates').inner_text()
    _step(page, 'send_copy')
    _step(page, 'decide', **{'select:outcome': 'revoke'})
    assert '已审结' in page.locator('main').inner_text()
    _step(page, 'prepare_publication')

    page.click('#publication a')
    redacted = page.locator('#redacted-text').inner_text()
    assert '110105198503021234' not in redacted and '王小明' not in redacted and '王某' in redacted
    assert '身份证号码' in page.locator('#findings').inner_text()
    page.click('#review-link')
    page.fill('#id_redacted_text', redacted + '\n（经审核）')
    page.click('form button[type=submit]')
    page.wait_for_selector('#redacted-text')
    page.click('#transitions a[data-transition="publish"]')
    page.click('form button[type=submit]')
    page.wait_for_selector('#public-link')

    page.goto(f'{live_server.url}/')
    page.click('button.navbar-toggler')
    page.click('text=退出')
    page.goto(f'{live_server.url}/public/reconsideration/')
    case = ReconsiderationCase.objects.get()
    page.click(f'text={case.case_number}行政复议决定书')
    text = page.locator('#decision-text').inner_text()
    assert '（经审核）' in text and '王某' in text
    for secret in ('王小明', '110105198503021234', '13812345678', '新华路12号楼'):
        assert secret not in text
    assert PublishedDecision.objects.get().status == 'published'
