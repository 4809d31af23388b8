"""The legality review workflow: submitted → reviewing (assigned) → concluded (opinion, suggestions, outcome)."""
from __future__ import annotations

from typing import Any

from fazhi.core.workflow import Transition, Workflow

from .choices import OPEN_STATES, REVIEWER_ROLES, SUBMITTER_ROLES, ReviewOutcome, ReviewState


def _reviewer_ok(request: Any, data: dict[str, Any]) -> str | None:
    reviewer = data.get('reviewer')
    if reviewer is None:
        return '请指定承办审查员。'
    if reviewer.role not in REVIEWER_ROLES:
        return f'“{reviewer}”不是合法性审查员，不能承办审查。'
    return None


def _assign(request: Any, data: dict[str, Any]) -> None:
    request.reviewer = data['reviewer']
    request.assigned_on = data['on']


def _opinion_ok(request: Any, data: dict[str, Any]) -> str | None:
    if not (data.get('opinion') or '').strip():
        return '请填写审查意见。'
    outcome = data.get('outcome')
    if outcome not in ReviewOutcome.values:
        return '请选择审查结论。'
    if outcome != ReviewOutcome.PASSED and not data.get('suggestion_count'):
        return '结论为“修改后同意”或“不同意”的，应当提出至少一条意见建议（填写意见建议条数）。'
    if request.received_on and data.get('step_on') and data['step_on'] < request.received_on:
        return '出具意见日期不能早于收件日期。'
    return None


def _conclude(request: Any, data: dict[str, Any]) -> None:
    request.outcome = data['outcome']
    request.opinion = data['opinion']
    request.suggestion_count = data.get('suggestion_count') or 0
    request.concluded_on = data['on']
    request.on_time = request.due_on is None or data['on'] <= request.due_on


REVIEW_WORKFLOW = Workflow(field='state', transitions=[
    Transition('assign', '分派审查员', sources={ReviewState.SUBMITTED, ReviewState.REVIEWING},
               target=ReviewState.REVIEWING, guard=_reviewer_ok, effect=_assign, roles=REVIEWER_ROLES),
    Transition('request_materials', '要求补充材料', sources={ReviewState.REVIEWING}, target=None,
               roles=REVIEWER_ROLES),
    Transition('conclude', '出具审查意见', sources={ReviewState.REVIEWING}, target=ReviewState.CONCLUDED,
               guard=_opinion_ok, effect=_conclude, roles=REVIEWER_ROLES),
    Transition('withdraw', '撤回送审', sources=set(OPEN_STATES), target=ReviewState.WITHDRAWN,
               roles=SUBMITTER_ROLES),
])
