"""The reconsideration figures, defined once and declaratively (see ../shared/reference/indicators.md).

Written in the indicator catalogue's vocabulary (`to_catalogue()` gives the entries of fazhi.indicators):
the table `reconsideration_case` keeps the model's field names; flags such as `is_correction` are derived
on every save so that each figure is a plain condition. `evaluate` computes them here for a unit (and its
subtree, by respondent unit) and a period.
"""
from __future__ import annotations

from typing import Any

from fazhi.indicators.ledger_figures import Figure, Measure, catalogue
from .choices import State

MODEL = 'reconsideration.ReconsiderationCase'
AREA = '行政复议'


def cases(date: str, *where: dict[str, Any], **kwargs: Any) -> Measure:
    return Measure(MODEL, date=date, where=list(where) or None, unit_field='respondent_unit', **kwargs)


def flag(column: str) -> dict[str, Any]:
    return {'column': column, 'eq': True}


CONCLUDED = cases('concluded_on')
BASIS = '《中华人民共和国行政复议法》'

FIGURES = catalogue(*(Figure(area=AREA, **f) for f in [
    dict(code='reconsideration.received', name='收到行政复议申请', numerator=cases('received_on'),
         definition_note='期内收到的行政复议申请件数'),
    dict(code='reconsideration.accepted', name='受理行政复议案件', numerator=cases('accepted_on'),
         definition_note='期内决定受理或视为受理的案件数'),
    dict(code='reconsideration.not_accepted', name='不予受理',
         numerator=cases('closed_on', {'column': 'state', 'eq': State.NOT_ACCEPTED.value}),
         definition_note='期内决定不予受理的申请数'),
    dict(code='reconsideration.concluded', name='审结行政复议案件', numerator=CONCLUDED,
         definition_note='期内审结（决定、调解、和解、撤回、终止）的案件数'),
    dict(code='reconsideration.pending', name='期末未结案件',
         numerator=Measure(MODEL, active=('received_on', 'closed_on'), unit_field='respondent_unit'),
         definition_note='期末前收到、至期末尚未办结（审结、不予受理或视为放弃）的案件数'),
    dict(code='reconsideration.corrected', name='直接纠错案件', numerator=cases('concluded_on', flag('is_correction')),
         definition_note='期内审结、决定撤销（含部分撤销）、变更、确认违法、确认无效或责令履行的案件数'),
    dict(code='reconsideration.correction_rate', name='直接纠错率', kind='rate', unit_of_measure='%',
         numerator=cases('concluded_on', flag('is_correction')), denominator=CONCLUDED, basis=BASIS,
         definition_note='直接纠错案件数 ÷ 期内审结案件数（分母为审结案件总数，与通州区等年度报告口径一致）'),
    dict(code='reconsideration.mediation_rate', name='调解和解结案率', kind='rate', unit_of_measure='%',
         numerator=cases('concluded_on', flag('is_mediated')), denominator=CONCLUDED,
         definition_note='以调解或和解方式结案的案件数 ÷ 期内审结案件数'),
    dict(code='reconsideration.litigation_share', name='复议后起诉占比', kind='rate', unit_of_measure='%',
         numerator=cases('concluded_on', flag('went_to_litigation')), denominator=CONCLUDED,
         definition_note='期内审结、后又就同一行为提起行政诉讼的案件数 ÷ 期内审结案件数（分母为审结数）'),
    dict(code='reconsideration.average_handling_days', name='平均办理天数', kind='ratio', unit_of_measure='日',
         numerator=cases('concluded_on', kind='sum', column='handling_days'), denominator=CONCLUDED,
         definition_note='期内审结案件自受理至审结的自然日数之和 ÷ 期内审结案件数'),
    dict(code='reconsideration.overdue', name='超期审结案件', numerator=cases('concluded_on', flag('decided_late')),
         definition_note='期内审结、审结日期晚于法定审理期限（含中止、延长）的案件数'),
]))
