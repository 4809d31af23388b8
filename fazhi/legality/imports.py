"""Excel ledgers of this line: review requests (history included), legal advisers, adviser engagements."""
from __future__ import annotations

from typing import Any

from .choices import AdviserKind, EngagementKind, MatterType, ReviewOutcome, ReviewState
from .ledger_import import Column, LedgerSpec
from .models import AdviserEngagement, LegalAdviser, ReviewRequest
from .time_limits import review_due


def _review_check(row: dict[str, Any]) -> list[tuple[str, str]]:
    errors = []
    if bool(row['outcome']) != bool(row['concluded_on']):
        errors.append(('outcome', '“审查结论”和“出具意见日期”应同时填写或同时不填'))
    if row['concluded_on'] and row['concluded_on'] < row['received_on']:
        errors.append(('concluded_on', '出具意见日期不能早于收件日期'))
    if row['outcome'] and row['outcome'] != ReviewOutcome.PASSED and not row['suggestion_count']:
        errors.append(('suggestion_count', '结论为“修改后同意”或“不同意”的，应当提出至少一条意见建议'))
    return errors


def _review(row: dict[str, Any]) -> ReviewRequest:
    request = ReviewRequest(unit=row['unit'], matter_type=row['matter_type'], title=row['title'],
                            is_major=row['is_major'], counterparty=row['counterparty'] or '', amount=row['amount'],
                            received_on=row['received_on'])
    request.due_on = review_due(row['matter_type'], row['received_on']).due
    if row['concluded_on']:
        request.state = ReviewState.CONCLUDED
        request.outcome, request.concluded_on = row['outcome'], row['concluded_on']
        request.opinion = row['opinion'] or ReviewOutcome(row['outcome']).label
        request.suggestion_count = row['suggestion_count'] or 0
        request.on_time = request.concluded_on <= request.due_on
    return request


REVIEW_LEDGER = LedgerSpec('合法性审查台账', ReviewRequest, (
    Column('unit', '送审单位', 'unit', True, example='区市场监督管理局'),
    Column('matter_type', '事项类型', 'choice', True, MatterType, example='合同'),
    Column('title', '事项名称', required=True, example='区智慧城管平台运维服务合同'),
    Column('is_major', '是否重大', 'bool', example='是'),
    Column('counterparty', '相对方', example='某某科技有限公司'),
    Column('amount', '金额（万元）', 'decimal', example='386.5'),
    Column('received_on', '收件日期', 'date', True, example='2025-03-03'),
    Column('outcome', '审查结论', 'choice', choices=ReviewOutcome, example='修改后同意', note='已出具意见的填写'),
    Column('opinion', '审查意见', example='第八条违约责任约定不明确，建议补充。'),
    Column('suggestion_count', '意见建议条数', 'int', example='2'),
    Column('concluded_on', '出具意见日期', 'date', example='2025-03-10'),
), build=_review, check=_review_check)


ADVISER_LEDGER = LedgerSpec('法律顾问名册', LegalAdviser, (
    Column('unit', '聘任单位', 'unit', True, example='区司法局'),
    Column('name', '姓名', required=True, example='张明'),
    Column('kind', '顾问类型', 'choice', True, AdviserKind, example='外聘律师'),
    Column('is_chief', '是否首席法律顾问', 'bool', example='否'),
    Column('organization', '所在律师事务所（单位）', example='北京某某律师事务所'),
    Column('license_no', '执业证号', example='11101201510123456'),
    Column('specialty', '专业领域', example='行政法'),
    Column('phone', '联系电话', example='010-60000000'),
    Column('engaged_from', '聘任起始日期', 'date', True, example='2025-01-01'),
    Column('engaged_until', '聘任截止日期', 'date', example='2026-12-31'),
), build=lambda row: LegalAdviser(unit=row['unit'], name=row['name'], kind=row['kind'], is_chief=row['is_chief'],
                                  organization=row['organization'] or '', license_no=row['license_no'] or '',
                                  specialty=row['specialty'] or '', phone=row['phone'] or '',
                                  engaged_from=row['engaged_from'], engaged_until=row['engaged_until']))


def _find_adviser(row: dict[str, Any]) -> list[LegalAdviser]:
    return list(LegalAdviser.objects.filter(name=row['adviser'], is_active=True)[:2])


def _engagement_check(row: dict[str, Any]) -> list[tuple[str, str]]:
    found = _find_adviser(row)
    if not found:
        return [('adviser', f'找不到在聘法律顾问“{row["adviser"]}”，请先登记法律顾问')]
    if len(found) > 1:
        return [('adviser', f'有多名在聘法律顾问名为“{row["adviser"]}”，请改在页面上逐条登记')]
    return []


ENGAGEMENT_LEDGER = LedgerSpec('法律顾问参与记录', AdviserEngagement, (
    Column('adviser', '法律顾问姓名', required=True, example='张明'),
    Column('unit', '服务单位', 'unit', True, example='区司法局'),
    Column('kind', '参与类型', 'choice', True, EngagementKind, example='列席会议'),
    Column('occurred_on', '日期', 'date', True, example='2025-04-08'),
    Column('subject', '事项', required=True, example='区政府第12次常务会议'),
    Column('quantity', '数量（件/次）', 'int', example='1'),
), build=lambda row: AdviserEngagement(adviser=_find_adviser(row)[0], unit=row['unit'], kind=row['kind'],
                                       occurred_on=row['occurred_on'], subject=row['subject'],
                                       quantity=row['quantity'] or 1),
    check=_engagement_check)
