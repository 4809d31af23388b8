"""The engine inside the platform: pages, API, drill-down and the CLI, with each role's unit scope."""
from __future__ import annotations

import duckdb
import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from . import data

CODES = {'D': 'T', 'S1': 'T-S1', 'S2': 'T-S2', 'M': 'T-D2', 'M1': 'T-D2-1'}


@pytest.fixture
def store_with_data(settings, tmp_path, district):
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    frames = {k: v for k, v in data.all_frames().items() if k not in ('unit', 'unit_ancestor', 'workday')}
    con = duckdb.connect(str(settings.ANALYTICS_DB))
    for name, frame in frames.items():
        frame = data._typed(frame)
        if 'unit_code' in frame:
            frame['unit_code'] = frame['unit_code'].map(CODES)
        con.register('_f', frame)
        con.execute(f'CREATE TABLE {name} AS SELECT * FROM _f')
        con.unregister('_f')
    con.close()
    return settings.ANALYTICS_DB


def test_catalogue_and_figure_pages_for_a_leader(store_with_data, client, district):
    client.force_login(district.users['leader'])
    page = client.get('/indicators/', {'period': '2025'})
    assert page.status_code == 200
    text = page.content.decode()
    assert '调解成功率' in text and '68.08%' in text
    detail = client.get('/indicators/mediation.success_rate/', {'unit': 'T', 'period': '2025'})
    body = detail.content.decode()
    assert detail.status_code == 200 and '68.08%' in body
    assert '上升' in body  # 2024: 300/500 = 60% → 68.08%, +8.08 个百分点
    assert '8.08个百分点' in body
    assert 'echarts.min.js' in body


def test_drill_down_page_lists_the_records_and_exports(store_with_data, client, district):
    client.force_login(district.users['leader'])
    page = client.get('/indicators/mediation.success_rate/records/', {'unit': 'T', 'period': '2025',
                                                                      'part': 'numerator'})
    assert page.status_code == 200
    assert page.context['pages'][0]['total'] == 465
    export = client.get('/indicators/mediation.success_rate/records/', {'unit': 'T', 'period': '2025',
                                                                        'part': 'denominator', 'export': 'csv'})
    lines = b''.join(export.streaming_content).decode('utf-8-sig').strip().splitlines()
    assert len(lines) == 684


def test_unit_officer_sees_only_own_subtree(store_with_data, client, district):
    client.force_login(district.users['unit_officer'])  # 区市场监督管理局 (T-D2) and its office
    own = client.get('/indicators/mediation.success_rate/', {'unit': 'T-D2', 'period': '2025'})
    assert own.status_code == 200 and '68.08%' in own.content.decode()
    assert client.get('/indicators/mediation.success_rate/', {'unit': 'T', 'period': '2025'}).status_code == 403
    assert client.get('/indicators/mediation.success_rate/records/', {'unit': 'T-S1', 'period': '2025'}
                      ).status_code == 403
    api = APIClient()
    api.force_authenticate(district.users['unit_officer'])
    assert api.get('/api/indicators/mediation.success_rate/', {'unit': 'T'}).status_code == 403
    ok = api.get('/api/indicators/mediation.success_rate/', {'unit': 'T-D2', 'grain': 'year', 'period': '2025'})
    assert ok.status_code == 200 and ok.json()['values'][0]['value'] == pytest.approx(68.08)


@pytest.mark.parametrize('role', ['system_admin', 'security_admin', 'auditor'])
def test_administration_roles_see_no_figures(store_with_data, client, district, role):
    client.force_login(district.users[role])
    assert client.get('/indicators/').status_code == 403
    assert client.get('/indicators/dashboard/').status_code == 403


def test_public_sees_no_figures(store_with_data, client):
    assert client.get('/indicators/dashboard/').status_code == 302
    assert APIClient().get('/api/indicators/hotline.response_rate/').status_code in (401, 403)


