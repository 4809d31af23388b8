"""Reconciliation: a report about the platform's own district is compared with the indicator engine's figures."""
from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.reports_intel.reconciliation import is_own_district, reconcile_report

from .conftest import SEED_001

pytestmark = pytest.mark.django_db

# The engine's test data for 2025: hotline 99.93 / 93.81 / 94.93 %, mediation success 465 of 683 = 68.08 %.
DRAFT = ('2025年，测试区12345热线诉求响应率99.93%，解决率93.81%，满意率95.1%。\n'
         '全年调解成功率约为68.1%，同比提高8.08个百分点。\n'
         '行政复议纠错率为20%。\n')


def test_region_names_of_the_district(district):
    assert is_own_district('测试区', district.district)  # 测试区人民政府
    assert not is_own_district('朝阳区', district.district) and not is_own_district('', district.district)
    with acting_as(None, label='system:test'):
        services.update(district.district, {'name': '明州市云溪区人民政府', 'short_name': '云溪区'})
    assert is_own_district('云溪区', district.district) and is_own_district('明州市云溪区', district.district)


def test_own_district_report_lists_self_reported_against_computed(store_with_data, load, district, client):
    report = load(('云溪区2025年法治政府建设情况（草稿）.txt', DRAFT.encode()), region='测试区')
    result = reconcile_report(report)
    assert result.applicable and result.error == ''
    by_code = {r.fact.indicator: r for r in result.rows}
    assert by_code['hotline.response_rate'].status == 'agrees'
    assert by_code['hotline.resolution_rate'].status == 'agrees'
    satisfaction = by_code['hotline.satisfaction_rate']
    assert satisfaction.status == 'differs' and satisfaction.computed == pytest.approx(94.93)
    assert float(satisfaction.delta) == pytest.approx(0.17)
    assert by_code['mediation.success_rate'].status == 'agrees'  # 约为68.1% against 68.08
    assert [r.fact.indicator for r in result.differences] == ['hotline.satisfaction_rate']
    assert all(r.fact.comparison == '' for r in result.rows)  # 提高8.08个百分点 is a change, not a level
    client.force_login(district.users['leader'])
    body = client.get(f'/reports-intel/{report.pk}/').content.decode()
    assert 'id="reconciliation"' in body and '平台计算' in body and '94.93' in body
    api = APIClient()
    api.force_authenticate(district.users['case_officer'])
    answer = api.get(f'/api/reports-intel/reports/{report.pk}/reconciliation/').json()
    assert answer['applicable'] and answer['differences'] == 1
    row = next(r for r in answer['rows'] if r['indicator'] == 'hotline.satisfaction_rate')
    assert (row['reported'], row['computed'], row['status']) == (95.1, pytest.approx(94.93), 'differs')


def test_figures_the_platform_does_not_define_or_hold_are_listed_as_such(store_with_data, load):
    report = load(('draft.txt', DRAFT.replace('2025年', '2019年').encode()), region='测试区')
    rows = reconcile_report(report).rows
    assert {r.status for r in rows if r.fact.indicator.startswith('hotline.')} == {'no_figure'}
    assert reconcile_report(report).differences == []


def test_reports_of_other_regions_are_not_reconciled(load, district, client):
    report = load(SEED_001)
    assert not reconcile_report(report).applicable
    client.force_login(district.users['district_admin'])
    assert 'id="reconciliation"' not in client.get(f'/reports-intel/{report.pk}/').content.decode()


def test_an_unreadable_store_is_reported_not_raised(settings, tmp_path, load):
    bad = tmp_path / 'not-a-database.duckdb'
    bad.write_bytes(b'this is not duckdb')
    settings.ANALYTICS_DB = bad
    report = load(('draft.txt', DRAFT.encode()), region='测试区')
    result = reconcile_report(report)
    assert result.applicable and '无法读取平台指标数据' in result.error and result.differences == []
