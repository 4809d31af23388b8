"""The leaders' dashboard in headless Chromium on a phone-sized screen: charts drawn by the locally served
ECharts, the risk list, and a click from a headline down to the records behind the figure."""
from __future__ import annotations

import pytest

from fazhi.indicators.definitions import get
from tests.browser.test_reconsideration import _login
from tests.indicators.test_pages import store_with_data  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_draws_charts_and_drills_down_to_records(store_with_data, district, live_server, page):  # noqa: F811
    _login(page, live_server, 'leader')
    page.goto(f'{live_server.url}/indicators/dashboard/?period=2025')
    page.wait_for_selector('#trends canvas')
    assert page.locator('.rank-chart canvas').count() >= 1
    streets = page.evaluate("""() => [...document.querySelectorAll('.rank-chart')].flatMap(el =>
        echarts.getInstanceByDom(el).getOption().yAxis[0].data)""")
    assert '东湖街道' in streets or '西岭街道' in streets
    assert page.evaluate('document.documentElement.scrollWidth') <= 392  # fits the phone, no sideways scrolling
    name = get('hotline.satisfaction_rate').name
    page.click(f'#headlines a:has-text("{name}")')
    page.wait_for_selector('#figure-parts')
    assert page.locator('#trend canvas').count() == 1
    page.click('#figure-parts a >> nth=0')  # the numerator: the satisfied requests themselves
    page.wait_for_selector('table tbody tr')
    assert page.locator('table tbody tr').count() > 0
    assert name in page.content()
