"""Excel import of historical reconsideration cases (template, validation by the page's rules, all or nothing)."""
from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType

from fazhi.core import services
from fazhi.core.context import current_actor
from fazhi.core.ledger_import import Column, LedgerSpec
from fazhi.core.models import WorkflowEvent

from .forms import CaseImportForm

COLUMNS = (
    Column('case_number', '案号', True), Column('received_on', '收到申请日期', True),
    Column('applicant_names', '申请人', True, '多名申请人以“、”分隔'), Column('applicant_kind', '申请人类型'),
    Column('respondent_unit', '被申请人', True, '填写单位全称或单位编码'),
    Column('act_description', '被申请复议的行政行为', True), Column('act_type', '行为类别'),
    Column('domain', '领域'), Column('channel', '申请渠道'), Column('amount', '涉及款额（元）'),
    Column('minor_act', '当场作出或警告、通报批评'), Column('request', '行政复议请求'),
    Column('normative_document', '行为依据的规范性文件'), Column('enforcement_reference', '相关执法案件编号'),
    Column('officer', '承办人', help='填写承办人的用户名或姓名'), Column('state', '案件状态', help='留空时按所填日期推断'),
    Column('procedure', '审理程序'), Column('accepted_on', '受理日期'), Column('copy_sent_on', '发送副本日期'),
    Column('reply_received_on', '收到答复日期'), Column('hearing_count', '听证（听取意见）次数'),
    Column('extension_days', '延长审理天数'), Column('outcome', '结案方式'), Column('concluded_on', '审结日期'),
    Column('closed_on', '办结日期', help='不予受理或视为放弃的案件填写'), Column('decision_text', '决定书正文'),
)


def add_import_events(cases: list[Any], date_field: str = 'received_on') -> None:
    """Each imported case's timeline starts with the import."""
    if not cases:
        return
    content_type = ContentType.objects.get_for_model(type(cases[0]))
    actor = current_actor()
    events = [WorkflowEvent(content_type=content_type, object_id=c.pk, transition='import', label='导入历史案件',
                            to_state=c.state, occurred_on=getattr(c, date_field), note='由 Excel 导入',
                            actor_name=actor.name if actor else 'system', unit_id=c.owning_unit.pk)
              for c in cases]
    services.bulk_create(events, message='导入历史案件', enforce=False)


CASE_IMPORT = LedgerSpec('行政复议案件', CaseImportForm, COLUMNS, after_create=add_import_events)
