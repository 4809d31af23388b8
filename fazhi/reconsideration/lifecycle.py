"""The reconsideration lifecycle (行政复议法 2023): receipt → correction → acceptance / non-acceptance →
ordinary or simplified procedure, copy and reply, hearings → suspension and resumption → extension →
decision, mediation, settlement, withdrawal or termination; and publication of the decision document.

Guards return the Chinese reason a step is not allowed now (None = allowed); effects set the case's dates.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core.workflow import Transition, Workflow

from .casework import suspension, tracking
from .casework.transitions import day_of
from .choices import (CORRECTION_OUTCOMES, DECISION_OUTCOMES, SIMPLIFIED_ACT_TYPES, SIMPLIFIED_AMOUNT_LIMIT,
                      AcceptanceBasis, Outcome, Procedure, PublicationStatus, State)

OPEN = {State.ACCEPTED, State.SUSPENDED}


def due_of(case: Any, key: str) -> dt.date | None:
    return next((d.due for d in tracking.compute(case) if d.tracked.key == key), None)


# -- acceptance review (§30–31) ----------------------------------------------------


def _review_refusal(case: Any, data: dict[str, Any], then: str) -> str | None:
    due = due_of(case, 'acceptance')
    if due is not None and day_of(data) > due:
        return f'受理审查期限已于{due:%Y-%m-%d}届满，依法视为受理（行政复议法第三十条），{then}'
    return None


def _simplified_refusal(case: Any, data: dict[str, Any]) -> str | None:
    if data.get('procedure') != Procedure.SIMPLIFIED:
        return None
    amount_ok = case.amount is not None and case.amount <= SIMPLIFIED_AMOUNT_LIMIT
    if case.act_type in SIMPLIFIED_ACT_TYPES or amount_ok or case.minor_act or data.get('parties_consent'):
        return None
    return ('不符合简易程序的适用条件（行政复议法第五十三条：当场作出或者警告、通报批评，涉及款额三千元以下，'
            '属于政府信息公开案件，或者当事人各方同意适用简易程序）')


def guard_request_correction(case: Any, data: dict[str, Any]) -> str | None:
    if case.correction_requested_on:
        return f'补正通知应当一次性载明需要补正的事项，本案已于{case.correction_requested_on:%Y-%m-%d}通知过补正'
    return _review_refusal(case, data, '不能再通知补正，请执行“视为受理”')


def guard_receive_correction(case: Any, data: dict[str, Any]) -> str | None:
    due = due_of(case, 'correction')
    if due is not None and day_of(data) > due and not data.get('late_reason'):
        return (f'补正期限已于{due:%Y-%m-%d}届满。无正当理由逾期不补正的，视为放弃行政复议申请（第三十一条）；'
                '如有正当理由，请填写逾期补正的正当理由')
    return None


def guard_abandon(case: Any, data: dict[str, Any]) -> str | None:
    due = due_of(case, 'correction')
    if due is not None and day_of(data) <= due:
        return f'补正期限至{due:%Y-%m-%d}届满，尚未届满，不能视为放弃申请'
    return None


def guard_accept(case: Any, data: dict[str, Any]) -> str | None:
    return _review_refusal(case, data, '请执行“视为受理”') or _simplified_refusal(case, data)


def guard_deem_accepted(case: Any, data: dict[str, Any]) -> str | None:
    due = due_of(case, 'acceptance')
    if due is not None and day_of(data) <= due:
        return f'受理审查期限至{due:%Y-%m-%d}届满，尚未届满，请在期限内决定受理或者不予受理'
    return _simplified_refusal(case, data)


def guard_reject(case: Any, data: dict[str, Any]) -> str | None:
    return _review_refusal(case, data, '不能再决定不予受理')


def set_correction_requested(case: Any, data: dict[str, Any]) -> None:
    case.correction_requested_on = data['on']


def set_correction_received(case: Any, data: dict[str, Any]) -> None:
    case.correction_received_on = data['on']


def set_accepted(case: Any, data: dict[str, Any]) -> None:
    case.accepted_on = data['on']
    case.acceptance_basis = AcceptanceBasis.DECIDED
    case.procedure = data.get('procedure') or Procedure.ORDINARY


def set_deemed_accepted(case: Any, data: dict[str, Any]) -> None:
    case.accepted_on = due_of(case, 'acceptance')
    case.acceptance_basis = AcceptanceBasis.DEEMED
    case.procedure = data.get('procedure') or Procedure.ORDINARY


def set_closed(case: Any, data: dict[str, Any]) -> None:
    case.closed_on = data['on']


# -- hearing the case (§48–58) -------------------------------------------------------


def guard_convert(case: Any, data: dict[str, Any]) -> str | None:
    return None if case.procedure == Procedure.SIMPLIFIED else '本案已适用普通程序'


def set_ordinary(case: Any, data: dict[str, Any]) -> None:
    case.procedure = Procedure.ORDINARY


def guard_send_copy(case: Any, data: dict[str, Any]) -> str | None:
    return f'已于{case.copy_sent_on:%Y-%m-%d}发送申请书副本' if case.copy_sent_on else None


def set_copy_sent(case: Any, data: dict[str, Any]) -> None:
    case.copy_sent_on = data['on']


def guard_receive_reply(case: Any, data: dict[str, Any]) -> str | None:
    if not case.copy_sent_on:
        return '尚未向被申请人发送申请书副本'
    return f'已于{case.reply_received_on:%Y-%m-%d}收到答复' if case.reply_received_on else None


def set_reply_received(case: Any, data: dict[str, Any]) -> None:
    case.reply_received_on = data['on']


def add_hearing(case: Any, data: dict[str, Any]) -> None:
    case.hearing_count = (case.hearing_count or 0) + 1


def guard_extend(case: Any, data: dict[str, Any]) -> str | None:
    if case.procedure == Procedure.SIMPLIFIED:
        return '简易程序的审理期限不能延长（行政复议法第六十二条第二款）；确需延长的，请先转为普通程序'
    total = (case.extension_days or 0) + int(data.get('days') or 0)
    if total > 30:
        return f'延长期限合计不得超过三十日（第六十二条第一款），本案已延长{case.extension_days}日'
    due = due_of(case, 'decision')
    if due is not None and day_of(data) > due:
        return f'审理期限已于{due:%Y-%m-%d}届满，不能再延长'
    return None


def set_extension(case: Any, data: dict[str, Any]) -> None:
    case.extension_days = (case.extension_days or 0) + int(data['days'])
    case.extension_approved_on = data['on']
    case.extension_reason = data.get('note_text', '')


# -- conclusion (§41, §61–74) --------------------------------------------------------


def guard_decide(case: Any, data: dict[str, Any]) -> str | None:
    if not case.copy_sent_on:
        return '尚未向被申请人发送申请书副本并听取其答复，不能作出决定（第四十八条、第五十四条）'
    if data.get('outcome') not in DECISION_OUTCOMES:
        return '请选择决定类型'
    return None


def _conclude(case: Any, data: dict[str, Any], outcome: str) -> None:
    suspension.close(case, data)
    case.outcome = outcome
    case.concluded_on = case.closed_on = data['on']
    if data.get('decision_text'):
        case.decision_text = data['decision_text']


def set_decided(case: Any, data: dict[str, Any]) -> None:
    _conclude(case, data, data['outcome'])
    if case.outcome in CORRECTION_OUTCOMES:
        from .feedback import raise_correction_feedback
        raise_correction_feedback(case, data['on'])


def concluder(outcome: str) -> Any:
    def effect(case: Any, data: dict[str, Any]) -> None:
        _conclude(case, data, outcome)
    return effect


def guard_prepare_publication(case: Any, data: dict[str, Any]) -> str | None:
    if case.outcome not in DECISION_OUTCOMES:
        return '只有行政复议决定书可以公开（调解、和解、撤回、终止的案件不公开）'
    if not (case.decision_text or '').strip():
        return '决定书正文为空，请先在案件中录入决定书正文'
    publication = getattr(case, 'publication', None)
    if publication is not None and publication.status == PublicationStatus.PUBLISHED:
        return '决定书已公开；如需重新生成脱敏稿，请先撤回公开'
    return None


def make_publication_draft(case: Any, data: dict[str, Any]) -> None:
    from .feedback import draft_publication
    draft_publication(case)


CASE_WORKFLOW = Workflow(field='state', transitions=[
    Transition('request_correction', '通知补正', sources={State.RECEIVED}, target=State.CORRECTION,
               guard=guard_request_correction, effect=set_correction_requested),
    Transition('receive_correction', '收到补正材料', sources={State.CORRECTION}, target=State.RECEIVED,
               guard=guard_receive_correction, effect=set_correction_received),
    Transition('abandon', '视为放弃申请', sources={State.CORRECTION}, target=State.ABANDONED,
               guard=guard_abandon, effect=set_closed),
    Transition('accept', '受理', sources={State.RECEIVED}, target=State.ACCEPTED, guard=guard_accept,
               effect=set_accepted),
    Transition('deem_accepted', '视为受理', sources={State.RECEIVED}, target=State.ACCEPTED,
               guard=guard_deem_accepted, effect=set_deemed_accepted),
    Transition('reject', '不予受理', sources={State.RECEIVED}, target=State.NOT_ACCEPTED, guard=guard_reject,
               effect=set_closed),
    Transition('convert_to_ordinary', '转为普通程序', sources={State.ACCEPTED}, target=None, guard=guard_convert,
               effect=set_ordinary),
    Transition('send_copy', '发送申请书副本', sources={State.ACCEPTED}, target=None, guard=guard_send_copy,
               effect=set_copy_sent),
    Transition('receive_reply', '收到被申请人答复', sources=OPEN, target=None, guard=guard_receive_reply,
               effect=set_reply_received),
    Transition('hold_hearing', '听证（听取意见）', sources={State.ACCEPTED}, target=None, effect=add_hearing),
    Transition('suspend', '中止审理', sources={State.ACCEPTED}, target=State.SUSPENDED, effect=suspension.add),
    Transition('resume', '恢复审理', sources={State.SUSPENDED}, target=State.ACCEPTED, guard=suspension.guard_resume,
               effect=suspension.close),
    Transition('extend', '延长审理期限', sources={State.ACCEPTED}, target=None, guard=guard_extend,
               effect=set_extension),
    Transition('decide', '作出行政复议决定', sources={State.ACCEPTED}, target=State.CONCLUDED, guard=guard_decide,
               effect=set_decided),
    Transition('mediate', '调解结案', sources=OPEN, target=State.CONCLUDED, effect=concluder(Outcome.MEDIATION)),
    Transition('settle', '和解后撤回申请', sources=OPEN, target=State.CONCLUDED,
               effect=concluder(Outcome.SETTLEMENT)),
    Transition('withdraw', '准予撤回申请（终止）', sources=OPEN, target=State.CONCLUDED,
               effect=concluder(Outcome.WITHDRAWAL)),
    Transition('terminate', '终止行政复议', sources=OPEN, target=State.CONCLUDED,
               effect=concluder(Outcome.TERMINATION)),
    Transition('prepare_publication', '生成公开脱敏稿', sources={State.CONCLUDED}, target=None,
               guard=guard_prepare_publication, effect=make_publication_draft),
])


# -- publication of the decision document ------------------------------------------------


def guard_publish(publication: Any, data: dict[str, Any]) -> str | None:
    from .redaction import leftovers
    if not (publication.redacted_text or '').strip():
        return '公开文本为空'
    problems = leftovers(publication.redacted_text, publication.case.personal_names())
    if problems:
        return f'公开文本中仍有个人信息：{"、".join(problems[:5])}。请在审核页面修改后再公开'
    return None


def set_published(publication: Any, data: dict[str, Any]) -> None:
    publication.published_on = data['on']


PUBLICATION_WORKFLOW = Workflow(field='status', transitions=[
    Transition('publish', '审核通过并公开', sources={PublicationStatus.DRAFT}, target=PublicationStatus.PUBLISHED,
               guard=guard_publish, effect=set_published),
    Transition('withdraw', '撤回公开', sources={PublicationStatus.PUBLISHED}, target=PublicationStatus.WITHDRAWN),
])
