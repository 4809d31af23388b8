"""Excel/CSV import of the supervision ledgers (history included): update-or-insert by natural key."""
from __future__ import annotations

from typing import Any

from fazhi.imports.ledgers import assign, blank, upsert_save
from fazhi.imports.registry import register_ledger
from fazhi.legality.ledger_import import Column, LedgerSpec

from . import time_limits
from .choices import FindingCategory, FindingState, ProposalKind, ProposalSession, ProposalState, ReplyCategory
from .choices import Satisfaction
from .models import AuditFinding, Proposal

GROUP = '监督台账'


def _proposal_state(row: dict[str, Any]) -> dict[str, Any]:
    if row['satisfaction'] == Satisfaction.DISSATISFIED:
        feedback_on = row['feedback_on'] or row['replied_on']
        return {'state': ProposalState.REDO, 'redo_due_on': time_limits.redo_due(feedback_on)}
    if row['satisfaction']:
        return {'state': ProposalState.CLOSED, 'closed_on': row['feedback_on'] or row['replied_on']}
    if row['replied_on']:
        return {'state': ProposalState.REPLIED}
    return {}


def _proposal_check(row: dict[str, Any]) -> list[tuple[str, str]]:
    errors = []
    if bool(row['replied_on']) != bool(row['reply_category']):
        errors.append(('reply_category', '“答复日期”和“答复类别”应同时填写或同时不填'))
    if row['replied_on'] and row['replied_on'] < row['assigned_on']:
        errors.append(('replied_on', '答复日期不能早于交办日期'))
    if row['satisfaction'] and not row['replied_on']:
        errors.append(('satisfaction', '尚未答复的建议提案不能填写代表委员意见'))
    return errors


def _proposal(row: dict[str, Any]) -> Proposal:
    obj = Proposal.objects.filter(kind=row['kind'], year=row['year'], number=row['number']).first() or Proposal()
    return assign(obj, {
        'kind': row['kind'], 'year': row['year'], 'number': row['number'], 'unit': row['unit'],
        'session': row['session'] or ProposalSession.PLENARY, 'title': row['title'], 'proposer': row['proposer'],
        'co_units': blank(row['co_units']), 'assigned_on': row['assigned_on'], 'is_complex': row['is_complex'],
        'replied_on': row['replied_on'], 'reply_category': blank(row['reply_category']),
        'reply_summary': blank(row['reply_summary']), 'met_proposer': row['met_proposer'],
        'feedback_on': row['feedback_on'], 'satisfaction': blank(row['satisfaction']), **_proposal_state(row)})


PROPOSAL_LEDGER = LedgerSpec('建议提案', Proposal, (
    Column('kind', '类型', 'choice', True, ProposalKind, example='人大代表建议'),
    Column('year', '年度', 'int', True, example='2025'),
    Column('number', '编号', required=True, example='0123'),
    Column('session', '提出时间', 'choice', choices=ProposalSession, example='大会（全会）期间'),
    Column('title', '标题', required=True, example='关于加快老旧小区加装电梯的建议'),
    Column('proposer', '提出人（领衔人）', required=True, example='王某某'),
    Column('unit', '主办单位', 'unit', True, example='区住房和城乡建设委员会'),
    Column('co_units', '协办单位', example='区财政局、东湖街道'),
    Column('assigned_on', '交办日期', 'date', True, example='2025-03-20'),
    Column('is_complex', '是否涉及面广、处理难度大', 'bool', example='否', note='人大代表建议填“是”的，答复期限为6个月'),
    Column('replied_on', '答复日期', 'date', example='2025-06-10'),
    Column('reply_category', '答复类别', 'choice', choices=ReplyCategory, example='A类（已解决或基本解决）'),
    Column('reply_summary', '答复内容摘要', example='已将加装电梯纳入年度民生实事项目'),
    Column('met_proposer', '是否与代表委员沟通见面', 'bool', example='是'),
    Column('feedback_on', '征询意见日期', 'date', example='2025-06-25'),
    Column('satisfaction', '代表委员意见', 'choice', choices=Satisfaction, example='满意'),
), build=_proposal, save=upsert_save('批量导入建议提案'), check=_proposal_check)


def _finding_check(row: dict[str, Any]) -> list[tuple[str, str]]:
    if row['due_on'] and row['due_on'] < row['found_on']:
        return [('due_on', '整改期限不能早于审计报告日期')]
    return []


def _finding(row: dict[str, Any]) -> AuditFinding:
    obj = AuditFinding.objects.filter(finding_no=row['finding_no']).first() or AuditFinding(state=FindingState.OPEN)
    return assign(obj, {
        'finding_no': row['finding_no'], 'unit': row['unit'], 'audit_project': row['audit_project'],
        'report_no': blank(row['report_no']), 'found_on': row['found_on'], 'category': row['category'],
        'problem_code': blank(row['problem_code']), 'description': row['description'], 'amount': row['amount'],
        'due_on': row['due_on']})


FINDING_LEDGER = LedgerSpec('审计发现问题', AuditFinding, (
    Column('finding_no', '问题编号', required=True, example='SJ2025-017-03'),
    Column('unit', '责任单位', 'unit', True, example='区教育委员会'),
    Column('audit_project', '审计项目', required=True, example='2024年度区本级预算执行审计'),
    Column('report_no', '审计报告（决定）文号', example='云审报〔2025〕17号'),
    Column('found_on', '审计报告日期', 'date', True, example='2025-06-30'),
    Column('category', '问题类别', 'choice', True, FindingCategory, example='专项资金'),
    Column('problem_code', '问题类型代码', example='ZXZJ-02', note='同一单位再次出现同类型问题时，已销号的问题将自动重新打开'),
    Column('description', '问题描述', required=True, example='专项资金结余未及时上缴'),
    Column('amount', '涉及金额（万元）', 'decimal', example='128.5'),
    Column('due_on', '整改期限', 'date', example='2025-09-30'),
), build=_finding, save=upsert_save('批量导入审计发现问题'), check=_finding_check)

register_ledger('proposal', PROPOSAL_LEDGER, GROUP, 'supervision:proposal_list', key_text='类型＋年度＋编号', order=50)
register_ledger('audit_finding', FINDING_LEDGER, GROUP, 'supervision:finding_list', key_text='问题编号', order=51)
