"""Figures of normative documents, declared once (see fazhi.legality.figurekit) for the indicator engine.

报备率 = 已报备 ÷ 应报备（当期公布）; 报备及时率 = 在时限内报备 ÷ 应报备; 规范率 = 备案审查认定材料齐全、格式规范 ÷
已完成备案审查的报备文件 (working definitions: 示范指标 No.27 names the rates, not their formulas)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.legality.figurekit import Figure, FigureValue, Measure, compute_all

from .choices import PUBLISHED_STATES, CleanupDecision, EventKind

DOC = 'normative.NormativeDocument'
PUBLISHED = {'state__in': [s.value for s in PUBLISHED_STATES]}


def _published(**where: Any) -> Measure:
    return Measure(DOC, 'published_on', where={**PUBLISHED, **where})


def _cleaned(**where: Any) -> Measure:
    return Measure('normative.CleanupItem', 'campaign__closed_on', unit_field='document__unit',
                   where={'campaign__state': 'closed', **where})


FIGURES: list[Figure] = [
    Figure('normative.published', '公布规范性文件数', _published(), definition='当期公布的行政规范性文件'),
    Figure('normative.filing_rate', '规范性文件报备率', _published(filed_on__isnull=False), _published(), unit='%',
           definition='已报备 ÷ 应报备（当期公布）', basis='《市县法治政府建设示范指标体系》第27项'),
    Figure('normative.filing_timeliness', '规范性文件报备及时率', _published(filed_on_time=True), _published(), unit='%',
           definition='在报备期限内（公布之日起30日，可配置）报备 ÷ 应报备', basis='《市县法治政府建设示范指标体系》第27项'),
    Figure('normative.filing_conformity', '规范性文件报备规范率',
           _published(filing_materials_conforming=True), _published(filed_on__isnull=False,
                                                                    filing_reviewed_on__isnull=False), unit='%',
           definition='备案审查认定材料齐全、格式规范 ÷ 已完成备案审查的报备文件', basis='《市县法治政府建设示范指标体系》第27项'),
    Figure('normative.review_rate', '规范性文件合法性审核率', _published(review_passed_on__isnull=False), _published(),
           unit='%', definition='经合法性审核后公布 ÷ 当期公布'),
    Figure('normative.amended', '修改规范性文件数',
           Measure('normative.DocumentEvent', 'occurred_on', 'document__unit', {'kind': EventKind.AMENDMENT.value}),
           definition='当期施行修改后文本的文件（修改事件数）'),
    Figure('normative.repealed', '废止规范性文件数', Measure(DOC, 'repealed_on', where={'state': 'repealed'})),
    Figure('normative.cleanup.total', '清理规范性文件数', _cleaned(), definition='当期完成的清理所涉及的文件'),
    Figure('normative.cleanup.repeal', '清理中决定废止数', _cleaned(decision=CleanupDecision.REPEAL.value)),
    Figure('normative.cleanup.amend', '清理中决定修改数', _cleaned(decision=CleanupDecision.AMEND.value)),
    Figure('normative.cleanup.keep', '清理中决定继续有效数', _cleaned(decision=CleanupDecision.KEEP.value)),
]


def compute(unit: Any, start: dt.date, end: dt.date) -> list[FigureValue]:
    """Every figure of this line for a unit (with its subtree) and period, from the application database."""
    return compute_all(FIGURES, unit, start, end)
