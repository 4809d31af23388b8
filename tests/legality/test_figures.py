"""Figures of legality review (declarative specs) and the counts by unit and type."""
from __future__ import annotations

import datetime as dt
import json

from django.urls import reverse

from fazhi.core import workflow
from fazhi.core.context import acting_as
from fazhi.legality import figures
from fazhi.legality.figurekit import year_bounds

from .helpers import adviser, engagement, review


def concluded(district, unit, matter_type, suggestions, on, **extra):
    obj = review(unit, matter_type=matter_type, received_on=dt.date(2025, 3, 3), **extra)
    with acting_as(None):
        workflow.apply(obj, 'assign', on=dt.date(2025, 3, 4), reviewer=district.users['legality_reviewer'])
        outcome = 'passed_with_changes' if suggestions else 'passed'
        workflow.apply(obj, 'conclude', on=on, outcome=outcome, opinion='意见', suggestion_count=suggestions)
    return obj


def values(unit, year=2025):
    return {f.code: f for f in figures.compute(unit, *year_bounds(year))}


def test_figure_specs_are_plain_data():
    for figure in figures.FIGURES:
        json.dumps(figure.to_dict())  # no ORM objects inside


def test_counts_suggestions_and_timeliness_roll_up_the_subtree(district):
    concluded(district, district.market, 'agency_decision', 2, dt.date(2025, 3, 6))
    concluded(district, district.market_office, 'major_decision', 1, dt.date(2025, 3, 7))
    concluded(district, district.street, 'contract', 0, dt.date(2025, 4, 30), is_major=True)  # late
    review(district.street)  # still open: not counted
    whole = values(district.district)
    assert whole['legality.reviews'].value == 3
    assert whole['legality.suggestions'].value == 3
    assert whole['legality.suggestions.decisions'].value == 3
    assert whole['legality.reviews.major_contract'].value == 1
    assert str(whole['legality.timeliness'].value) == '66.67'
    market = values(district.market)
    assert market['legality.reviews'].value == 2 and market['legality.timeliness'].value == 100
    assert values(district.district, 2024)['legality.timeliness'].value is None


def test_adviser_engagement_figures(district):
    chief = adviser(district.justice, is_chief=True)
    engagement(chief, 'meeting', quantity=3)
    engagement(chief, 'case')
    whole = values(district.district)
    assert whole['legality.adviser.meetings'].value == 3 and whole['legality.adviser.cases'].value == 1


def test_stats_and_figures_pages(district, client):
    concluded(district, district.market, 'agency_decision', 2, dt.date(2025, 3, 6))
    concluded(district, district.street, 'contract', 1, dt.date(2025, 3, 6))
    engagement(adviser(district.justice, is_chief=True), 'opinion')
    client.force_login(district.users['leader'])
    page = client.get(reverse('legality:review_stats'), {'year': 2025})
    assert page.status_code == 200
    assert page.context['reviews']['total'] == 2 and page.context['reviews']['suggestions'] == 3
    assert page.context['advisers']['chiefs'] == 1
    fig = client.get(reverse('legality:figures'), {'year': 2025, 'unit': district.district.pk})
    assert '合法性审查按期办结率' in fig.content.decode()
    client.force_login(district.users['unit_officer'])
    own = client.get(reverse('legality:review_stats'), {'year': 2025}).context['reviews']
    assert own['total'] == 1  # the street's request is outside the market bureau's scope
    other = client.get(reverse('legality:figures'), {'year': 2025, 'unit': district.street.pk})
    assert other.context['unit'] == district.market  # a unit outside the scope falls back to the own unit


def test_the_indicator_engine_computes_the_same_figures(district, settings, tmp_path):
    from .engine_kit import assert_engine_agrees
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    concluded(district, district.market, 'agency_decision', 2, dt.date(2025, 3, 6))
    concluded(district, district.street, 'contract', 1, dt.date(2025, 4, 30), is_major=True)
    engagement(adviser(district.justice, is_chief=True), 'meeting', quantity=3)
    seen = assert_engine_agrees(figures.FIGURES, [district.district, district.market, district.street], 2025)
    assert seen[('legality.suggestions', 'T')] == 3 and seen[('legality.adviser.meetings', 'T')] == 3
