"""Figures defined declaratively and computed per unit and period, traceable to their cases."""
from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.reconsideration.casework.figures import Params, breakdown, evaluate, records
from fazhi.reconsideration.figures import FIGURES
from fazhi.reconsideration.models import ReconsiderationCase


def ledger(unit, year, concluded, corrected, mediated=0, prefix='A', **extra):
    """`concluded` cases concluded in `year`, the first `corrected` revoked, the next `mediated` mediated."""
    cases = []
    for i in range(concluded):
        outcome = 'revoke' if i < corrected else 'mediation' if i < corrected + mediated else 'uphold'
        received = dt.date(year, 1, 1) + dt.timedelta(days=i % 300)
        case = ReconsiderationCase(
            case_number=f'{prefix}{year}-{i}', received_on=received, applicant_names='甲', respondent_unit=unit,
            act_description='处罚', domain='traffic' if i % 2 else 'market', state='concluded', procedure='ordinary',
            accepted_on=received + dt.timedelta(days=3), concluded_on=received + dt.timedelta(days=33),
            outcome=outcome, **extra)
        case.refresh_derived()
        cases.append(case)
    with acting_as(None, label='system:test'):
        services.bulk_create(cases)


@pytest.fixture
def tongzhou(district):
    """Tongzhou 2023 at full size: 977 concluded, 236 corrected."""
    ledger(district.market, 2025, 977, 236, mediated=100)
    ledger(district.street, 2024, 40, 8, prefix='B')


@pytest.fixture
def small(district):
    ledger(district.market, 2025, 97, 24, mediated=10)
    ledger(district.street, 2024, 40, 8, prefix='B')


def value(code, params):
    return evaluate(FIGURES[code], params)


def test_977_concluded_with_236_corrected_is_24_2_percent(tongzhou, district):
    result = value('reconsideration.correction_rate', Params.year(2025))
    assert (result.numerator, result.denominator) == (236, 977)
    assert result.display == '24.2%' and result.value == 24.16
    assert value('reconsideration.concluded', Params.year(2025)).value == 977
    assert value('reconsideration.mediation_rate', Params.year(2025)).display == '10.2%'
    assert value('reconsideration.average_handling_days', Params.year(2025)).value == 30.0


def test_year_on_year_and_unit_scope(small, district):
    everywhere = value('reconsideration.correction_rate', Params.year(2025))
    assert everywhere.value == 24.74 and everywhere.previous == 20.0 and everywhere.change == 4.7
    assert everywhere.change_display == '+4.7个百分点'
    street = value('reconsideration.correction_rate', Params.year(2025, unit=district.street))
    assert street.value is None and street.denominator == 0
    assert value('reconsideration.concluded', Params.year(2024, unit=district.street)).value == 40


def test_unit_officers_compute_over_their_own_cases_only(small, district):
    officer = district.users['street_officer']
    assert value('reconsideration.concluded', Params.year(2025, user=officer)).value == 0
    assert value('reconsideration.concluded', Params.year(2024, user=officer)).value == 40


def test_drill_down_returns_the_exact_cases(small):
    figure = FIGURES['reconsideration.correction_rate']
    corrected = records(figure, Params.year(2025))
    assert corrected.count() == 24 and set(corrected.values_list('outcome', flat=True)) == {'revoke'}
    assert records(figure, Params.year(2025), 'denominator').count() == 97


def test_breakdowns_by_domain_unit_and_month(small, district):
    figure = FIGURES['reconsideration.correction_rate']
    by_domain = {r['label']: r for r in breakdown(figure, Params.year(2025), 'domain')}
    assert by_domain['市场监督管理']['numerator'] + by_domain['公安交通管理']['numerator'] == 24
    by_unit = breakdown(figure, Params.year(2025), 'unit')
    assert [(r['label'], r['display']) for r in by_unit] == [('区市场监督管理局', '24.7%')]
    months = breakdown(FIGURES['reconsideration.concluded'], Params.year(2025), 'month')
    assert sum(r['value'] for r in months) == 97 and months[0]['label'] == '2025年02月'


def test_pending_is_a_stock_at_the_end_of_the_period(district):
    ledger(district.market, 2025, 3, 0)
    case = ReconsiderationCase(case_number='P1', received_on=dt.date(2025, 12, 20), applicant_names='乙',
                               respondent_unit=district.market, act_description='x', state='received')
    case.refresh_derived()
    with acting_as(None, label='system:test'):
        services.create(case)
    assert value('reconsideration.pending', Params.year(2025)).value == 1
    assert value('reconsideration.received', Params.year(2025)).value == 4


