"""The highlighted text: every piece names the facts and findings that cover it; nothing else changes."""
from __future__ import annotations

import re
from decimal import Decimal
from html import unescape

from django.utils.html import strip_tags

from fazhi.reports_intel.highlight import render
from fazhi.reports_intel.models import ReportFact, ReportFinding

TEXT = '首页<导航>\n报备率、及时率、规范率均达100%。审结977件，纠错236件。\n审结977件，纠错236件。'


def fact(pk, text, unit='%', value='100', indicator=''):
    start = TEXT.index(text)
    return ReportFact(pk=pk, seq=pk, text=text, start=start, end=start + len(text), value=Decimal(value), unit=unit,
                      indicator=indicator, period=2022, subject='报备率')


def test_overlapping_spans_are_cut_not_nested():
    facts = [fact(1, '100%', indicator='normative.filing_rate'), fact(2, '100%'), fact(3, '977件', '件', '977')]
    first = TEXT.index('审结977件，纠错236件。')
    second = TEXT.index('审结977件，纠错236件。', first + 1)
    finding = ReportFinding(pk=9, seq=1, kind='duplicate_paragraph', message='段落重复',
                            spans=[[first, first + 13], [second, second + 13]], texts=['审结977件', '审结977件'])
    html = render(TEXT, facts, [finding], noise=[(0, 6)], names={'normative.filing_rate': '规范性文件报备率'})
    assert unescape(strip_tags(html)) == TEXT  # the text itself is untouched
    assert '&lt;导航&gt;' in html and '<span class="noise">' in html
    shared = re.search(r'data-facts="1,2"[^>]*title="([^"]*)"', html)
    assert shared and '规范性文件报备率（normative.filing_rate）' in shared.group(1)
    assert re.search(r'class="hl hl-fact hl-finding" data-facts="3" title="[^"]*" data-findings="1"', html)
    assert 'id="fact-1"' in html and 'id="fact-3"' in html
    assert 'id="finding-1"' in html and 'id="finding-1-1"' in html
    assert html.count('id="fact-1"') == 1
