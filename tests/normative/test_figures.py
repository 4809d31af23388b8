"""Filing rate, timeliness and conformity, clean-up counts: declarative specs computed for a unit and year."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from django.urls import reverse

from fazhi.core.context import acting_as
from fazhi.core.workflow import apply
from fazhi.legality.figurekit import year_bounds
from fazhi.normative import figures

from .helpers import published


def values(unit, year=2025):
    return {f.code: f for f in figures.compute(unit, *year_bounds(year))}


def test_specs_are_plain_data():
    for figure in figures.FIGURES:
        json.dumps(figure.to_dict())
    rate = next(f for f in figures.FIGURES if f.code == 'normative.filing_rate')
    assert rate.to_catalogue()['numerator'] == {
        'source': 'normative_document', 'kind': 'count', 'date': 'published_on',
        'where': [{'column': 'state', 'in': ['published', 'filed', 'repealed']}, {'column': 'filed_on', 'not_null': True}]}
    assert rate.to_catalogue()['scale'] == 100


def test_filing_rate_timeliness_and_conformity(district):
    reviewer = district.users['legality_reviewer']
    on_time = published(district.market, reviewer, dt.date(2025, 3, 20), filed_on=dt.date(2025, 4, 1))
    late = published(district.market_office, reviewer, dt.date(2025, 5, 6), filed_on=dt.date(2025, 7, 1))
    published(district.street, reviewer, dt.date(2025, 6, 2))  # never filed
    published(district.street, reviewer, dt.date(2024, 6, 3), filed_on=dt.date(2024, 6, 10))  # another year
    with acting_as(None):
        apply(on_time, 'filing_review', on=dt.date(2025, 4, 9), result='conforming', materials_conforming=True)
        apply(late, 'filing_review', on=dt.date(2025, 7, 9), result='corrected', materials_conforming=False)
    whole = values(district.district)
    assert whole['normative.published'].value == 3
    assert (whole['normative.filing_rate'].numerator, whole['normative.filing_rate'].denominator) == (2, 3)
    assert str(whole['normative.filing_rate'].value) == '66.67'
    assert str(whole['normative.filing_timeliness'].value) == '33.33'
    assert str(whole['normative.filing_conformity'].value) == '50.00'
    assert str(whole['normative.review_rate'].value) == '100.00'
    market = values(district.market)
    assert market['normative.filing_rate'].value == 100 and market['normative.filing_timeliness'].value == 50
    street = values(district.street)
    assert street['normative.filing_rate'].value == 0
    assert values(district.street, 2024)['normative.filing_rate'].value == 100


def test_figures_page_for_the_users_scope(district, client):
    published(district.market, district.users['legality_reviewer'], dt.date(2025, 3, 20), filed_on=dt.date(2025, 4, 1))
    client.force_login(district.users['leader'])
    page = client.get(reverse('normative:figures'), {'year': 2025})
    assert page.context['unit'] == district.district
    shown = {f.code: f.value for f in page.context['figures']}
    assert shown['normative.filing_rate'] == 100 and '规范性文件报备及时率' in page.content.decode()
    client.force_login(district.users['auditor'])
    assert client.get(reverse('normative:figures')).status_code == 403


def test_the_indicator_engine_computes_the_same_figures(district, settings, tmp_path):
    from fazhi.core.context import acting_as
    from fazhi.core.workflow import apply
    from tests.legality.engine_kit import assert_engine_agrees
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    reviewer = district.users['legality_reviewer']
    on_time = published(district.market, reviewer, dt.date(2025, 3, 20), filed_on=dt.date(2025, 4, 1))
    published(district.market_office, reviewer, dt.date(2025, 5, 6), filed_on=dt.date(2025, 7, 1))
    published(district.street, reviewer, dt.date(2025, 6, 2))
    with acting_as(None):
        apply(on_time, 'filing_review', on=dt.date(2025, 4, 9), result='conforming', materials_conforming=True)
        apply(on_time, 'repeal', on=dt.date(2025, 12, 1), reason='上位法修改')
    seen = assert_engine_agrees(figures.FIGURES, [district.district, district.market, district.street], 2025)
    assert seen[('normative.filing_rate', 'T')] == pytest.approx(66.67)
    assert seen[('normative.repealed', 'T-D2')] == 1
