"""Figures written next to their ledgers (fazhi.indicators.ledger_figures) join the engine's catalogue."""
from __future__ import annotations

from fazhi.indicators.definitions import catalogue, indicator_from_dict
from fazhi.indicators.ledger_figures import Figure, Measure, eq, present


def test_ledger_figures_are_in_the_catalogue():
    cat = catalogue()
    for code in ('reconsideration.correction_rate', 'normative.filing_rate', 'normative.filing_timeliness',
                 'litigation.head_appearance_rate', 'decisions.adoption_rate', 'legality.suggestions'):
        assert code in cat, code
    filing = cat['normative.filing_rate']
    assert filing.kind == 'rate' and filing.scale == 100
    assert {'column': 'filed_on', 'not_null': True} in filing.numerator[0].where
    assert filing.denominator[0].date == 'published_on'


def test_a_declaration_becomes_a_catalogue_entry():
    doc = 'normative.NormativeDocument'
    figure = Figure('x.rate', '比率', '测试', Measure(doc, 'published_on', [present('filed_on'), eq('state', 'ok')]),
                    Measure(doc, 'published_on'), kind='rate', unit_of_measure='%')
    indicator = indicator_from_dict(figure.to_catalogue())
    assert indicator.scale == 100 and indicator.numerator[0].source == 'normative_document'
    assert indicator.numerator[0].where == [{'column': 'filed_on', 'not_null': True}, {'column': 'state', 'eq': 'ok'}]
    assert Measure(doc, 'published_on').unit_path == 'unit'  # the model's own unit_lookup
    open_cases = Measure('reconsideration.ReconsiderationCase', active=('received_on', 'closed_on'))
    assert open_cases.to_catalogue() == {'source': 'reconsideration_case', 'kind': 'count',
                                         'active': ['received_on', 'closed_on']}
