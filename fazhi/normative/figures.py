"""Figures of normative documents, in the indicator catalogue's vocabulary (fazhi.indicators.ledger_figures).

报备率 = 已报备 ÷ 应报备（当期公布）; 报备及时率 = 在时限内报备 ÷ 应报备; 规范率 = 备案审查认定材料齐全、格式规范 ÷
已完成备案审查的报备文件 (working definitions: 示范指标 No.27 names the rates, not their formulas)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.indicators.ledger_figures import Figure, Measure, eq, one_of, present
from fazhi.legality.figurekit import FigureValue, compute_all

from .choices import PUBLISHED_STATES, CleanupDecision, EventKind

DOC = 'normative.NormativeDocument'
AREA = '行政规范性文件'
BASIS = '《市县法治政府建设示范指标体系》第27项'
PUBLISHED = one_of('state', [s.value for s in PUBLISHED_STATES])


def _published(*where: dict[str, Any]) -> Measure:
    return Measure(DOC, 'published_on', where=[PUBLISHED, *where])


def _rate(code: str, name: str, numerator: Measure, denominator: Measure, note: str, basis: str = BASIS) -> Figure:
    return Figure(f'normative.{code}', name, AREA, numerator, denominator, kind='rate', unit_of_measure='%',
                  definition_note=note, basis=basis)


def _cleaned(code: str, name: str, decision: CleanupDecision | None = None) -> Figure:
    where = eq('decision', decision.value) if decision else None
    return Figure(f'normative.{code}', name, AREA, Measure('normative.CleanupItem', 'closed_on', where),
                  definition_note='当期完成的清理中' + (f'结论为“{decision.label}”的文件' if decision else '涉及的文件'))


FIGURES: list[Figure] = [
    Figure('normative.published', '公布规范性文件数', AREA, _published(), definition_note='当期公布的行政规范性文件'),
    _rate('filing_rate', '规范性文件报备率', _published(present('filed_on')), _published(), '已报备 ÷ 应报备（当期公布）'),
    _rate('filing_timeliness', '规范性文件报备及时率', _published(eq('filed_on_time', True)), _published(),
          '在报备期限内（公布之日起30日，可配置）报备 ÷ 应报备（当期公布）'),
    _rate('filing_conformity', '规范性文件报备规范率', _published(eq('filing_materials_conforming', True)),
          _published(present('filed_on'), present('filing_reviewed_on')),
          '备案审查认定材料齐全、格式规范 ÷ 已完成备案审查的报备文件'),
    _rate('review_rate', '规范性文件合法性审核率', _published(present('review_passed_on')), _published(),
          '经合法性审核后公布 ÷ 当期公布', basis=''),
    Figure('normative.amended', '修改规范性文件数', AREA,
           Measure('normative.DocumentEvent', 'occurred_on', eq('kind', EventKind.AMENDMENT.value)),
           definition_note='当期施行修改后文本的次数（修改事件数）'),
    Figure('normative.repealed', '废止规范性文件数', AREA, Measure(DOC, 'repealed_on', eq('state', 'repealed')),
           definition_note='当期废止的文件'),
    _cleaned('cleanup.total', '清理规范性文件数'),
    _cleaned('cleanup.repeal', '清理中决定废止数', CleanupDecision.REPEAL),
    _cleaned('cleanup.amend', '清理中决定修改数', CleanupDecision.AMEND),
    _cleaned('cleanup.keep', '清理中决定继续有效数', CleanupDecision.KEEP),
]


def compute(unit: Any, start: dt.date, end: dt.date) -> list[FigureValue]:
    """Every figure of this line for a unit (with its subtree) and period, from the application database."""
    return compute_all(FIGURES, unit, start, end)
