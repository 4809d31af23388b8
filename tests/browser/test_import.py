"""End to end in headless Chromium: a unit data officer uploads a file, watches the progress bar and sees the result;
a file with a row of another unit shows the row-level Chinese error and nothing is imported."""
from __future__ import annotations

import pytest

from fazhi.imports.models import ImportJob
from tests.conftest import PASSWORD
from tests.imports.kit import count_rows, feed_rows, write_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def store(settings, tmp_path):
    settings.ANALYTICS_DB, settings.MEDIA_ROOT = tmp_path / 'analytics.duckdb', tmp_path / 'media'
    settings.FAZHI_IMPORT_INLINE = False
    return settings.ANALYTICS_DB


def login(page, live_server, username):
    page.goto(f'{live_server.url}/accounts/login/')
    page.fill('#id_username', username)
    page.fill('#id_password', PASSWORD)
    page.click('button[type=submit]')
    page.wait_for_url(f'{live_server.url}/')


def upload(page, live_server, path):
    page.goto(f'{live_server.url}/imports/?type=hazard')
    assert page.locator('#id_type').input_value() == 'hazard'
    page.set_input_files('#id_file', str(path))
    page.click('#upload-submit')
    page.wait_for_url(f'{live_server.url}/imports/jobs/*/')


def test_upload_shows_progress_and_the_result(district, store, live_server, page, tmp_path):
    header, rows = feed_rows('hazard', 60_000, 'T-S1')
    path = write_csv(tmp_path / '隐患排查台账.csv', header, rows)
    login(page, live_server, 'street_officer')
    upload(page, live_server, path)
    bar = page.locator('[role=progressbar]')
    assert bar.is_visible() and page.locator('#import-state').inner_text() in ('排队中', '导入中', '导入成功')
    assert '隐患排查台账.csv' in page.locator('h1').inner_text()
    page.wait_for_selector('#import-result', timeout=120_000)
    assert '导入成功：共 60000 行，新增 60000 条，更新 0 条' in page.locator('#import-result').inner_text()
    assert page.locator('#import-progress').inner_text() == '100%'
    page.click('text=查看安全隐患')
    assert '共 60000 条' in page.locator('#feed-total').inner_text()
    assert count_rows('hazard') == 60_000 and ImportJob.objects.get().state == 'succeeded'


def test_a_row_of_another_unit_is_reported_and_nothing_lands(district, store, live_server, page, tmp_path):
    header, rows = feed_rows('hazard', 3, 'T-S1')
    rows[2][header.index('责任单位编码')] = 'T-S2'
    login(page, live_server, 'street_officer')
    upload(page, live_server, write_csv(tmp_path / 'bad.csv', header, rows))
    page.wait_for_selector('#import-result', timeout=60_000)
    assert '未导入任何数据' in page.locator('#import-result').inner_text()
    errors = page.locator('#import-errors tbody tr').all_inner_texts()
    assert len(errors) == 1 and '第4行“责任单位编码”列' in errors[0] and '西岭街道' in errors[0]
    assert count_rows('hazard') == 0
