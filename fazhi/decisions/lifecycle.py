"""Lifecycles: the annual catalogue (drafted → published after the Party committee's consent) and a decision
(catalogued → drafting → public comment → decided → evaluated). The gate: no decision while a required
procedure is missing, unless a lawful exemption with its reason is recorded."""
from __future__ import annotations

from typing import Any

from fazhi.core import services
from fazhi.core.workflow import Transition, Workflow

from . import consultation
from .choices import (ADMIN_ROLES, DRAFTER_ROLES, CatalogueState, DecisionState, ProcedureKind, ProcedureStatus)

S = DecisionState
K = ProcedureKind


# -- catalogue -------------------------------------------------------------------------------------------------

def _catalogue_ok(catalogue: Any, data: dict[str, Any]) -> str | None:
    if not catalogue.decisions.exists():
        return '目录中还没有决策事项。'
    if data.get('party_consent_on') is None and catalogue.party_consent_on is None:
        return '目录应当经同级党委同意后公布（条例第三条），请填写党委同意日期。'
    return None


def _publish_catalogue(catalogue: Any, data: dict[str, Any]) -> None:
    catalogue.party_consent_on = data.get('party_consent_on') or catalogue.party_consent_on
    catalogue.published_on = data['on']
    catalogue.state = CatalogueState.PUBLISHED  # (set again by the workflow) so that each decision records the date
    for decision in catalogue.decisions.all():
        decision.catalogue = catalogue
        services.update(decision, enforce=False, message=f'{catalogue.title}公布')


CATALOGUE_WORKFLOW = Workflow(field='state', transitions=[
    Transition('publish', '公布目录', sources={CatalogueState.DRAFT}, target=CatalogueState.PUBLISHED,
               guard=_catalogue_ok, effect=_publish_catalogue, roles=DRAFTER_ROLES),
])


# -- decision --------------------------------------------------------------------------------------------------

def _procedure(decision: Any, kind: str) -> Any:
    return decision.procedures.get(kind=kind)


def _start(decision: Any, data: dict[str, Any]) -> None:
    decision.started_on = data['on']


def _withdraw_ok(decision: Any, data: dict[str, Any]) -> str | None:
    return None if (data.get('reason') or '').strip() else '请填写调出目录的理由。'


def _withdraw(decision: Any, data: dict[str, Any]) -> None:
    decision.withdrawn_reason = data['reason']


def _open_ok(decision: Any, data: dict[str, Any]) -> str | None:
    if _procedure(decision, K.PUBLIC_PARTICIPATION).status == ProcedureStatus.EXEMPTED:
        return '已登记公众参与依法不适用，不能公开征求意见。'
    if not (data.get('draft_text') or '').strip():
        return '请填写公开征求意见的决策草案。'
    return consultation.period_gap(data['step_on'], data.get('closes_on'), data.get('shortened_reason') or '')


def _open(decision: Any, data: dict[str, Any]) -> None:
    decision.comment_opens_on, decision.comment_closes_on = data['on'], data['closes_on']
    decision.draft_text, decision.draft_explanation = data['draft_text'], data.get('explanation') or ''
    decision.shortened_reason = data.get('shortened_reason') or ''


def _close_ok(decision: Any, data: dict[str, Any]) -> str | None:
    if data['step_on'] <= decision.comment_closes_on:
        return f'征求意见期限至{decision.comment_closes_on:%Y-%m-%d}届满，期满后才能结束征求意见。'
    return None


def _feedback_ok(decision: Any, data: dict[str, Any]) -> str | None:
    if decision.feedback_published_on:
        return '采纳情况反馈已经公布。'
    return consultation.feedback_gap(decision)


def _publish_feedback(decision: Any, data: dict[str, Any]) -> None:
    decision.feedback_report = consultation.adoption_report(decision)
    decision.feedback_published_on = data['on']
    counts = consultation.comment_counts(list(decision.comments.all()))
    procedure = _procedure(decision, K.PUBLIC_PARTICIPATION)
    services.update(procedure, {
        'status': ProcedureStatus.DONE, 'held_on': decision.comment_opens_on,
        'participants': f'社会公众（收到意见{counts["received"]}条）',
        'documents': '决策草案征求意见稿、起草说明、采纳情况反馈',
        'conclusion': f'采纳{counts["adopted"]}条，部分采纳{counts["partly"]}条，未采纳{counts["not_adopted"]}条'},
        enforce=False, message='公开征求意见结束，公布采纳情况反馈')


