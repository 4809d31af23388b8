"""Statutory time of disclosure: requests answered within 20 working days (rule `disclosure.reply`, extendable by
20, third-party consultation not counted, a correction restarts the clock); proactive items published within 20
working days of being formed or changed (条例第二十六条)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core.calendar_service import get_calendar
from fazhi.core.deadlines import DeadlineRule, DueDate, Extension, Suspension, compute_due, get_rule

PROACTIVE_RULE = DeadlineRule(
    code='disclosure.proactive', name='主动公开政府信息', length=20, unit='working_day',
    trigger_event='政府信息形成或者变更之日', legal_basis='《中华人民共和国政府信息公开条例》第二十六条', category='政府信息公开')


def reply_start(request: Any) -> dt.date:
    """The day the reply period runs from: receipt, or receipt of the corrected application (§30)."""
    return request.correction_received_on or request.received_on


def reply_due(request: Any) -> DueDate:
    suspensions = []
    if request.third_party_from:
        suspensions.append(Suspension(request.third_party_from, request.third_party_to, '征求第三方意见'))
    extensions = [Extension(20, 'working_day', '经政府信息公开工作机构负责人同意延长', request.extended_on)] \
        if request.extended_on else []
    return compute_due(get_rule('disclosure.reply'), reply_start(request), get_calendar(),
                       suspensions=suspensions, extensions=extensions)


def proactive_due(formed_on: dt.date) -> DueDate:
    return compute_due(PROACTIVE_RULE, formed_on, get_calendar())
