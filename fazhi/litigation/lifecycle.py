"""The litigation lifecycle: complaint copy received → defence and evidence → hearings (who appeared for the
defendant) → suspension and resumption → first-instance judgment or ruling, withdrawal or mediation → appeal
or effectiveness; second-instance and retrial cases end with a final judgment."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services
from fazhi.core.workflow import Transition, Workflow
from fazhi.reconsideration.casework import suspension, tracking
from fazhi.reconsideration.casework.transitions import day_of

from .choices import (FIRST_INSTANCE_OUTCOMES, HEAD_APPEARANCES, SECOND_INSTANCE_OUTCOMES, Appearance, Instance,
                      Outcome, State)

OPEN = {State.IN_TRIAL, State.SUSPENDED}


def due_of(case: Any, key: str) -> dt.date | None:
    return next((d.due for d in tracking.compute(case) if d.tracked.key == key), None)


def set_defence(case: Any, data: dict[str, Any]) -> None:
    case.defence_submitted_on = data['on']


def guard_hearing(case: Any, data: dict[str, Any]) -> str | None:
    appearance = data.get('appearance')
    if appearance in HEAD_APPEARANCES and not data.get('appeared_name'):
        return '请填写出庭负责人的姓名'
    if appearance == Appearance.ABSENT and not data.get('excuse'):
        return '未派员出庭的，须写明理由'
    if data.get('court_notified_head') and appearance not in HEAD_APPEARANCES and not data.get('excuse'):
        return ('人民法院已通知负责人出庭。负责人因不可抗力、意外事件等正当理由不能出庭的，应当提交加盖公章的书面说明'
                '（行政机关负责人出庭应诉规定）；请填写未出庭的理由')
    return None


def add_hearing(case: Any, data: dict[str, Any]) -> None:
    from .models import CourtHearing
    services.create(CourtHearing(
        lawsuit=case, held_on=data['on'], appearance=data['appearance'], appeared_name=data.get('appeared_name', ''),
        appeared_position=data.get('appeared_position', ''), court_notified_head=bool(data.get('court_notified_head')),
        excuse=data.get('excuse', '')), message=f'开庭：{case.case_number}')
    case.hearing_count = (case.hearing_count or 0) + 1


def guard_judge(case: Any, data: dict[str, Any]) -> str | None:
    if case.instance != Instance.FIRST:
        return '二审、再审案件请执行“作出终审裁判”'
    if data.get('outcome') not in FIRST_INSTANCE_OUTCOMES:
        return '请选择一审裁判结果'
    return None


def set_judged(case: Any, data: dict[str, Any]) -> None:
    case.outcome = data['outcome']
    case.judged_on = case.concluded_on = data['on']
    case.judgment_served_on = data.get('served_on') or data['on']


def guard_final(case: Any, data: dict[str, Any]) -> str | None:
    if case.instance == Instance.FIRST:
        return '一审案件请执行“作出一审裁判”（一审裁判在上诉期满后才生效）'
    allowed = SECOND_INSTANCE_OUTCOMES if case.instance == Instance.SECOND else FIRST_INSTANCE_OUTCOMES
    if data.get('outcome') not in allowed:
        return f'{case.get_instance_display()}案件的裁判结果不能是“{Outcome(data.get("outcome")).label}”'
    return None


def set_final(case: Any, data: dict[str, Any]) -> None:
    case.outcome = data['outcome']
    case.judged_on = case.concluded_on = case.effective_on = data['on']
    case.judgment_served_on = data['on']


def guard_appeal(case: Any, data: dict[str, Any]) -> str | None:
    due = due_of(case, 'appeal')
    if due is not None and day_of(data) > due:
        return f'上诉期限已于{due:%Y-%m-%d}届满，一审裁判已发生法律效力，请执行“裁判生效”'
    return None


def set_appealed(case: Any, data: dict[str, Any]) -> None:
    from .models import Lawsuit
    case.appealed_on = data['on']
    case.appellant = data['appellant']
    second = Lawsuit(
        case_number=f'{case.case_number}（二审）', court='（待填写二审法院）', instance=Instance.SECOND, parent_case=case,
        plaintiff_names=case.plaintiff_names, plaintiff_kind=case.plaintiff_kind, defendant_unit=case.defendant_unit,
        cause=case.cause, domain=case.domain, complaint_received_on=data['on'], officer=case.officer,
        summary=f'{case.get_appellant_display()}，一审{case.get_outcome_display()}')
    services.create(second, message=f'上诉：{case.case_number}')


def guard_effective(case: Any, data: dict[str, Any]) -> str | None:
    due = due_of(case, 'appeal')
    if due is not None and day_of(data) <= due:
        return f'上诉期限至{due:%Y-%m-%d}届满，尚未届满，一审裁判尚未生效'
    return None


def set_effective(case: Any, data: dict[str, Any]) -> None:
    due = due_of(case, 'appeal')
    case.effective_on = due + dt.timedelta(days=1) if due else data['on']


def concluder(outcome: str) -> Any:
    def effect(case: Any, data: dict[str, Any]) -> None:
        suspension.close(case, data)
        case.outcome = outcome
        case.concluded_on = case.effective_on = data['on']
    return effect


LAWSUIT_WORKFLOW = Workflow(field='state', transitions=[
    Transition('submit_defence', '提交答辩状及证据', sources={State.RECEIVED}, target=State.IN_TRIAL,
               effect=set_defence),
    Transition('record_hearing', '开庭（登记出庭应诉情况）', sources={State.IN_TRIAL}, target=None,
               guard=guard_hearing, effect=add_hearing),
    Transition('suspend', '中止审理', sources={State.IN_TRIAL}, target=State.SUSPENDED, effect=suspension.add),
    Transition('resume', '恢复审理', sources={State.SUSPENDED}, target=State.IN_TRIAL, guard=suspension.guard_resume,
               effect=suspension.close),
    Transition('judge', '作出一审裁判', sources={State.IN_TRIAL}, target=State.JUDGED, guard=guard_judge,
               effect=set_judged),
    Transition('final_judgment', '作出终审裁判', sources={State.IN_TRIAL}, target=State.CONCLUDED, guard=guard_final,
               effect=set_final),
    Transition('appeal', '提起上诉', sources={State.JUDGED}, target=State.APPEALED, guard=guard_appeal,
               effect=set_appealed),
    Transition('become_effective', '裁判生效（未上诉）', sources={State.JUDGED}, target=State.CONCLUDED,
               guard=guard_effective, effect=set_effective),
    Transition('withdraw', '原告撤诉（准予撤诉）', sources={State.RECEIVED, *OPEN}, target=State.CONCLUDED,
               effect=concluder(Outcome.WITHDRAWAL)),
    Transition('mediate', '调解结案', sources=OPEN, target=State.CONCLUDED, effect=concluder(Outcome.MEDIATION)),
])
