"""Figures of legality review and legal advisers, declared once (see figurekit) for the indicator engine."""
from __future__ import annotations

import datetime as dt
from typing import Any

from .choices import MatterType, ReviewState
from .figurekit import Figure, FigureValue, Measure, compute_all

REVIEW = 'legality.ReviewRequest'
ENGAGEMENT = 'legality.AdviserEngagement'
CONCLUDED = {'state': ReviewState.CONCLUDED.value}


def _concluded(**where: Any) -> Measure:
    return Measure(REVIEW, 'concluded_on', where={**CONCLUDED, **where})


def _engagements(kind: str) -> Measure:
    return Measure(ENGAGEMENT, 'occurred_on', where={'kind': kind}, sum_field='quantity')


FIGURES: list[Figure] = [
    Figure('legality.reviews', '合法性审查事项数', _concluded(), definition='当期出具审查意见的事项数'),
    Figure('legality.reviews.major_decision', '审查重大行政决策事项数',
           _concluded(matter_type=MatterType.MAJOR_DECISION.value)),
    Figure('legality.reviews.agency_decision', '审查行政机关决策事项数',
           _concluded(matter_type=MatterType.AGENCY_DECISION.value)),
    Figure('legality.reviews.normative_document', '审核行政规范性文件数',
           _concluded(matter_type=MatterType.NORMATIVE_DOCUMENT.value)),
    Figure('legality.reviews.major_contract', '审查重大合同、协议数',
           _concluded(matter_type__in=[MatterType.CONTRACT.value, MatterType.AGREEMENT.value], is_major=True)),
    Figure('legality.suggestions', '提出意见建议数', Measure(REVIEW, 'concluded_on', where=CONCLUDED,
                                                         sum_field='suggestion_count'), unit='条',
           definition='当期出具的审查意见中提出的意见建议条数之和'),
    Figure('legality.suggestions.decisions', '对决策事项提出意见建议数',
           Measure(REVIEW, 'concluded_on', sum_field='suggestion_count', where={
               **CONCLUDED, 'matter_type__in': [MatterType.MAJOR_DECISION.value, MatterType.AGENCY_DECISION.value]}),
           unit='条', definition='重大行政决策事项和行政机关决策事项审查中提出的意见建议条数'),
    Figure('legality.timeliness', '合法性审查按期办结率', _concluded(on_time=True), _concluded(), unit='%',
           definition='在审查期限内出具意见的事项 ÷ 当期出具意见的事项'),
    Figure('legality.adviser.meetings', '法律顾问列席会议次数', _engagements('meeting'), unit='次'),
    Figure('legality.adviser.documents', '法律顾问审查文件件数', _engagements('document')),
    Figure('legality.adviser.cases', '法律顾问代理案件件数', _engagements('case')),
    Figure('legality.adviser.opinions', '法律顾问出具法律意见件数', _engagements('opinion')),
]


def compute(unit: Any, start: dt.date, end: dt.date) -> list[FigureValue]:
    """Every figure of this line for a unit (with its subtree) and period, from the application database."""
    return compute_all(FIGURES, unit, start, end)
