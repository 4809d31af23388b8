"""Each role against each path of the feed tables — list page, API, CSV/XLSX export, in-list search — including
the denials: rows are restricted to the user's units on every path."""
from __future__ import annotations

import io

import pytest
from python_calamine import CalamineWorkbook
from rest_framework.test import APIClient

from fazhi.core.feeds import feeds

from .kit import FEED_SCOPE, ROLES, count_rows

FEED_NAMES = [f.name for f in feeds()]


def csv_lines(response) -> list[str]:
    return b''.join(response.streaming_content).decode('utf-8-sig').strip().splitlines()


def api_for(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


@pytest.mark.parametrize('role', ROLES)
def test_hotline_list_api_export_and_search_show_exactly_the_scope(district, seeded, client, role):
    scope = FEED_SCOPE[role]
    client.force_login(district.users[role])
    page = client.get('/feeds/hotline_request/')
    api = api_for(district.users[role]).get('/api/feeds/hotline_request/', {'limit': 5})
    export = client.get('/feeds/hotline_request/', {'export': 'csv'})
    if scope == ():
        assert page.status_code == 403 and '没有权限' in page.content.decode()
        assert api.status_code == 403 and '没有权限' in api.json()['detail']
        assert export.status_code == 403
        return
    expected = count_rows('hotline_request', scope)
    assert 0 < expected
    assert page.status_code == 200 and page.context['total'] == expected
    assert api.status_code == 200 and api.json()['count'] == expected
    assert {r['unit_code'] for r in api.json()['results']} <= set(scope or {'T', 'T-D1', 'T-D2', 'T-D2-1', 'T-S1',
                                                                             'T-S2'})
    assert len(csv_lines(export)) == expected + 1
    searched = client.get('/feeds/hotline_request/', {'q': '电梯'}).context['total']
    assert 0 < searched < expected


@pytest.mark.parametrize('role', ['unit_officer', 'street_officer'])
def test_filtering_on_another_unit_shows_nothing_outside_the_scope(district, seeded, client, role):
    client.force_login(district.users[role])
    page = client.get('/feeds/penalty/', {'unit': 'T-S2'})
    assert page.status_code == 200 and page.context['total'] == 0
    api = api_for(district.users[role]).get('/api/feeds/penalty/', {'unit': 'T-S2'})
    assert api.json()['count'] == 0


def test_unit_filter_covers_the_units_below(district, seeded, client):
    client.force_login(district.users['district_admin'])
    total = client.get('/feeds/inspection/', {'unit': 'T-D2'}).context['total']
    assert total == count_rows('inspection', ['T-D2', 'T-D2-1']) > count_rows('inspection', ['T-D2'])


def test_public_is_sent_to_login_and_refused_by_the_api(seeded, client):
    response = client.get('/feeds/penalty/')
    assert response.status_code == 302 and '/accounts/login/' in response['Location']
    assert client.get('/feeds/').status_code == 302
    assert APIClient().get('/api/feeds/penalty/').status_code in (401, 403)


@pytest.mark.parametrize('name', FEED_NAMES)
def test_every_feed_lists_filters_and_exports(district, seeded, client, name):
    from fazhi.core.feeds import get_feed
    feed = get_feed(name)
    client.force_login(district.users['unit_officer'])
    total = count_rows(feed.table, ['T-D2', 'T-D2-1'])
    page = client.get(f'/feeds/{name}/')
    assert page.status_code == 200 and page.context['total'] == total
    assert page.context['headers'][0] == feed.schema.field(feed.shown_fields[0]).verbose_name
    if feed.date_field:
        march = client.get(f'/feeds/{name}/', {'date_from': '2025-03-01', 'date_to': '2025-03-31'}).context['total']
        assert march <= total
    for field in feed.filter_fields[:2]:
        assert client.get(f'/feeds/{name}/', {field: 'true' if feed.schema.field(field).type == 'bool' else 'x'}) \
            .status_code in (200, 400)
    workbook = client.get(f'/feeds/{name}/', {'export': 'xlsx'})
    assert workbook.status_code == 200
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(workbook.content)).get_sheet_by_index(0).to_python()
    assert len(sheet) == total + 1 and '单位名称' in sheet[0]


def test_filters_by_date_key_column_and_keyword(district, seeded, client):
    client.force_login(district.users['leader'])
    base = client.get('/feeds/penalty/').context['total']
    major = client.get('/feeds/penalty/', {'is_major': 'true'}).context['total']
    assert major == count_rows('penalty WHERE is_major') < base
    fines = client.get('/feeds/penalty/', {'penalty_kind': '罚款'}).context['total']
    assert fines == count_rows("penalty WHERE penalty_kind = 'fine'")
    march = client.get('/feeds/penalty/', {'date_from': '2025-03-01', 'date_to': '2025-03-31'}).context['total']
    assert march == count_rows("penalty WHERE decided_on BETWEEN '2025-03-01' AND '2025-03-31'")
    page = client.get('/feeds/penalty/', {'is_major': 'true'})
    assert '单位' in page.context['headers']


def test_bad_filters_are_refused_in_chinese(district, seeded, client):
    client.force_login(district.users['district_admin'])
    response = client.get('/feeds/penalty/', {'date_from': '2025-13-01'})
    assert response.status_code == 400 and '起始日期“2025-13-01”格式不正确' in response.content.decode()
    response = client.get('/feeds/penalty/', {'procedure': '特别程序'})
    assert response.status_code == 400 and '没有“特别程序”这一选项' in response.content.decode()
    api = api_for(district.users['district_admin']).get('/api/feeds/penalty/', {'is_major': '也许'})
    assert api.status_code == 400 and '只能为“是”或“否”' in api.json()['detail']


def test_unknown_feed_is_not_found(district, client):
    client.force_login(district.users['district_admin'])
    assert client.get('/feeds/no_such_table/').status_code == 404
    assert api_for(district.users['district_admin']).get('/api/feeds/no_such_table/').status_code == 404


def test_api_pages_with_limit_and_offset(district, seeded):
    api = api_for(district.users['district_admin'])
    first = api.get('/api/feeds/inspection/', {'limit': 3}).json()
    second = api.get('/api/feeds/inspection/', {'limit': 3, 'offset': 3}).json()
    assert len(first['results']) == 3 and first['count'] == count_rows('inspection')
    assert not {r['inspection_no'] for r in first['results']} & {r['inspection_no'] for r in second['results']}
    types = api.get('/api/feeds/').json()['results']
    assert {t['name'] for t in types} == set(FEED_NAMES)


def test_feed_menu_and_index_follow_the_role(district, client):
    client.force_login(district.users['street_officer'])
    page = client.get('/feeds/')
    assert page.status_code == 200 and '行政处罚决定' in page.content.decode()
    client.force_login(district.users['auditor'])
    assert client.get('/feeds/').status_code == 403
    home = client.get('/').content.decode()
    assert '12345热线工单' not in home


def test_versioned_list_keeps_its_change_log(seeded):
    changes = dict(count_rows_by_type())
    assert changes['add'] > 0 and changes.get('amend', 0) >= 0
    versions = count_rows('penalty_power')
    assert sum(changes.values()) >= versions


def count_rows_by_type():
    from .kit import query
    return query('SELECT change_type, count(*) FROM penalty_power_change GROUP BY 1')
