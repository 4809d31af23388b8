"""The litigation figures, defined once and declaratively in the indicator catalogue's vocabulary
(tables `lawsuit`, `court_hearing`, `judicial_suggestion`, keeping the models' field names)."""
from __future__ import annotations

from typing import Any

from fazhi.indicators.ledger_figures import Figure, Measure, catalogue

from .choices import Instance

LAWSUIT = 'litigation.Lawsuit'
AREA = '行政应诉'
FIRST = {'column': 'instance', 'eq': Instance.FIRST.value}


def suits(date: str, *where: dict[str, Any], **kwargs: Any) -> Measure:
    return Measure(LAWSUIT, date=date, where=list(where) or None, unit_field='defendant_unit', **kwargs)


def hearings(*where: dict[str, Any]) -> Measure:
    return Measure('litigation.CourtHearing', date='held_on', where=list(where) or None,
                   unit_field='lawsuit__defendant_unit', group_field='lawsuit__domain')


def suggestions(date: str, *where: dict[str, Any]) -> Measure:
    return Measure('litigation.JudicialSuggestion', date=date, where=list(where) or None,
                   unit_field='lawsuit__defendant_unit', group_field='lawsuit__domain')


FIGURES = catalogue(*(Figure(area=AREA, **f) for f in [
    dict(code='litigation.received', name='新收行政诉讼案件', numerator=suits('complaint_received_on'),
         definition_note='期内收到起诉状（上诉状）副本的案件数，含一审、二审、再审'),
    dict(code='litigation.first_instance_received', name='新收一审行政诉讼案件',
         numerator=suits('complaint_received_on', FIRST), definition_note='期内收到起诉状副本的一审案件数'),
    dict(code='litigation.concluded', name='审结行政诉讼案件', numerator=suits('concluded_on'),
         definition_note='期内作出裁判、准予撤诉或调解结案的案件数（各审级）'),
    dict(code='litigation.pending', name='期末未结行政诉讼案件',
         numerator=Measure(LAWSUIT, active=('complaint_received_on', 'concluded_on'), unit_field='defendant_unit'),
         definition_note='期末前收到、至期末尚未审结的案件数'),
    dict(code='litigation.first_instance_concluded', name='一审审结案件', numerator=suits('concluded_on', FIRST),
         definition_note='期内一审审结的案件数'),
    dict(code='litigation.lost', name='一审败诉案件', numerator=suits('concluded_on', FIRST,
                                                                 {'column': 'lost', 'eq': True}),
         definition_note='期内一审判决撤销、确认违法或无效、责令履行、履行给付、变更、赔偿或补偿的案件数'),
    dict(code='litigation.loss_rate', name='行政诉讼一审败诉率', kind='rate', unit_of_measure='%',
         numerator=suits('concluded_on', FIRST, {'column': 'lost', 'eq': True}),
         denominator=suits('concluded_on', FIRST), basis='《中华人民共和国行政诉讼法》',
         definition_note='一审败诉案件数 ÷ 期内一审审结案件数（撤诉不计为败诉）'),
    dict(code='litigation.hearings', name='开庭次数', numerator=hearings(), definition_note='期内开庭审理的次数'),
    dict(code='litigation.head_appearances', name='负责人出庭应诉次数',
         numerator=hearings({'column': 'head_appeared', 'eq': True}),
         definition_note='期内行政机关正职、副职或其他参与分管的负责人出庭应诉的庭次'),
    dict(code='litigation.principal_head_appearances', name='正职负责人出庭应诉次数',
         numerator=hearings({'column': 'principal_head', 'eq': True}), definition_note='期内正职负责人出庭应诉的庭次'),
    dict(code='litigation.head_appearance_rate', name='负责人出庭应诉率', kind='rate', unit_of_measure='%',
         numerator=hearings({'column': 'head_appeared', 'eq': True}), denominator=hearings(),
         basis='《行政机关负责人出庭应诉规定》', definition_note='负责人出庭应诉的庭次 ÷ 期内开庭审理的庭次（按庭次计）'),
    dict(code='litigation.suggestions_received', name='收到司法建议', numerator=suggestions('received_on'),
         definition_note='期内收到的司法建议数'),
    dict(code='litigation.suggestions_replied', name='已答复司法建议',
         numerator=suggestions('received_on', {'column': 'replied_on', 'not_null': True}),
         definition_note='期内收到且已书面答复的司法建议数'),
    dict(code='litigation.suggestion_reply_rate', name='司法建议答复率', kind='rate', unit_of_measure='%',
         numerator=suggestions('received_on', {'column': 'replied_on', 'not_null': True}),
         denominator=suggestions('received_on'), definition_note='已答复的司法建议 ÷ 期内收到的司法建议'),
]))
