"""A store holding the source documents' counts reproduces the rates they report."""
from __future__ import annotations

import pandas as pd
import pytest

from fazhi.indicators import engine
from fazhi.indicators.definitions import get

from .conftest import WINDOW, value

KEYS = ['unit_code', 'grain', 'period']

SEED_FIGURES = [
    ('enforcement.penalty_power_inspection_rate', 'D', 99.17, 5827, 5876),   # 002
    ('enforcement.staff_participation_rate', 'D', 96.30, 2782, 2889),        # 002
    ('enforcement.exam_pass_rate', 'D', 97.50, 234, 240),                    # 002
    ('hotline.response_rate', 'D', 99.93, 9993, 10000),                      # 001
    ('hotline.resolution_rate', 'D', 93.81, 9381, 10000),                    # 001
    ('hotline.satisfaction_rate', 'D', 94.93, 9493, 10000),                  # 001
    ('mediation.success_rate', 'D', 68.08, 465, 683),                        # 002
    ('credit.grade_a', 'D', 32063, 32063, None),                             # 001
    ('credit.grade_d', 'M', 1996, 1996, None),                               # 001
    ('powers.items', 'D', 5663, 5663, None),                                 # 003: 99 + 512 + 5052
    ('hazard.rectification_rate', 'D', 98.0, 49, 50),                        # 001: 98%
]


@pytest.mark.parametrize('code,unit,expected,num,den', SEED_FIGURES)
def test_seed_figure_is_reproduced(duck_results, code, unit, expected, num, den):
    row = value(duck_results, code, unit)
    assert row.value == pytest.approx(expected)
    assert row.numerator == num
    if den is not None:
        assert row.denominator == den


def test_figures_roll_up_the_unit_tree(duck_results):
    assert value(duck_results, 'powers.items', 'S1').value == 512
    assert value(duck_results, 'powers.items', 'M').value == 99
    assert value(duck_results, 'mediation.accepted', 'M').value == 683  # from its office M1
    # a street without mediations has no figure of its own (not somebody else's, not a count of them)
    assert not len(duck_results[(duck_results.indicator == 'mediation.accepted') & (duck_results.unit_code == 'S1')
                                & (duck_results.numerator > 0)])


def test_an_indicator_computed_alone_equals_the_same_in_the_catalogue(duck_results, duck):
    """Each indicator's rows come from its own measures only, never from what else ran in the batch."""
    for code in ('normative.published', 'mediation.accepted', 'hotline.response_rate'):
        alone = engine.compute(duck, [get(code)], WINDOW).sort_values(KEYS).reset_index(drop=True)
        together = duck_results[duck_results.indicator == code].sort_values(KEYS).reset_index(drop=True)
        pd.testing.assert_frame_equal(alone, together, check_dtype=False)


def test_months_quarters_and_years(duck_results):
    assert value(duck_results, 'mediation.accepted', 'D', '2025-03').value == 683
    assert value(duck_results, 'mediation.accepted', 'D', '2025-Q1').value == 683
    assert value(duck_results, 'mediation.accepted', 'D', '2024').value == 500


def test_lists_count_what_is_in_force_at_the_period_end(duck_results):
    # ten repealed powers were in force through 2024 but not in 2025
    assert value(duck_results, 'enforcement.penalty_powers', 'D', '2024').value == 5886
    assert value(duck_results, 'enforcement.penalty_powers', 'D', '2025').value == 5876


def test_on_time_rates_count_open_items_already_overdue(duck_results):
    # 4 requests: due 4-07 replied 4-01 (on time), due 4-07 replied 4-08 (late), due 4-07 open (not yet due at
    # as_of 4-10? it is due and open → overdue), due 3-20 open (overdue) → 1 on time of 4 due
    row = value(duck_results, 'disclosure.on_time_rate', 'D')
    assert (row.numerator, row.denominator) == (1, 4)
    assert row.value == pytest.approx(25.0)


def test_working_day_timeliness(duck_results):
    # 30 disclosed after 1 day, 5 after 20 days (beyond 7 working days), 5 never: 38 penalties (2 no-penalty)
    row = value(duck_results, 'enforcement.disclosure_timeliness', 'D')
    assert (row.numerator, row.denominator) == (30, 38)


def test_small_samples_are_flagged(duck_results):
    assert value(duck_results, 'petition.satisfaction_rate', 'D').small_sample == False  # noqa: E712 (min 0)
    assert bool(value(duck_results, 'hotline.response_rate', 'D').small_sample) is False
    rate = get('enforcement.staff_participation_rate')  # min_sample 10: 4 of 6 officers is a small sample
    measures = pd.DataFrame({'measure': [rate.numerator[0].key, rate.denominator[0].key], 'ancestor_code': 'M',
                             'grain': 'year', 'period': '2025', 'amount': [4, 6]})
    row = engine.assemble([rate], measures).iloc[0]
    assert (row.value, bool(row.small_sample)) == (66.67, True)


def test_catalogue_has_at_least_forty_indicators_with_chinese_names():
    from fazhi.indicators.definitions import catalogue
    cat = catalogue()
    assert len(cat) >= 40
    assert all(any('\u4e00' <= ch <= '\u9fff' for ch in i.name) for i in cat.values())


def test_drill_down_lists_exactly_the_records_of_a_figure(duck):
    import datetime as dt
    from fazhi.indicators import drilldown
    from fazhi.indicators.definitions import get
    from fazhi.indicators.periods import Period
    indicator = get('mediation.success_rate')
    num = drilldown.records(duck, indicator, 'numerator', 'M', Period.parse('2025'), dt.date(2025, 4, 10), limit=10)
    den = drilldown.records(duck, indicator, 'denominator', 'D', Period.parse('2025'), dt.date(2025, 4, 10))
    assert num[0].total == 465 and len(num[0].rows) == 10 and num[0].rows['success'].all()
    assert den[0].total == 683
    none = drilldown.records(duck, indicator, 'numerator', 'S1', Period.parse('2025'), dt.date(2025, 4, 10))
    assert none[0].total == 0
    month = drilldown.records(duck, indicator, 'denominator', 'D', Period.parse('2024-03'), dt.date(2025, 4, 10))
    assert month[0].total == 500


def test_an_empty_store_gives_no_figures_rather_than_failing():
    import datetime as dt
    from fazhi.indicators import engine, store
    from fazhi.indicators.definitions import catalogue
    from . import data
    con = store.connect_duckdb()
    for name, frame in store.unit_frames(data.UNITS).items():
        store.put(con, name, frame)
    window = engine.Window(dt.date(2025, 1, 1), dt.date(2025, 12, 31), dt.date(2025, 12, 31))
    result = engine.compute(con, catalogue().values(), window)
    assert result.empty and list(result.columns) == engine.RESULT_COLUMNS
