"""Figures of major administrative decisions, in the indicator catalogue's vocabulary (fazhi.indicators.ledger_figures).

Procedure rates are taken over the procedures of the decisions made in the period (each procedure carries its
decision's date): a procedure counts as applicable unless a lawful exemption was recorded (practice; the
formulas are not fixed nationally)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.indicators.ledger_figures import Figure, Measure, eq, one_of, present
from fazhi.legality.figurekit import FigureValue, compute_all

from .choices import Disposition, Moderation, ProcedureKind, ProcedureStatus

DECISION = 'decisions.MajorDecision'
PROCEDURE = 'decisions.DecisionProcedure'
COMMENT = 'decisions.PublicComment'
AREA = '重大行政决策'
ADOPTED = [Disposition.ADOPTED.value, Disposition.PARTLY.value]


def _procedure_rate(kind: ProcedureKind, code: str) -> Figure:
    done = Measure(PROCEDURE, 'decided_on', [eq('kind', kind.value), eq('status', ProcedureStatus.DONE.value)])
    applicable = Measure(PROCEDURE, 'decided_on', [eq('kind', kind.value), one_of(
        'status', [ProcedureStatus.PENDING.value, ProcedureStatus.DONE.value])])
    return Figure(f'decisions.{code}_rate', f'重大行政决策{kind.label}履行率', AREA, done, applicable, kind='rate',
                  unit_of_measure='%', definition_note=f'当期作出的决策中已履行{kind.label}的 ÷ 应当履行（未依法登记不适用）的',
                  basis='《重大行政决策程序暂行条例》')


def _comments(*where: dict[str, Any]) -> Measure:
    return Measure(COMMENT, 'submitted_on', list(where) or None)


def _count(code: str, name: str, measure: Measure, unit: str = '件', note: str = '') -> Figure:
    return Figure(f'decisions.{code}', name, AREA, measure, unit_of_measure=unit, definition_note=note)


DECIDED = Measure(DECISION, 'decided_on')

FIGURES: list[Figure] = [
    _count('catalogued', '列入目录的重大行政决策事项数', Measure(DECISION, 'listed_on'), note='当期公布的决策事项目录所列事项'),
    _count('decided', '作出重大行政决策数', DECIDED),
    Figure('decisions.catalogue_rate', '重大行政决策目录管理率', AREA, Measure(DECISION, 'decided_on', present('listed_on')),
           DECIDED, kind='rate', unit_of_measure='%', definition_note='当期作出的决策中列入已公布目录的 ÷ 当期作出的决策'),
    _procedure_rate(ProcedureKind.PUBLIC_PARTICIPATION, 'public_participation'),
    _procedure_rate(ProcedureKind.EXPERT_ARGUMENT, 'expert_argument'),
    _procedure_rate(ProcedureKind.RISK_ASSESSMENT, 'risk_assessment'),
    _procedure_rate(ProcedureKind.LEGALITY_REVIEW, 'legality_review'),
    _procedure_rate(ProcedureKind.COLLECTIVE_DECISION, 'collective_decision'),
    _count('comments', '收到公众意见数', _comments(), '条'),
    _count('comments_published', '公开的公众意见数', _comments(eq('moderation', Moderation.APPROVED.value)), '条'),
    _count('comments_adopted', '采纳（含部分采纳）公众意见数', _comments(one_of('disposition', ADOPTED)), '条'),
    Figure('decisions.adoption_rate', '公众意见采纳率', AREA, _comments(one_of('disposition', ADOPTED)),
           _comments(one_of('disposition', [*ADOPTED, Disposition.NOT_ADOPTED.value])), kind='rate', unit_of_measure='%',
           definition_note='采纳和部分采纳的意见 ÷ 已提出处理意见的意见'),
    _count('evaluations', '开展决策后评估数', Measure('decisions.DecisionEvaluation', 'completed_on')),
]


def compute(unit: Any, start: dt.date, end: dt.date) -> list[FigureValue]:
    """Every figure of this line for a unit (with its subtree) and period, from the application database."""
    return compute_all(FIGURES, unit, start, end)
