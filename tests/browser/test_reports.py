"""End to end in headless Chromium: the justice bureau drafts the annual report from live data (progress bar),
follows a figure to its records, rewrites a narrative section, regenerates (the text stays), checks, publishes
with a recorded override; the public reads it on the portal."""
from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD
from tests.reports.conftest import load_store

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def live_reports(settings, tmp_path, district):
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    settings.MEDIA_ROOT = tmp_path / 'media'
    settings.FAZHI_REPORTS_PDF = False  # the PDF is tested in tests/reports
    # Rendering runs on the request's thread here: the test database is an in-memory SQLite shared between
    # threads, which reports 'table is locked' instead of waiting. The worker thread is tested in tests/reports.
    settings.FAZHI_REPORTS_INLINE = True
    load_store(settings.ANALYTICS_DB)
    return district


def _login(page, live_server, username):
    page.goto(f'{live_server.url}/accounts/login/')
    page.fill('#id_username', username)
    page.fill('#id_password', PASSWORD)
    page.click('button[type=submit]')
    page.wait_for_url(f'{live_server.url}/')


def _wait_for_job(page):
    page.wait_for_selector('#job-result', timeout=120_000)
    assert '已生成' in page.locator('#job-result').inner_text()
    assert page.locator('#job-progress').inner_text() == '100%'


def test_draft_edit_regenerate_check_publish_and_read_on_the_portal(live_reports, live_server, page, browser):
    _login(page, live_server, 'district_admin')
    page.set_default_timeout(180_000)  # a click that renders waits for the rendering (on this loaded machine)
    page.goto(f'{live_server.url}/reports/new/')
    page.select_option('#id_kind', 'annual')
    page.select_option('#id_unit', label='测试区人民政府')
    page.fill('#id_year', '2025')
    with page.expect_navigation(timeout=180_000):  # rendering happens before the job page opens (inline)
        page.click('#report-form button[type=submit]')
    assert re.search(r'/reports/\d+/jobs/\d+/', page.url)
    assert page.locator('#job-progress').count() == 1  # the progress bar
    _wait_for_job(page)
    page.click('#job-version')
    figure = page.locator('a.fz-fig[data-indicator="mediation.success_rate"]').first
    assert figure.inner_text() == '68.08%'
    figure.click()  # from the figure to the records behind it
    page.wait_for_url(re.compile(r'/indicators/mediation\.success_rate/records/'))
    assert '465' in page.content()

    page.goto(f'{live_server.url}/reports/')
    page.click('#report-list a:has-text("2025年法治政府建设年度报告")')
    report_url = page.url
    page.click('#narratives a:has-text("存在的不足")')
    page.fill('#id_text', '一是街道执法力量与下放事项不匹配。')
    page.fill('#id_note', '浏览器中修改')
    page.click('#save-narrative')
    page.wait_for_url(report_url)
    assert '第2稿' in page.locator('#narratives').inner_text()

    with page.expect_navigation(timeout=180_000):
        page.click('#render-button')
    _wait_for_job(page)
    page.click('#job-version')
    document = page.locator('#report-document').inner_text()
    assert '一是街道执法力量与下放事项不匹配。' in document and '94.93%' in document

    page.goto(report_url)
    with page.expect_navigation(timeout=60_000):
        page.click('#check-button')
    page.wait_for_selector('#findings')
    page.fill('#id_override_reason', '应诉数据另行报送，先行发布')
    page.click('#publish-button')
    page.wait_for_selector('text=已发布第2版')
    assert page.locator('#report-state').inner_text() == '已发布'

    public = browser.new_context(locale='zh-CN', viewport={'width': 390, 'height': 844}).new_page()
    public.goto(f'{live_server.url}/public/reports/')
    public.click('#public-reports a:has-text("2025年法治政府建设年度报告")')
    assert '发布日期' in public.locator('#publication').inner_text()
    assert '一是街道执法力量与下放事项不匹配。' in public.locator('#report-document').inner_text()
    public.context.close()


def test_a_department_officer_cannot_open_the_district_report(live_reports, live_server, page):
    from fazhi.core.context import acting_as
    from fazhi.reports import drafting
    with acting_as(None, label='system:test'):
        report = drafting.create_report('annual', live_reports.district, 2025)
    _login(page, live_server, 'unit_officer')
    response = page.goto(f'{live_server.url}/reports/{report.pk}/')
    assert response.status == 403 and '没有权限' in page.locator('#denied-message').inner_text()
    page.goto(f'{live_server.url}/reports/new/')
    assert page.locator('#id_unit option').all_inner_texts() == ['区市场监督管理局']
