"""Automatic scoring from the indicator engine: thresholds, linear, deductions that name their records, the
small-sample rule, re-basing for items that do not apply, totals, ranks and grades per category."""
from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi.assessment import scoring, services
from fazhi.assessment.models import CampaignUnit, Deduction, ItemScore
from fazhi.core.context import acting_as
from fazhi.indicators import service
from fazhi.indicators.definitions import get

from .conftest import score_of

pytestmark = pytest.mark.django_db


def test_opening_creates_entries_by_category_and_scores_thresholds_and_linear(campaign, district):
    entries = {e.unit.code: e for e in CampaignUnit.objects.filter(campaign=campaign)}
    assert set(entries) == {'T-D1', 'T-D2', 'T-S1', 'T-S2'}  # offices and the district itself are not assessed
    assert entries['T-S1'].category == 'street' and entries['T-D2'].category == 'department'
    s1 = score_of(campaign, district.street, '1.1')
    assert s1.score == Decimal('15.00') and s1.value == pytest.approx(98.0) and s1.denominator == 100
    assert '不低于 95' in s1.explanation and '98%（98/100）' in s1.explanation
    sat = score_of(campaign, district.street, '1.2')  # (90 - 70) / (95 - 70) × 20 = 16
    assert sat.score == Decimal('16.00') and '线性' in sat.explanation
    assert score_of(campaign, district.other_street, '1.1').score == Decimal('20.00')
    assert score_of(campaign, district.market, '1.1').score == Decimal('10.00')  # 46/50 = 92%


def test_small_sample_is_scored_by_the_stated_rule_not_by_luck(campaign, district):
    small = score_of(campaign, district.justice, '1.1')  # 10 tickets, all answered: 100% on a tiny sample
    assert small.small_sample and not small.applicable and small.score is None
    assert '样本量 10 少于最少样本 30' in small.fairness_note and '按适用项折算' in small.explanation
    entry = CampaignUnit.objects.get(campaign=campaign, unit=district.justice)
    assert entry.applicable_points == Decimal('60.00')  # 100 − 1.1 − 1.2 (both small samples)


def test_every_deduction_names_a_record_behind_the_figure(campaign, district):
    score = score_of(campaign, district.street, '2.1')
    deductions = list(score.deductions.order_by('sort_order'))
    assert len(deductions) == 3 and score.score == Decimal('4.00')  # 10 − 3 × 2
    assert [d.record_key for d in deductions] == ['T-S1-Z000', 'T-S1-Z001', 'T-S1-Z002']
    assert deductions[0].reason == '扣2分：隐患T-S1-Z000（2025-05-12发现）至计分日尚未整改'
    assert all(d.source == 'hazard' and d.part == 'denominator' for d in deductions)
    # the same records are those of the figure's drill-down: in the denominator, not in the numerator
    indicator = get('hazard.rectification_rate')
    with service.store() as con:
        den = service.records(con, indicator, 'denominator', 'T-S1', campaign.period_obj, limit=1000)[0].rows
        num = service.records(con, indicator, 'numerator', 'T-S1', campaign.period_obj, limit=1000)[0].rows
    missing = set(den.hazard_no) - set(num.hazard_no)
    assert missing == {d.record_key for d in deductions}
    assert '应达标而未达标的记录 3 条' in score.explanation and '共扣 6 分' in score.explanation


def test_no_occurrences_means_full_marks_with_the_reason(campaign, district):
    clean = score_of(campaign, district.other_street, '2.1')
    assert clean.score == Decimal('10.00') and not clean.deductions.exists() and '没有' in clean.explanation
    none = score_of(campaign, district.market, '2.1')  # no hazards at all for this department
    assert none.score == Decimal('10.00') and '本期没有应统计的事项' in none.explanation


def test_items_that_do_not_apply_are_rebased(campaign, district):
    street_item = score_of(campaign, district.street, '3.1')
    assert not street_item.applicable and street_item.state == 'not_applicable'
    entry = CampaignUnit.objects.get(campaign=campaign, unit=district.street)
    assert entry.applicable_points == Decimal('70.00')  # 3.1 (30) does not apply to streets
    assert entry.raw_score == Decimal('35.00')  # 15 + 16 + 4, manual 2.2 pending
    assert entry.total == Decimal('50.00') and entry.pending_items == 1 and not entry.complete


def test_rankings_are_per_category_with_sizes(campaign, district):
    groups = {g['code']: g for g in services.grouped_ranking(campaign)}
    assert groups['street']['size'] == 2 and groups['department']['size'] == 2
    streets = [e.unit.code for e in groups['street']['entries']]
    assert streets == ['T-S2', 'T-S1']  # T-S2: (20 + 8 + 10) / 70 = 54.29; T-S1: 50
    assert [e.rank for e in groups['street']['entries']] == [1, 2]
    assert all(e.category_size == 2 for e in groups['street']['entries'])


def test_rescoring_follows_new_data_and_replaces_deductions(campaign, district, store):
    import duckdb
    con = duckdb.connect(str(store))
    con.execute("UPDATE hazard SET rectified_on = DATE '2025-06-01' WHERE hazard_no = 'T-S1-Z001'")
    con.close()
    with acting_as(None, label='system:test'):
        counts = services.score_automatic(campaign)
    assert counts['changed'] >= 1
    score = score_of(campaign, district.street, '2.1')
    assert score.score == Decimal('6.00')
    assert sorted(score.deductions.values_list('record_key', flat=True)) == ['T-S1-Z000', 'T-S1-Z002']


def test_deduction_cap_and_long_lists(district):
    item = type('Item', (), {'rule': {'type': 'deduction', 'indicator': 'hazard.rectification_rate', 'key': 'hazard_no',
                                      'each': 1, 'cap': 5, 'occurrences': 'shortfall'},
                             'rule_type': 'deduction', 'points': Decimal(5)})()
    records = [('denominator', f'Z{i}', {'hazard_no': f'Z{i}'}) for i in range(250)]
    figure = scoring.Figure(0.0, 0.0, 250.0, False)
    outcome = scoring.evaluate(item, figure, system_rule='rebase', records=records)
    assert outcome.score == Decimal('0.00')
    assert len(outcome.deductions) == scoring.MAX_LISTED + 1
    assert sum(d.points for d in outcome.deductions) == Decimal('5.00')
    assert outcome.deductions[5].reason.startswith('（已达扣分上限')
    assert outcome.deductions[-1].reason.startswith('另有 50 条记录')


def test_category_mean_rule_for_small_samples(store, district):
    from fazhi.core import workflow

    from .conftest import SYSTEM, system
    text = SYSTEM.replace('small_sample: rebase', 'small_sample: category_mean')
    with acting_as(None, label='system:test'):
        found = services.create_campaign(name='均值规则', period='2025', system=system(text))
        found = workflow.apply(found, 'open', step_on=None)
    small = score_of(found, district.justice, '1.1')  # 司法局: 10 tickets; the only other department scored 10/20
    assert small.applicable and small.score == Decimal('10.00')
    assert '同类 1 个单位平均得分率 50%' in small.explanation
    assert ItemScore.objects.filter(entry__campaign=found, small_sample=True).count() == 2
    assert Deduction.objects.filter(score__entry__campaign=found).count() == 3
