"""Figures written next to their ledgers (in either declarative style) join the engine's catalogue."""
from __future__ import annotations

from types import SimpleNamespace

from fazhi.indicators.definitions import _OrmFigure, catalogue


def test_ledger_figures_are_in_the_catalogue():
    cat = catalogue()
    for code in ('reconsideration.correction_rate', 'normative.filing_rate', 'normative.filing_timeliness'):
        assert code in cat, code
    filing = cat['normative.filing_rate']
    assert filing.kind == 'rate' and filing.scale == 100
    assert {'column': 'filed_on', 'not_null': True} in filing.numerator[0].where
    assert filing.denominator[0].date == 'published_on'


def test_orm_style_lookups_translate_and_relations_are_refused():
    measure = lambda **kw: SimpleNamespace(model='x.Doc', date_field='published_on', where=kw, sum_field=None)  # noqa
    fig = SimpleNamespace(code='x.rate', name='比率', unit='%', numerator=measure(filed_on__isnull=False, state='ok'),
                          denominator=measure(state__in=['a', 'b']), definition='', basis='')
    entry = _OrmFigure.adapt(fig).to_catalogue()
    assert entry['numerator']['where'] == [{'column': 'filed_on', 'not_null': True}, {'column': 'state', 'eq': 'ok'}]
    assert entry['denominator']['where'] == [{'column': 'state', 'in': ['a', 'b']}]
    joined = SimpleNamespace(code='x.n', name='数', unit='件', numerator=measure(campaign__state='closed'),
                             denominator=None, definition='', basis='')
    assert _OrmFigure.adapt(joined) is None