def missing_procedures(decision: Any) -> list[str]:
    """Required procedures (other than the collective decision itself) neither done nor lawfully exempted."""
    missing = []
    for procedure in decision.procedures.exclude(kind=K.COLLECTIVE_DECISION).order_by('id'):
        if procedure.status == ProcedureStatus.PENDING:
            missing.append(procedure.get_kind_display())
        elif procedure.status == ProcedureStatus.EXEMPTED and not procedure.exemption_reason.strip():
            missing.append(f'{procedure.get_kind_display()}（未说明不适用的理由）')
    return missing


def _decide_ok(decision: Any, data: dict[str, Any]) -> str | None:
    if missing := missing_procedures(decision):
        return f'以下法定程序尚未履行，也未登记依法不适用的理由：{"、".join(missing)}。'
    if decision.state == S.CONSULTED and not decision.feedback_published_on:
        return '公开征求意见的，应当先公布意见采纳情况反馈。'
    for key, label in (('meeting', '会议名称'), ('result', '决定内容')):
        if not (data.get(key) or '').strip():
            return f'请填写{label}。'
    return None


def _decide(decision: Any, data: dict[str, Any]) -> None:
    decision.decided_on, decision.decision_meeting, decision.decision_result = data['on'], data['meeting'], data['result']
    services.update(_procedure(decision, K.COLLECTIVE_DECISION), {
        'status': ProcedureStatus.DONE, 'held_on': data['on'], 'participants': data.get('attendees') or '',
        'documents': data.get('minutes') or '会议纪要', 'conclusion': data['result']},
        enforce=False, message='集体讨论决定')
    for procedure in decision.procedures.all():  # each procedure is counted in the period of its decision
        services.update(procedure, {'decided_on': data['on']}, enforce=False, message='决策作出')


def _evaluate_ok(decision: Any, data: dict[str, Any]) -> str | None:
    evaluator = (data.get('evaluator') or '').strip()
    if not evaluator or not (data.get('findings') or '').strip():
        return '请填写评估机构和评估发现。'
    risk = _procedure(decision, K.RISK_ASSESSMENT)
    if risk.status == ProcedureStatus.DONE and evaluator in (risk.participants or ''):
        return '决策后评估不得由承担该决策风险评估的机构承担（条例第三十六条）。'
    return None


def _evaluate(decision: Any, data: dict[str, Any]) -> None:
    from .models import DecisionEvaluation
    services.create(DecisionEvaluation(decision=decision, evaluator=data['evaluator'], method=data.get('method') or '',
                                       started_on=data.get('started_on') or data['on'], completed_on=data['on'],
                                       findings=data['findings'], conclusion=data['conclusion']), enforce=False)
    decision.evaluated_on = data['on']


DECISION_WORKFLOW = Workflow(field='state', transitions=[
    Transition('start', '启动决策', sources={S.CATALOGUED}, target=S.DRAFTING, effect=_start, roles=DRAFTER_ROLES),
    Transition('withdraw', '调出目录', sources={S.CATALOGUED, S.DRAFTING}, target=S.WITHDRAWN, guard=_withdraw_ok,
               effect=_withdraw, roles=ADMIN_ROLES),
    Transition('open_comment', '公开征求意见', sources={S.DRAFTING}, target=S.CONSULTING, guard=_open_ok, effect=_open,
               roles=DRAFTER_ROLES),
    Transition('close_comment', '结束征求意见', sources={S.CONSULTING}, target=S.CONSULTED, guard=_close_ok,
               roles=DRAFTER_ROLES),
    Transition('publish_feedback', '公布采纳情况反馈', sources={S.CONSULTED}, target=None, guard=_feedback_ok,
               effect=_publish_feedback, roles=DRAFTER_ROLES),
    Transition('decide', '集体讨论决定', sources={S.CATALOGUED, S.DRAFTING, S.CONSULTING, S.CONSULTED}, target=S.DECIDED,
               guard=_decide_ok, effect=_decide, roles=DRAFTER_ROLES),
    Transition('evaluate', '决策后评估', sources={S.DECIDED, S.EVALUATED}, target=S.EVALUATED, guard=_evaluate_ok,
               effect=_evaluate, roles=DRAFTER_ROLES),
])
