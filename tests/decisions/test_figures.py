"""Figures of major decisions: catalogue and procedure rates, comment counts (declarative specs)."""
from __future__ import annotations

import datetime as dt
import json

from fazhi.core.context import acting_as
from fazhi.core.workflow import apply
from fazhi.decisions import figures
from fazhi.legality.figurekit import year_bounds

from .helpers import catalogue, comment, consulting, decision, publish, record


def values(unit, year=2025):
    return {f.code: f for f in figures.compute(unit, *year_bounds(year))}


def decide(d, on):
    with acting_as(None):
        return apply(d, 'decide', on=on, meeting='区政府常务会议', result='同意')


def test_specs_are_plain_data():
    for figure in figures.FIGURES:
        json.dumps(figure.to_dict())


def test_catalogue_and_procedure_rates(district):
    cat = catalogue(district)
    listed = decision(district, cat, title='列入目录的事项')
    publish(cat)
    outside = decision(district, None, unit=district.street, title='目录外事项')
    for d in (listed, outside):
        record(d, 'public_participation')
        record(d, 'legality_review')
    record(listed, 'expert_argument')
    record(listed, 'risk_assessment', status='exempted', exemption_reason='不涉及稳定风险')
    record(outside, 'expert_argument', status='exempted', exemption_reason='不涉及专业问题')
    record(outside, 'risk_assessment', status='exempted', exemption_reason='不涉及稳定风险')
    decide(listed, dt.date(2025, 6, 1))
    decide(outside, dt.date(2025, 7, 1))
    whole = values(district.district)
    assert whole['decisions.decided'].value == 2 and whole['decisions.catalogued'].value == 1
    assert str(whole['decisions.catalogue_rate'].value) == '50.00'
    assert whole['decisions.legality_review_rate'].value == 100
    assert whole['decisions.collective_decision_rate'].value == 100
    assert (whole['decisions.expert_argument_rate'].numerator, whole['decisions.expert_argument_rate'].denominator) == (1, 1)
    assert whole['decisions.risk_assessment_rate'].value is None  # exempted everywhere: no applicable decision
    assert values(district.street)['decisions.catalogue_rate'].value == 0


def test_comment_counts(district):
    d = consulting(district, opens=dt.date(2025, 4, 1))
    comment(d, '意见一', moderation='approved', disposition='adopted', disposition_reason='采纳', submitted_on=dt.date(2025, 4, 2))
    comment(d, '意见二', moderation='approved', disposition='not_adopted', disposition_reason='不采纳',
            submitted_on=dt.date(2025, 4, 3))
    comment(d, '意见三', moderation='rejected', moderation_reason='广告', submitted_on=dt.date(2025, 4, 4))
    whole = values(district.district)
    assert whole['decisions.comments'].value == 3 and whole['decisions.comments_published'].value == 2
    assert whole['decisions.comments_adopted'].value == 1 and whole['decisions.adoption_rate'].value == 50


def test_the_indicator_engine_computes_the_same_figures(district, settings, tmp_path):
    from tests.legality.engine_kit import assert_engine_agrees
    settings.ANALYTICS_DB = tmp_path / 'analytics.duckdb'
    cat = catalogue(district)
    listed = decision(district, cat, title='列入目录的事项')
    publish(cat)
    record(listed, 'public_participation')
    record(listed, 'legality_review')
    record(listed, 'expert_argument', status='exempted', exemption_reason='不涉及专业问题')
    record(listed, 'risk_assessment')
    decide(listed, dt.date(2025, 6, 1))
    open_one = consulting(district, opens=dt.date(2025, 4, 1), unit=district.street)
    comment(open_one, '意见一', moderation='approved', disposition='adopted', disposition_reason='采纳',
            submitted_on=dt.date(2025, 4, 2))
    comment(open_one, '意见二', submitted_on=dt.date(2025, 4, 3))
    seen = assert_engine_agrees(figures.FIGURES, [district.district, district.market, district.street], 2025)
    assert seen[('decisions.catalogue_rate', 'T')] == 100
    assert seen[('decisions.comments', 'T-S1')] == 2