def test_api_returns_year_on_year_and_records(store_with_data, district):
    api = APIClient()
    api.force_authenticate(district.users['district_admin'])
    data_ = api.get('/api/indicators/mediation.success_rate/', {'unit': 'T', 'grain': 'year', 'period': '2025'}).json()
    assert data_['values'][0]['year_on_year'] == {'diff': 8.08, 'unit': '个百分点', 'direction': 'up'}
    records = api.get('/api/indicators/mediation.success_rate/records/',
                      {'unit': 'T', 'period': '2025', 'part': 'numerator', 'limit': 5}).json()
    assert records['tables'][0]['total'] == 465 and len(records['tables'][0]['rows']) == 5
    bad = api.get('/api/indicators/mediation.success_rate/records/', {'unit': 'T', 'period': '2025-13'})
    assert bad.status_code == 400 and '无法识别的期间' in bad.json()['detail']


def test_figures_are_recomputed_when_data_lands(store_with_data, client, district):
    client.force_login(district.users['leader'])
    client.get('/indicators/mediation.success_rate/', {'unit': 'T', 'period': '2025'})
    con = duckdb.connect(str(store_with_data))
    con.execute("UPDATE mediation SET success = true WHERE accepted_on >= DATE '2025-01-01'")
    con.execute("INSERT INTO mediation SELECT * REPLACE ('T-NEW-' || case_no AS case_no) FROM mediation "
                "WHERE accepted_on >= DATE '2025-01-01' LIMIT 17")
    con.close()
    body = client.get('/indicators/mediation.success_rate/', {'unit': 'T', 'period': '2025'}).content.decode()
    assert '100.00%' in body


def test_dashboard_shows_headlines_rankings_and_drills_down(store_with_data, client, district):
    client.force_login(district.users['leader'])
    page = client.get('/indicators/dashboard/', {'period': '2025'})
    assert page.status_code == 200
    codes = {h['indicator'].code for h in page.context['headlines']}
    assert 'hotline.satisfaction_rate' in codes
    text = page.content.decode()
    assert '排名' in text and '/indicators/' in text


def test_compute_command_prints_figures(store_with_data, capsys, district):
    call_command('compute', indicator='mediation.success_rate', unit='T', period='2025')
    out = capsys.readouterr().out
    assert '68.08' in out and '调解成功率' in out


def test_dashboard_risk_list_counts_overdue_items_within_the_users_scope(store_with_data, client, district):
    import datetime as dt

    from fazhi.core import services
    from fazhi.core.context import acting_as
    from fazhi.supervision.models import Proposal
    with acting_as(None, label='system:test'):  # assigned 2025-03-20, due 2025-06-20, never answered
        services.create(Proposal(unit=district.market, kind='npc', year=2025, number='0001', proposer='王某',
                                 title='关于增设便民菜店的建议', assigned_on=dt.date(2025, 3, 20)))
    client.force_login(district.users['leader'])
    page = client.get('/indicators/dashboard/', {'period': '2025'})
    assert page.context['overdue'] == [{'ledger': '建议提案逾期未答复', 'count': 1,
                                        'url': '/supervision/proposals/?due=overdue'}]
    assert '建议提案逾期未答复' in page.content.decode()
    listed = client.get('/supervision/proposals/', {'due': 'overdue'}).content.decode()
    assert '关于增设便民菜店的建议' in listed  # the link shows the items counted
    # the market regulator's officer sees it on its own workbench; a street's officer does not
    client.force_login(district.users['unit_officer'])
    assert client.get('/indicators/dashboard/', {'period': '2025'}).context['overdue'][0]['count'] == 1
    client.force_login(district.users['street_officer'])
    assert client.get('/indicators/dashboard/', {'period': '2025'}).context['overdue'] == []
    # the district's leader looking at one street sees only that street's items
    client.force_login(district.users['leader'])
    assert client.get('/indicators/dashboard/', {'period': '2025', 'unit': 'T-S1'}).context['overdue'] == []
