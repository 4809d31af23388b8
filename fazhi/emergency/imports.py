"""Excel/CSV import of emergency plans and drills: update-or-insert by natural key."""
from __future__ import annotations

from typing import Any

from fazhi.imports.ledgers import assign, blank, upsert_save
from fazhi.imports.registry import register_ledger
from fazhi.legality.ledger_import import Column, LedgerSpec

from .choices import DrillKind, EventCategory, PlanLevel, PlanState
from .models import Drill, EmergencyPlan

GROUP = '应急管理'


def _plan(row: dict[str, Any]) -> EmergencyPlan:
    obj = EmergencyPlan.objects.filter(unit=row['unit'], name=row['name']).first() or EmergencyPlan()
    state = PlanState.REPEALED if row['repealed_on'] else (PlanState.EFFECTIVE if row['issued_on'] else PlanState.DRAFT)
    return assign(obj, {
        'unit': row['unit'], 'name': row['name'], 'level': row['level'], 'category': row['category'],
        'version': blank(row['version']), 'doc_no': blank(row['doc_no']), 'issued_on': row['issued_on'],
        'last_revised_on': row['last_revised_on'], 'revision_cycle_years': row['revision_cycle_years'] or 3,
        'filed_on': row['filed_on'], 'filed_with': blank(row['filed_with']), 'repealed_on': row['repealed_on'],
        'state': state})


def _plan_check(row: dict[str, Any]) -> list[tuple[str, str]]:
    if row['filed_on'] and not row['issued_on']:
        return [('filed_on', '尚未印发的预案不能填写备案日期')]
    return []


PLAN_LEDGER = LedgerSpec('应急预案', EmergencyPlan, (
    Column('unit', '编制单位', 'unit', True, example='区应急管理局'),
    Column('name', '预案名称', required=True, example='云溪区防汛应急预案'),
    Column('level', '预案类别', 'choice', True, PlanLevel, example='专项应急预案'),
    Column('category', '事件类型', 'choice', True, EventCategory, example='自然灾害'),
    Column('version', '版本', example='2024版'),
    Column('doc_no', '印发文号', example='云政办发〔2024〕12号'),
    Column('issued_on', '印发日期', 'date', example='2024-05-10'),
    Column('last_revised_on', '最近修订日期', 'date', example='2024-05-10'),
    Column('revision_cycle_years', '修订周期（年）', 'int', example='3'),
    Column('filed_on', '备案日期', 'date', example='2024-05-28'),
    Column('filed_with', '备案机关', example='明州市应急管理局'),
    Column('repealed_on', '废止日期', 'date'),
), build=_plan, save=upsert_save('批量导入应急预案'), check=_plan_check)


def _drill(row: dict[str, Any]) -> Drill:
    obj = Drill.objects.filter(unit=row['unit'], title=row['title'], held_on=row['held_on']).first() or Drill()
    plan = EmergencyPlan.objects.filter(name=row['plan']).first() if row['plan'] else None
    return assign(obj, {
        'unit': row['unit'], 'plan': plan, 'title': row['title'], 'held_on': row['held_on'], 'kind': row['kind'],
        'participants': row['participants'] or 0, 'evaluated': row['evaluated'],
        'issues_found': row['issues_found'] or 0, 'summary': blank(row['summary'])})


def _drill_check(row: dict[str, Any]) -> list[tuple[str, str]]:
    if row['plan'] and not EmergencyPlan.objects.filter(name=row['plan']).exists():
        return [('plan', f'找不到应急预案“{row["plan"]}”，请先登记预案或留空')]
    return []


DRILL_LEDGER = LedgerSpec('应急演练', Drill, (
    Column('unit', '组织单位', 'unit', True, example='东湖街道'),
    Column('title', '演练名称', required=True, example='2025年东湖街道防汛应急演练'),
    Column('held_on', '演练日期', 'date', True, example='2025-06-12'),
    Column('kind', '演练形式', 'choice', True, DrillKind, example='实战演练'),
    Column('plan', '依据预案', example='云溪区防汛应急预案', note='填写预案名称，可不填'),
    Column('participants', '参演人数', 'int', example='120'),
    Column('evaluated', '是否开展评估', 'bool', example='是'),
    Column('issues_found', '发现问题数', 'int', example='3'),
    Column('summary', '评估总结'),
), build=_drill, save=upsert_save('批量导入应急演练'), check=_drill_check)

register_ledger('emergency_plan', PLAN_LEDGER, GROUP, 'emergency:plan_list', key_text='编制单位＋预案名称', order=61)
register_ledger('drill', DRILL_LEDGER, GROUP, 'emergency:drill_list', key_text='组织单位＋演练名称＋演练日期', order=62)
