"""Lifecycle of a disclosure request: correction (restarts the clock), third-party consultation (not counted),
one extension of 20 working days, the reply (one of the statutory types), withdrawal or deemed abandonment."""
from __future__ import annotations

from typing import Any

from fazhi.core.workflow import Transition, Workflow

from .choices import RequestState as S


def _set(field: str) -> Any:
    def effect(obj: Any, data: dict[str, Any]) -> None:
        setattr(obj, field, data['on'])
    return effect


def _reply(obj: Any, data: dict[str, Any]) -> None:
    obj.replied_on = data['on']
    obj.outcome = data['outcome']


def _extend_guard(obj: Any, data: dict[str, Any]) -> str | None:
    return '答复期限已经延长过一次（最长不超过20个工作日）' if obj.extended_on else None


def _consult_guard(obj: Any, data: dict[str, Any]) -> str | None:
    return '已征求过第三方意见' if obj.third_party_from else None


def _reply_guard(obj: Any, data: dict[str, Any]) -> str | None:
    if not data.get('outcome'):
        return '请选择答复类型'
    if data.get('step_on') and data['step_on'] < obj.received_on:
        return '答复日期不能早于收到申请的日期'
    return None


REQUEST_WORKFLOW = Workflow('state', [
    Transition('request_correction', '一次性告知补正', sources={S.RECEIVED}, target=S.CORRECTING,
               effect=_set('correction_requested_on')),
    Transition('receive_correction', '收到补正材料', sources={S.CORRECTING}, target=S.RECEIVED,
               effect=_set('correction_received_on')),
    Transition('abandon', '逾期未补正，视为放弃', sources={S.CORRECTING}, target=S.WITHDRAWN),
    Transition('consult', '征求第三方意见', sources={S.RECEIVED}, target=S.CONSULTING, guard=_consult_guard,
               effect=_set('third_party_from')),
    Transition('consulted', '第三方意见返回', sources={S.CONSULTING}, target=S.RECEIVED, effect=_set('third_party_to')),
    Transition('extend', '延长答复期限', sources={S.RECEIVED, S.CONSULTING}, target=None, guard=_extend_guard,
               effect=_set('extended_on')),
    Transition('reply', '答复申请人', sources={S.RECEIVED}, target=S.REPLIED, guard=_reply_guard, effect=_reply),
    Transition('withdraw', '申请人撤回', sources={S.RECEIVED, S.CORRECTING, S.CONSULTING}, target=S.WITHDRAWN),
])
