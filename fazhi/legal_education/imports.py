"""Excel/CSV import of the legal-education responsibility lists: update-or-insert by unit, year and content."""
from __future__ import annotations

from typing import Any

from fazhi.imports.ledgers import assign, blank, upsert_save
from fazhi.imports.registry import register_ledger
from fazhi.legality.ledger_import import Column, LedgerSpec

from .choices import DutyState, EducationForm
from .models import EducationDuty


def _duty(row: dict[str, Any]) -> EducationDuty:
    obj = EducationDuty.objects.filter(unit=row['unit'], year=row['year'], law_name=row['law_name']).first()
    return assign(obj or EducationDuty(), {
        'unit': row['unit'], 'year': row['year'], 'law_name': row['law_name'], 'audience': row['audience'],
        'measures': row['measures'], 'form': row['form'], 'planned_count': row['planned_count'] or 1,
        'completed_count': row['completed_count'] or 0, 'people_reached': row['people_reached'],
        'responsible_person': blank(row['responsible_person']), 'state': row['state'] or DutyState.PLANNED,
        'completed_on': row['completed_on']})


DUTY_LEDGER = LedgerSpec('普法责任清单', EducationDuty, (
    Column('unit', '责任单位', 'unit', True, example='区市场监督管理局'),
    Column('year', '年度', 'int', True, example='2025'),
    Column('law_name', '重点普法内容', required=True, example='《中华人民共和国食品安全法》'),
    Column('audience', '普法对象', required=True, example='食品生产经营者'),
    Column('measures', '普法任务和措施', required=True, example='开展食品安全宣传周活动，进企业宣讲'),
    Column('form', '主要形式', 'choice', True, EducationForm, example='集中宣传活动'),
    Column('planned_count', '计划开展次数', 'int', example='4'),
    Column('completed_count', '已开展次数', 'int', example='2'),
    Column('people_reached', '覆盖人次', 'int', example='1500'),
    Column('responsible_person', '责任人', example='李某'),
    Column('state', '完成情况', 'choice', choices=DutyState, example='实施中'),
    Column('completed_on', '完成日期', 'date'),
), build=_duty, save=upsert_save('批量导入普法责任清单'))

register_ledger('legal_education_duty', DUTY_LEDGER, '监督台账', 'legal_education:duty_list',
                key_text='责任单位＋年度＋重点普法内容', order=55)
