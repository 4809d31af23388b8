"""Year-on-year wording and the sentence templates: 增长/下降/持平 for counts, 上升/下降 … 个百分点 for rates; missing
figures are said to be missing (never invented), optional parts are left out, unknown indicators do not crash."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from fazhi.indicators.definitions import get
from fazhi.indicators.periods import Period
from fazhi.reports import phrasing
from fazhi.reports.compose import Composer
from fazhi.reports.figures import Value
from fazhi.reports.spec import get_spec, specs

COUNT = get('mediation.accepted')
RATE = get('mediation.success_rate')


@pytest.mark.parametrize('current,previous,expected', [
    (1113, 558, ('同比增长99.5%', 99.5)),  # 001: 1113件，同比增长99.5%
    (285, 199, ('同比增长43.2%', 43.2)),  # 001: 285件，同比增长43.2%
    (90, 100, ('同比下降10.0%', -10.0)),
    (100, 100, ('与上年持平', 0.0)),
    (100001, 100000, ('与上年基本持平', 0.0)),  # +0.001% rounds to 0.0
    (5, 0, None),  # no percentage change from zero
    (5, None, None),
])
def test_count_changes(current, previous, expected):
    assert phrasing.change_text(COUNT, current, previous) == expected


@pytest.mark.parametrize('current,previous,expected', [
    (68.08, 60.0, ('同比上升8.08个百分点', 8.08)),
    (24.2, 26.5, ('同比下降2.30个百分点', -2.3)),
    (99.93, 99.93, ('与上年持平', 0.0)),
    (90.0, None, None),
])
def test_rate_changes_are_in_percentage_points(current, previous, expected):
    assert phrasing.change_text(RATE, current, previous) == expected


def test_month_on_month_prefix_and_flat_words():
    assert phrasing.change_text(COUNT, 120, 100, prefix='环比', flat_words='与上月持平') == ('环比增长20.0%', 20.0)
    assert phrasing.change_text(COUNT, 100, 100, prefix='环比', flat_words='与上月持平') == ('与上月持平', 0.0)


def test_values_are_written_with_the_indicators_rounding_and_unit():
    assert phrasing.value_text(RATE, 68.08) == '68.08%'
    assert phrasing.value_text(COUNT, 43945.0) == '43945件'
    assert phrasing.count_text(236.0, '件') == '236件'
    assert [phrasing.chinese_number(n) for n in (1, 9, 10, 12, 20, 23)] == ['一', '九', '十', '十二', '二十', '二十三']


class Book:
    """A FigureBook stand-in: values by (code, unit, period label)."""

    def __init__(self, values):
        self.period = Period.parse('2025')
        self.previous = self.period.shifted(years=-1)
        self.prior = self.period.shifted(steps=-1)
        self.unit = SimpleNamespace(code='T', name='测试区人民政府', short_name='测试区', kind='district')
        self.units = {'T': self.unit}
        self.children = []
        self.as_of = None
        self.values = values

    def value(self, code, unit_code=None, period=None):
        return self.values.get((code, unit_code or 'T', (period or self.period).label))

    def records(self, indicator, unit_code, period):
        found = self.value(indicator.code, unit_code, period)
        return None if found is None else int(found.denominator or found.numerator)

    def month_values(self, code, year):
        return [(m, None) for m in range(1, 13)]


def composer(values):
    book = Book(values)
    return Composer(get_spec('annual'), unit=book.unit, year=2025, month=0, book=book, narratives={},
                    draw_charts=False)


def v(value, numerator=0.0, denominator=None):
    return Value(value, numerator, denominator, False)


def test_a_sentence_states_figures_and_registers_their_provenance():
    c = composer({('mediation.accepted', 'T', '2025'): v(683.0, 683.0),
                  ('mediation.accepted', 'T', '2024'): v(500.0, 500.0),
                  ('mediation.success_rate', 'T', '2025'): v(68.08, 465.0, 683.0)})
    runs = c.fill('共受理{mediation.accepted}[，{mediation.accepted:yoy}]，成功{mediation.success_rate:num:件}，'
                  '成功率{mediation.success_rate}。')
    assert ''.join(r.text for r in runs) == '共受理683件，同比增长36.6%，成功465件，成功率68.08%。'
    figures = c.draft.figures
    assert [(f.part, f.text, f.value) for f in figures] == [
        ('value', '683件', 683.0), ('change', '同比增长36.6%', 36.6), ('numerator', '465件', 465.0),
        ('value', '68.08%', 68.08)]
    assert figures[1].compared_period == '2024' and figures[3].records == 683
    assert [r.ref for r in runs if r.ref] == [1, 2, 3, 4]


def test_an_optional_part_is_left_out_when_there_is_no_earlier_value():
    c = composer({('mediation.accepted', 'T', '2025'): v(683.0, 683.0)})
    runs = c.fill('共受理{mediation.accepted}[，{mediation.accepted:yoy}]。')
    assert ''.join(r.text for r in runs) == '共受理683件。'
    assert len(c.draft.figures) == 1  # the left-out change is not in the provenance


def test_missing_data_becomes_a_note_and_a_gap_never_a_number():
    c = composer({})
    c.text({'text': '全年共收到行政复议申请{reconsideration.no_such_figure}。'}, None)
    c.text({'text': '受理调解案件{mediation.accepted}。'}, None)
    c.text({'text': '受理调解案件{mediation.accepted}。', 'when_empty': 'omit'}, None)
    paragraphs = [b.text for b in c.draft.blocks if b.kind == 'paragraph']
    assert paragraphs == ['【数据暂缺：指标“reconsideration.no_such_figure”尚未纳入指标目录】',
                          '【数据暂缺：测试区人民政府2025年“受理调解案件数”暂无数据】']  # the omitted one leaves no trace
    assert [g.indicator for g in c.draft.gaps] == ['reconsideration.no_such_figure', 'mediation.accepted',
                                                    'mediation.accepted']
    assert c.draft.figures == []


def test_narratives_keep_their_text_and_may_carry_figures():
    c = composer({('mediation.success_rate', 'T', '2025'): v(68.08, 465.0, 683.0)})
    c.narratives = {'opening': ('第一段，成功率{mediation.success_rate}。\n第二段{reconsideration.no_such_figure}。', 3)}
    c.narrative({'narrative': 'opening'}, None)
    texts = [b.text for b in c.draft.blocks]
    assert texts == ['第一段，成功率68.08%。', '第二段【数据暂缺：指标“reconsideration.no_such_figure”尚未纳入指标目录】。']
    assert c.draft.narratives == {'opening': 3}


def test_every_template_loads_and_names_its_narratives():
    assert set(specs()) == {'annual', 'department', 'whitepaper', 'bulletin'}
    annual = get_spec('annual')
    assert {'shortcomings', 'leaders', 'plans'} <= {n.key for n in annual.narratives}
    assert 'hotline.response_rate' in annual.indicator_codes()
    assert get_spec('bulletin').grain == 'month' and get_spec('whitepaper').toc


def test_the_annual_report_has_the_four_mandated_parts():
    c = composer({})
    draft = c.compose()
    parts = [b.heading_text for b in draft.headings() if b.level == 1]
    assert parts == ['一、2025年推进法治政府建设的主要举措和成效', '二、2025年推进法治政府建设存在的不足',
                     '三、2025年党政主要负责人履行推进法治建设第一责任人职责情况', '四、2026年推进法治政府建设的主要安排']
    points = [b.text.split('。')[0] for b in draft.blocks if b.kind == 'paragraph' and b.runs and b.runs[0].bold]
    assert points[0] == '1.深入学习贯彻习近平法治思想' and points[-1].startswith(f'{len(points)}.')
