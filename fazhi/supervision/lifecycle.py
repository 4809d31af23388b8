"""Lifecycles: a proposal is signed for, replied to (A/B/C/D), evaluated by its proposer and re-handled when the
proposer is dissatisfied; an audit finding is rectified by its unit and closed (销号) only with evidence and a
re-check by someone outside the unit, and reopens when the problem shows again."""
from __future__ import annotations

from typing import Any

from fazhi.core.context import current_actor
from fazhi.core.workflow import Transition, Workflow

from . import time_limits
from .choices import FindingState as F
from .choices import ProposalState as P
from .choices import Satisfaction

ADMIN = {'district_admin'}


# -- proposals ---------------------------------------------------------------


def _reply(obj: Any, data: dict[str, Any]) -> None:
    obj.replied_on = data['on']
    obj.reply_category = data['reply_category']
    obj.reply_summary = data.get('reply_summary') or obj.reply_summary
    obj.met_proposer = bool(data.get('met_proposer')) or obj.met_proposer
    obj.reply_published = bool(data.get('reply_published')) or obj.reply_published


def _feedback(obj: Any, data: dict[str, Any]) -> None:
    obj.feedback_on = data['on']
    obj.satisfaction = data['satisfaction']
    if obj.satisfaction == Satisfaction.DISSATISFIED:
        obj.state = P.REDO
        obj.redo_due_on = time_limits.redo_due(data['on'])
    else:
        obj.state = P.CLOSED
        obj.closed_on = data['on']


def _close(obj: Any, data: dict[str, Any]) -> None:
    obj.closed_on = data['on']


PROPOSAL_WORKFLOW = Workflow('state', [
    Transition('sign', '签收', sources={P.ASSIGNED}, target=P.HANDLING),
    Transition('reply', '答复代表委员', sources={P.ASSIGNED, P.HANDLING, P.REDO}, target=P.REPLIED,
               guard=lambda obj, data: None if data.get('reply_category') else '请选择答复类别（A/B/C/D）',
               effect=_reply),
    Transition('feedback', '登记代表委员意见', sources={P.REPLIED}, target=None, effect=_feedback, roles=ADMIN,
               guard=lambda obj, data: None if data.get('satisfaction') else '请选择代表委员的意见'),
    Transition('close', '办结', sources={P.REPLIED}, target=P.CLOSED, effect=_close, roles=ADMIN),
])


# -- audit findings ----------------------------------------------------------


def _submit_guard(obj: Any, data: dict[str, Any]) -> str | None:
    if not (data.get('measures') or '').strip():
        return '请填写整改措施'
    if not (data.get('evidence') or '').strip():
        return '没有整改佐证材料，不能报送整改结果'
    return None


def _submit(obj: Any, data: dict[str, Any]) -> None:
    actor = current_actor()
    obj.measures, obj.evidence = data['measures'], data['evidence']
    if data.get('rectified_amount') is not None:
        obj.rectified_amount = data['rectified_amount']
    obj.submitted_on = data['on']
    obj.submitted_by = actor.user if actor is not None and actor.user is not None else None


def _verify_guard(obj: Any, data: dict[str, Any]) -> str | None:
    """对账销号: evidence on file, and the re-check done by a person outside the unit who did not submit it."""
    if not (obj.evidence or '').strip():
        return '没有整改佐证材料，不能销号'
    actor = current_actor()
    user = actor.user if actor is not None else None
    if user is None or not getattr(user, 'is_authenticated', False):
        return '核验销号须由本单位以外的人员登录后完成'
    unit = getattr(user, 'unit', None)
    if unit is not None and unit.path.startswith(obj.unit.path):
        return '核验人不能是责任单位（含下级单位）的人员，须由本单位以外的人员复核'
    if obj.submitted_by_id and obj.submitted_by_id == user.pk:
        return '报送整改结果的人员不能核验销号'
    return None


def _verify(obj: Any, data: dict[str, Any]) -> None:
    obj.verified_on = obj.closed_on = data['on']
    obj.verified_by = current_actor().user
    obj.verification_note = data.get('verification_note') or obj.verification_note


def _send_back(obj: Any, data: dict[str, Any]) -> None:
    obj.verification_note = data['reason']


def _reopen(obj: Any, data: dict[str, Any]) -> None:
    obj.reopen_count += 1
    obj.reopened_on = data['on']
    obj.reopen_reason = data['reason']
    obj.closed_on = obj.verified_on = None
    obj.verified_by = None


def _reason_given(obj: Any, data: dict[str, Any]) -> str | None:
    return None if (data.get('reason') or '').strip() else '请说明原因'


FINDING_WORKFLOW = Workflow('state', [
    Transition('submit', '报送整改结果', sources={F.OPEN, F.REOPENED}, target=F.SUBMITTED, guard=_submit_guard,
               effect=_submit),
    Transition('verify', '核验销号', sources={F.SUBMITTED}, target=F.CLOSED, guard=_verify_guard, effect=_verify,
               roles=ADMIN),
    Transition('send_back', '退回重新整改', sources={F.SUBMITTED}, target=F.OPEN, guard=_reason_given,
               effect=_send_back, roles=ADMIN),
    Transition('reopen', '重新打开', sources={F.CLOSED}, target=F.REOPENED, guard=_reason_given, effect=_reopen,
               roles=ADMIN),
    # Run by the platform when a later finding of the same unit shows the same problem (see recurrence.py).
    Transition('recur', '同类问题再次出现，重新打开', sources={F.CLOSED}, target=F.REOPENED, guard=_reason_given,
               effect=_reopen),
])
