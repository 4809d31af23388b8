"""Figures of legality review and legal advisers, in the indicator catalogue's vocabulary (fazhi.indicators.ledger_figures)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.indicators.ledger_figures import Figure, Measure, eq, one_of

from .choices import EngagementKind, MatterType, ReviewState
from .figurekit import FigureValue, compute_all

REVIEW = 'legality.ReviewRequest'
ENGAGEMENT = 'legality.AdviserEngagement'
AREA = '合法性审查'
CONCLUDED = eq('state', ReviewState.CONCLUDED.value)
DECISION_TYPES = [MatterType.MAJOR_DECISION.value, MatterType.AGENCY_DECISION.value]


def _concluded(*where: dict[str, Any], **kwargs: Any) -> Measure:
    return Measure(REVIEW, 'concluded_on', where=[CONCLUDED, *where], **kwargs)


def _count(code: str, name: str, *where: dict[str, Any], note: str = '') -> Figure:
    return Figure(f'legality.{code}', name, AREA, _concluded(*where), definition_note=note)


def _engagements(code: str, name: str, kind: EngagementKind, unit: str = '件') -> Figure:
    return Figure(f'legality.adviser.{code}', name, '法律顾问', Measure(ENGAGEMENT, 'occurred_on', eq('kind', kind.value),
                                                                 kind='sum', column='quantity'),
                  kind='sum', unit_of_measure=unit, definition_note=f'当期法律顾问{kind.label}的件（次）数之和')


FIGURES: list[Figure] = [
    _count('reviews', '合法性审查事项数', note='当期出具审查意见的事项数'),
    _count('reviews.major_decision', '审查重大行政决策事项数', eq('matter_type', MatterType.MAJOR_DECISION.value)),
    _count('reviews.agency_decision', '审查行政机关决策事项数', eq('matter_type', MatterType.AGENCY_DECISION.value)),
    _count('reviews.normative_document', '审核行政规范性文件数', eq('matter_type', MatterType.NORMATIVE_DOCUMENT.value)),
    _count('reviews.major_contract', '审查重大合同、协议数',
           one_of('matter_type', [MatterType.CONTRACT.value, MatterType.AGREEMENT.value]), eq('is_major', True)),
    Figure('legality.suggestions', '提出意见建议数', AREA, _concluded(kind='sum', column='suggestion_count'),
           kind='sum', unit_of_measure='条', definition_note='当期出具的审查意见中提出的意见建议条数之和'),
    Figure('legality.suggestions.decisions', '对决策事项提出意见建议数', AREA,
           _concluded(one_of('matter_type', DECISION_TYPES), kind='sum', column='suggestion_count'), kind='sum',
           unit_of_measure='条', definition_note='重大行政决策事项和行政机关决策事项审查中提出的意见建议条数'),
    Figure('legality.timeliness', '合法性审查按期办结率', AREA, _concluded(eq('on_time', True)), _concluded(),
           kind='rate', unit_of_measure='%', definition_note='在审查期限内出具意见的事项 ÷ 当期出具意见的事项'),
    _engagements('meetings', '法律顾问列席会议次数', EngagementKind.MEETING, '次'),
    _engagements('documents', '法律顾问审查文件件数', EngagementKind.DOCUMENT),
    _engagements('cases', '法律顾问代理案件件数', EngagementKind.CASE),
    _engagements('opinions', '法律顾问出具法律意见件数', EngagementKind.OPINION),
]


def compute(unit: Any, start: dt.date, end: dt.date) -> list[FigureValue]:
    """Every figure of this line for a unit (with its subtree) and period, from the application database."""
    return compute_all(FIGURES, unit, start, end)
