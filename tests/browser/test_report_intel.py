"""End to end in headless Chromium: upload a seed report, see its facts highlighted and its finding; benchmark chart."""
from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from tests.intel.seeds import seed_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HAIMEN = '004_15d93f3a6553327b'  # Nantong Haimen: reconsideration correction rate 30%, one paragraph printed twice


def _login(page, live_server, username):
    page.goto(f'{live_server.url}/accounts/login/')
    page.fill('#id_username', username)
    page.fill('#id_password', PASSWORD)
    page.click('button[type=submit]')
    page.wait_for_url(f'{live_server.url}/')


def test_upload_a_seed_and_see_highlighted_facts_and_a_finding(district, live_server, page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / 'media'
    seed = seed_path(HAIMEN)
    _login(page, live_server, 'legality_reviewer')
    page.goto(f'{live_server.url}/reports-intel/upload/')
    page.set_input_files('#id_files', str(seed))
    page.click('#upload-submit')
    page.wait_for_url(f'{live_server.url}/reports-intel/*/')
    assert '海门区' in page.locator('#report-summary').inner_text()
    facts = page.locator('#report-text .hl-fact')
    assert facts.count() > 20
    rate = page.locator('#report-text .hl-fact', has_text='30%').first
    assert 'reconsideration.correction_rate' in rate.get_attribute('title')  # hover shows the details
    rate.click()
    detail = page.locator('#hl-detail').inner_text()
    assert '30' in detail and '%' in detail and '纠错率（reconsideration.correction_rate）' in detail and '2020' in detail
    findings = page.locator('#finding-list').inner_text()
    assert '段落重复' in findings
    page.locator('.finding-place').first.click()
    assert '段落重复' in page.locator('#hl-detail').inner_text()
    assert page.locator('#report-text .hl-finding').count() > 0

    page.goto(f'{live_server.url}/reports-intel/benchmark/')
    assert '海门区' in page.locator('#benchmark-table').inner_text()
    page.wait_for_selector('#chart-0 canvas')
