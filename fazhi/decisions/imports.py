"""Excel ledger of catalogue items (决策事项目录): each row becomes a decision in the given year's catalogue."""
from __future__ import annotations

from typing import Any

from fazhi.legality.ledger_import import Column, LedgerSpec

from .models import DecisionCatalogue, MajorDecision


def _catalogue(row: dict[str, Any]) -> DecisionCatalogue | None:
    return DecisionCatalogue.objects.filter(unit=row['deciding_body'], year=row['year']).first()


def _check(row: dict[str, Any]) -> list[tuple[str, str]]:
    if _catalogue(row) is None:
        return [('year', f'{row["deciding_body"].name}尚未建立{row["year"]}年度决策事项目录，请先新增目录')]
    if row['planned_on'] and row['planned_on'].year < row['year']:
        return [('planned_on', '计划完成时间不能早于目录年度')]
    return []


def _build(row: dict[str, Any]) -> MajorDecision:
    return MajorDecision(catalogue=_catalogue(row), deciding_body=row['deciding_body'], unit=row['unit'],
                         title=row['title'], summary=row['summary'] or '', planned_on=row['planned_on'])


CATALOGUE_LEDGER = LedgerSpec('重大行政决策事项目录', MajorDecision, (
    Column('year', '目录年度', 'int', True, example='2025'),
    Column('deciding_body', '决策机关', 'unit', True, example='明州市云溪区人民政府'),
    Column('unit', '承办单位', 'unit', True, example='区城市管理委员会'),
    Column('title', '决策事项', required=True, example='云溪区生活垃圾分类三年行动方案'),
    Column('summary', '事项简述', example='明确2025—2027年生活垃圾分类工作目标、任务和保障措施'),
    Column('planned_on', '计划完成时间', 'date', example='2025-09-30'),
), build=_build, check=_check)
