"""Excel import of historical lawsuits (one optional hearing per row), all or nothing."""
from __future__ import annotations

from typing import Any

from fazhi.core import services
from fazhi.core.ledger_import import Column, LedgerSpec
from fazhi.reconsideration.importing import add_import_events

from .forms import LawsuitImportForm

COLUMNS = (
    Column('case_number', '案号', True), Column('court', '审理法院', True), Column('instance', '审级'),
    Column('plaintiff_names', '原告', True), Column('plaintiff_kind', '原告类型'),
    Column('defendant_unit', '被告', True, '填写单位全称或单位编码'), Column('cause', '案由', True),
    Column('domain', '领域'), Column('complaint_received_on', '收到起诉状副本日期', True),
    Column('filed_on', '法院立案日期'), Column('officer', '应诉承办人', help='填写承办人的用户名或姓名'),
    Column('state', '案件状态', help='留空时按所填日期推断'), Column('defence_submitted_on', '答辩举证日期'),
    Column('hearing_on', '开庭日期'), Column('hearing_appearance', '出庭情况'), Column('hearing_person', '出庭人员'),
    Column('outcome', '裁判结果'), Column('judged_on', '裁判日期'), Column('judgment_served_on', '裁判文书送达日期'),
    Column('concluded_on', '审结日期'), Column('effective_on', '生效日期'), Column('appellant', '上诉人'),
    Column('appealed_on', '上诉日期'), Column('summary', '案情摘要'),
)


def after_import(lawsuits: list[Any]) -> None:
    from .models import CourtHearing
    hearings = []
    for suit in lawsuits:
        held_on, appearance, person = getattr(suit, '_imported_hearing', (None, '', ''))
        if held_on:
            hearing = CourtHearing(lawsuit=suit, held_on=held_on, appearance=appearance, appeared_name=person)
            hearing.clean()
            hearings.append(hearing)
    if hearings:
        services.bulk_create(hearings, message='导入开庭记录', enforce=False)
    add_import_events(lawsuits, 'complaint_received_on')


LAWSUIT_IMPORT = LedgerSpec('行政诉讼案件', LawsuitImportForm, COLUMNS, after_create=after_import)