def test_definitions_are_catalogue_entries_of_plain_data():
    entry = FIGURES['reconsideration.correction_rate'].to_catalogue()
    assert entry['kind'] == 'rate' and entry['scale'] == 100 and entry['area'] == '行政复议'
    assert entry['numerator'] == {'source': 'reconsideration_case', 'kind': 'count', 'date': 'concluded_on',
                                  'where': [{'column': 'is_correction', 'eq': True}]}
    assert entry['denominator'] == {'source': 'reconsideration_case', 'kind': 'count', 'date': 'concluded_on'}
    pending = FIGURES['reconsideration.pending'].to_catalogue()['numerator']
    assert pending == {'source': 'reconsideration_case', 'kind': 'count', 'active': ['received_on', 'closed_on']}
    average = FIGURES['reconsideration.average_handling_days'].to_catalogue()
    assert average['kind'] == 'ratio' and average['numerator']['column'] == 'handling_days'


def test_the_24_2_percent_on_the_figures_page_in_the_drill_down_and_in_the_api(tongzhou, district, client):
    client.force_login(district.users['leader'])
    page = client.get(reverse('reconsideration:figures'), {'year': 2025})
    rows = {r.figure.code: r for r in page.context['rows']}
    assert rows['reconsideration.correction_rate'].display == '24.2%'
    assert 'reconsideration:figure_records' == page.context['records_url_name']
    drill = client.get(reverse('reconsideration:figure_records', args=['reconsideration.correction_rate']),
                       {'year': 2025})
    assert drill.status_code == 200 and drill.context['paginator'].count == 236
    by = client.get(reverse('reconsideration:figures'),
                    {'year': 2025, 'figure': 'reconsideration.correction_rate', 'by': 'domain'})
    assert len(by.context['breakdown']) == 2
    api = APIClient()
    api.force_authenticate(district.users['leader'])
    body = api.get('/api/reconsideration/figures/', {'year': 2025}).json()
    rate = next(f for f in body['figures'] if f['code'] == 'reconsideration.correction_rate')
    assert rate['display'] == '24.2%' and rate['numerator'] == 236 and rate['denominator'] == 977
    grouped = api.get('/api/reconsideration/figures/', {'year': 2025, 'figure': 'reconsideration.concluded',
                                                        'by': 'unit'}).json()
    assert grouped['rows'][0]['value'] == 977
    api.force_authenticate(district.users['auditor'])
    assert api.get('/api/reconsideration/figures/').status_code == 403


def test_condition_trees_compile_to_the_same_records(small):
    from fazhi.reconsideration.casework.figures import condition_q
    params = Params.year(2025)
    qs = ReconsiderationCase.objects.all()
    revoked_or_mediated = {'any': [{'column': 'outcome', 'eq': 'revoke'}, {'column': 'is_mediated', 'eq': True}]}
    assert qs.filter(condition_q(revoked_or_mediated, params)).count() == 24 + 10 + 8
    assert qs.filter(condition_q({'not': {'column': 'outcome', 'in': ['revoke', 'mediation']}}, params)).count() == 95
    assert qs.filter(condition_q([{'column': 'outcome', 'ne': 'uphold'}, {'column': 'domain', 'eq': 'market'}],
                                 params)).count() == 21
    assert qs.filter(condition_q({'column': 'concluded_on', 'le': '$end'}, params)).count() == 137
    assert qs.filter(condition_q({'column': 'accepted_on', 'lt_column': 'concluded_on'}, params)).count() == 137


def test_the_default_period_is_the_last_full_year(district):
    params = Params.from_query({}, district.users['leader'])
    assert params.start == dt.date(dt.date.today().year - 1, 1, 1) and params.label.endswith('年')
    assert Params.from_query({'year': 'x', 'unit': str(district.market.pk)}, district.users['leader']).unit == \
        district.market



def test_cases_open_at_the_year_end_are_counted_at_the_year_end(small, district):
    """Cases received and concluded in spring are not pending at the end of the year (the engine takes a list in
    force at the period's last month, not at the last month that had any)."""
    assert value('reconsideration.pending', Params.year(2024)).value == 0
    assert value('reconsideration.pending', Params.year(2024, unit=district.street)).value == 0
