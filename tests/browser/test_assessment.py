"""Assessment in headless Chromium on a phone-sized screen: a unit self-assesses with an uploaded file, the office
moves the campaign on and reviews, a street objects to a deduction that names its record, the office accepts it,
publishes, and a leader sees the ranking charts."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb
import pytest

from fazhi.assessment import services
from fazhi.assessment.models import Campaign, CampaignUnit, ItemScore
from fazhi.core import workflow
from fazhi.core.context import acting_as
from tests.assessment.conftest import frames, system
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def opened(settings, tmp_path, district):
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    settings.MEDIA_ROOT = tmp_path / 'media'
    con = duckdb.connect(str(settings.ANALYTICS_DB))
    for name, frame in frames().items():
        con.register('_f', frame)
        con.execute(f'CREATE TABLE {name} AS SELECT * FROM _f')
        con.unregister('_f')
    con.close()
    with acting_as(None, label='system:test'):
        campaign = services.create_campaign(name='2025年度依法行政考核', period='2025', system=system())
        workflow.apply(campaign, 'open', step_on=dt.date(2026, 1, 5))
    return campaign


def _login(page, live_server, username):
    page.goto(f'{live_server.url}/accounts/login/')
    page.fill('#id_username', username)
    page.fill('#id_password', PASSWORD)
    page.click('button[type=submit]')
    page.wait_for_url(f'{live_server.url}/')


def _logout(page):
    page.context.clear_cookies()


def _score(campaign, unit, code):
    return ItemScore.objects.get(entry__campaign=campaign, entry__unit=unit, item__code=code)


def _step(page, live_server, campaign, label, **fields):
    page.goto(f'{live_server.url}/assessment/campaigns/{campaign.pk}/')
    page.click(f'#campaign-actions a:has-text("{label}")')
    for name, value in fields.items():
        page.fill(f'#id_{name}', value)
    page.click('#confirm-step')
    page.wait_for_url(f'{live_server.url}/assessment/campaigns/{campaign.pk}/')


def test_campaign_in_the_browser(opened, district, live_server, page, tmp_path):
    campaign = opened
    # 1. the market officer finds the task through the menu and self-assesses with a file
    _login(page, live_server, 'unit_officer')
    page.click('button.navbar-toggler')
    page.click('#mainnav >> text=考核评估')
    page.click('#mainnav >> text=考核工作台')
    assert '待自评指标' in page.locator('#todo').inner_text()
    page.click('text=2025年度依法行政考核 >> nth=0')  # 本单位考核: the unit's score sheet
    assert '区市场监督管理局：2025年度依法行政考核评分表' in page.locator('h1').inner_text()
    page.click('text=2.2 应急预案和演练')
    evidence = tmp_path / '演练记录.pdf'
    evidence.write_bytes(b'%PDF-1.4 drill record')
    page.fill('input[name=title]', '2025年应急演练记录')
    page.set_input_files('input[name=file]', str(evidence))
    page.click('#upload-evidence')
    assert '2025年应急演练记录' in page.locator('#evidence').inner_text()
    page.fill('#id_self_score', '18')
    page.fill('#id_self_note', '预案齐全，全年演练两次')
    page.click('#submit-self')
    assert '自评已提交' in page.locator('.alert').first.inner_text()
    assert '18' in page.locator('#score-card').inner_text()
    _logout(page)

    # 2. the office moves on, reviews in the page, opens the objection window
    _login(page, live_server, 'district_admin')
    _step(page, live_server, campaign, '结束自评、进入评审')
    assert page.locator('#campaign-state').inner_text() == '评审打分'
    page.goto(f'{live_server.url}/assessment/scores/{_score(campaign, district.market, "2.2").pk}/')
    page.fill('#id_value', '17')
    page.fill('#id_comment', '演练记录完整，评估报告略简')
    page.click('#submit-review')
    with acting_as(None, label='system:test'):
        for score in services.unreviewed(campaign):
            services.review(score, value=Decimal(score.item.points) - 2, comment='材料基本齐全')
    today = dt.date.today()
    _step(page, live_server, campaign, '公示得分、开放申诉', on=today.isoformat(), closes_on=today.isoformat())
    _logout(page)

    # 3. the street sees the deduction naming its records and objects
    _login(page, live_server, 'street_officer')
    deduction = _score(campaign, district.street, '2.1')
    page.goto(f'{live_server.url}/assessment/scores/{deduction.pk}/')
    assert '扣2分：隐患T-S1-Z000（2025-05-12发现）至计分日尚未整改' in page.locator('#deductions').inner_text()
    page.fill('#id_reason', '隐患T-S1-Z001已整改，附验收单')
    page.fill('#id_requested_score', '6')
    page.click('#submit-objection')
    assert '待处理' in page.locator('#objection').inner_text()
    _logout(page)

    # 4. the office accepts the objection, finalizes after the window and publishes
    _login(page, live_server, 'district_admin')
    objection = deduction.objections.get()
    page.goto(f'{live_server.url}/assessment/objections/{objection.pk}/')
    page.click('text=申诉成立、调整得分')
    page.fill('#id_decided_score', '6')
    page.fill('#id_response', '核实属实，调减一处扣分')
    page.click('#confirm-step')
    assert '申诉成立' in page.locator('#objection').inner_text()
    later = (today + dt.timedelta(days=1)).isoformat()
    _step(page, live_server, campaign, '确定最终得分', on=later)
    _step(page, live_server, campaign, '发布考核结果', on=later)
    assert page.locator('#campaign-state').inner_text() == '已发布'
    _logout(page)

    # 5. a leader reads the results: charts drawn, rankings per category with their sizes
    _login(page, live_server, 'leader')
    page.goto(f'{live_server.url}/assessment/campaigns/{campaign.pk}/results/')
    page.wait_for_selector('#totals-chart canvas')
    assert page.locator('.area-chart canvas').count() == 2
    text = page.locator('main').inner_text()
    assert '街道（乡镇）：参评单位 2 个' in text and '区政府工作部门：参评单位 2 个' in text
    assert Campaign.objects.get().state == 'published'
    assert CampaignUnit.objects.get(campaign=campaign, unit=district.street).total is not None
