"""Lifecycles of a campaign (筹备 → 自评 → 评审 → 申诉期 → 定分 → 发布), an objection and a demonstration round.

Guards say in Chinese why a step cannot run yet; effects call the assessment services (imported lazily,
since the models import this module).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from fazhi.core.workflow import Transition, Workflow

from .choices import CampaignState as C
from .choices import ObjectionState as O
from .choices import RoundState as R

ADMIN = ('district_admin',)


def _day(data: dict[str, Any]) -> dt.date:
    return data.get('step_on') or data.get('on') or dt.date.today()


# -- campaigns ---------------------------------------------------------------------------------------------------

def _open(campaign: Any, data: dict[str, Any]) -> None:
    from . import services
    services.prepare_entries(campaign)


def _after_open(campaign: Any, data: dict[str, Any]) -> str | None:
    from fazhi.organization.models import Unit
    if not campaign.categories:
        return '未选择参评类别'
    kinds = [k for c in campaign.system.categories if c['code'] in campaign.categories for k in c['unit_kinds']]
    if not Unit.objects.filter(kind__in=kinds, is_active=True).exists():
        return '所选类别中没有可参评的单位'
    return None


def _reviews_done(campaign: Any, data: dict[str, Any]) -> str | None:
    from . import services
    pending = services.unreviewed(campaign).count()
    if pending:
        return f'尚有 {pending} 项人工评分未完成（见“评分进度”）'
    closes = data.get('closes_on')
    if closes is None:
        return '请填写申诉截止日'
    if closes < _day(data):
        return '申诉截止日不能早于今天'
    return None


def _set_window(campaign: Any, data: dict[str, Any]) -> None:
    from . import services
    campaign.objection_closes_on = data['closes_on']
    services.recompute(campaign)


def _can_finalize(campaign: Any, data: dict[str, Any]) -> str | None:
    from .models import Objection
    open_ = Objection.objects.filter(score__entry__campaign=campaign, state=O.SUBMITTED).count()
    if open_:
        return f'尚有 {open_} 件申诉未处理'
    if campaign.objection_closes_on and _day(data) <= campaign.objection_closes_on:
        return f'申诉期至 {campaign.objection_closes_on:%Y-%m-%d}，期满后方可定分'
    return None


def _finalize(campaign: Any, data: dict[str, Any]) -> None:
    from . import services
    services.finalize_scores(campaign)


def _publish(campaign: Any, data: dict[str, Any]) -> None:
    campaign.published_on = _day(data)


CAMPAIGN_WORKFLOW = Workflow(field='state', transitions=[
    Transition('open', '启动考核（生成参评单位并自动评分）', sources={C.DRAFT}, target=C.SELF_ASSESSMENT,
               guard=_after_open, effect=_open, roles=ADMIN),
    Transition('start_review', '结束自评、进入评审', sources={C.SELF_ASSESSMENT}, target=C.REVIEW, roles=ADMIN),
    Transition('open_objections', '公示得分、开放申诉', sources={C.REVIEW}, target=C.OBJECTION,
               guard=_reviews_done, effect=_set_window, roles=ADMIN),
    Transition('finalize', '确定最终得分', sources={C.OBJECTION}, target=C.FINALIZED, guard=_can_finalize,
               effect=_finalize, roles=ADMIN),
    Transition('publish', '发布考核结果', sources={C.FINALIZED}, target=C.PUBLISHED, effect=_publish, roles=ADMIN),
])


# -- objections --------------------------------------------------------------------------------------------------

def _campaign_open(objection: Any, data: dict[str, Any]) -> str | None:
    from .choices import OPEN_CAMPAIGN_STATES
    if objection.score.entry.campaign.state not in OPEN_CAMPAIGN_STATES:
        return '考核已定分，不能再处理申诉'
    if not str(data.get('response') or '').strip():
        return '请填写处理意见'
    return None


def _accept_guard(objection: Any, data: dict[str, Any]) -> str | None:
    reason = _campaign_open(objection, data)
    if reason:
        return reason
    try:
        score = Decimal(str(data.get('decided_score')))
    except (InvalidOperation, ValueError):
        return '请填写调整后的得分'
    if score < 0 or score > objection.score.item.points:
        return f'调整后的得分应在 0 至该项分值 {objection.score.item.points} 之间'
    return None


def _accept(objection: Any, data: dict[str, Any]) -> None:
    from . import services
    objection.response = data['response']
    objection.decided_on = _day(data)
    services.apply_objection(objection, Decimal(str(data['decided_score'])))


def _reject(objection: Any, data: dict[str, Any]) -> None:
    from fazhi.core.context import current_actor
    actor = current_actor()
    objection.response = data['response']
    objection.decided_on = _day(data)
    objection.decided_by = actor.name if actor else 'system'
    objection.original_score = objection.score.score
    objection.decided_score = objection.score.score


OBJECTION_WORKFLOW = Workflow(field='state', transitions=[
    Transition('accept', '申诉成立、调整得分', sources={O.SUBMITTED}, target=O.ACCEPTED, guard=_accept_guard,
               effect=_accept, roles=ADMIN),
    Transition('reject', '申诉不成立、维持原分', sources={O.SUBMITTED}, target=O.REJECTED, guard=_campaign_open,
               effect=_reject, roles=ADMIN),
])


# -- demonstration rounds ----------------------------------------------------------------------------------------

def _ready_for_review(round_: Any, data: dict[str, Any]) -> str | None:
    from .choices import ApplicationState
    if not round_.applications.filter(state=ApplicationState.SUBMITTED).exists():
        return '还没有申报项目'
    experts = round_.experts.all()
    if len(experts) < 3:
        return '评审专家不足 3 人'
    undeclared = [e.name for e in experts if not e.declared_on]
    if undeclared:
        return f'专家 {"、".join(undeclared)} 尚未签署回避声明'
    return None


def _all_scored(round_: Any, data: dict[str, Any]) -> str | None:
    from . import projects
    missing = projects.missing_scores(round_)
    if missing:
        names = '；'.join(f'{name}尚有 {count} 个项目未评分' for name, count in list(missing.items())[:5])
        return names
    return None


def _decide(round_: Any, data: dict[str, Any]) -> None:
    from . import projects
    projects.aggregate(round_)


def _publish_round(round_: Any, data: dict[str, Any]) -> None:
    round_.published_on = _day(data)


ROUND_WORKFLOW = Workflow(field='state', transitions=[
    Transition('open', '开始申报', sources={R.DRAFT}, target=R.ACCEPTING, roles=ADMIN),
    Transition('start_review', '截止申报、开始专家评审', sources={R.ACCEPTING}, target=R.REVIEWING,
               guard=_ready_for_review, roles=ADMIN),
    Transition('decide', '汇总评分、确定拟入选项目', sources={R.REVIEWING}, target=R.DECIDED, guard=_all_scored,
               effect=_decide, roles=ADMIN),
    Transition('reopen', '退回专家评审', sources={R.DECIDED}, target=R.REVIEWING, roles=ADMIN),
    Transition('publish', '公布入选名单', sources={R.DECIDED}, target=R.PUBLISHED, effect=_publish_round, roles=ADMIN),
])
