"""Demo data taken through the real lifecycle: published decision documents (redacted automatically) and the
cases in hand now, in every open state, so that queues, reminders and timelines show real work."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services, workflow
from fazhi.core.context import acting_as
from fazhi.core.demo import DemoContext

from .choices import DECISION_OUTCOMES, Outcome
from .models import Party, PublishedDecision, ReconsiderationCase

DECISION_TEMPLATE = (
    '明州市云溪区人民政府\n行政复议决定书\n{number}\n\n'
    '申请人：{name}，{sex}，{born}年{month}月{day}日出生，公民身份号码{id_number}，住明州市云溪区{street}{building}号楼'
    '{unit}单元{room}室，联系电话{phone}。\n被申请人：{respondent}。\n\n'
    '申请人{name}不服被申请人作出的{act}，于{received}向本机关申请行政复议，本机关依法已予受理。\n'
    '本机关认为：{reasoning}\n根据《中华人民共和国行政复议法》第{article}条的规定，本机关决定如下：{decision}。\n'
    '申请人如不服本决定，可以自收到本决定书之日起十五日内向人民法院提起行政诉讼。\n\n明州市云溪区人民政府\n{decided}')
REASONING = {
    True: '被申请人作出的行政行为认定事实不清、证据不足，程序违法。',
    False: '被申请人作出的行政行为认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。',
}
DECISION_WORDS = {Outcome.UPHOLD: '维持被申请人作出的行政行为', Outcome.DISMISS_REQUEST: '驳回申请人的行政复议请求',
                  Outcome.REVOKE: '撤销被申请人作出的行政行为，责令被申请人在六十日内重新作出处理',
                  Outcome.PARTIAL_REVOKE: '部分撤销被申请人作出的行政行为', Outcome.CHANGE: '变更被申请人作出的行政行为',
                  Outcome.CONFIRM_ILLEGAL: '确认被申请人作出的行政行为违法',
                  Outcome.CONFIRM_INVALID: '确认被申请人作出的行政行为无效',
                  Outcome.ORDER_PERFORMANCE: '责令被申请人在法定期限内履行法定职责',
                  Outcome.DISMISS_APPLICATION: '驳回申请人的行政复议申请'}
ARTICLES = {Outcome.UPHOLD: '六十八', Outcome.DISMISS_REQUEST: '六十九', Outcome.REVOKE: '六十四',
            Outcome.PARTIAL_REVOKE: '六十四', Outcome.CHANGE: '六十三', Outcome.CONFIRM_ILLEGAL: '六十五',
            Outcome.CONFIRM_INVALID: '六十七', Outcome.ORDER_PERFORMANCE: '六十六', Outcome.DISMISS_APPLICATION: '三十三'}


def decision_text(ctx: DemoContext, case: ReconsiderationCase) -> str:
    rng = ctx.rng
    born = rng.randint(1955, 2000)
    return DECISION_TEMPLATE.format(
        number=case.case_number, name=case.applicant_names, sex=rng.choice('男女'), born=born,
        month=rng.randint(1, 12), day=rng.randint(1, 28),
        id_number=f'330105{born}{rng.randint(101, 1228):04d}{rng.randint(1000, 9999)}',
        street=rng.choice(['新华路', '望江路', '梅溪街', '青石巷']), building=rng.randint(1, 40), unit=rng.randint(1, 6),
        room=rng.randint(101, 1802), phone=f'13{rng.randint(100000000, 999999999)}',
        respondent=case.respondent_unit.name, act=case.act_description.split('作出的')[-1],
        received=f'{case.received_on:%Y年%m月%d日}', reasoning=REASONING[case.is_correction],
        article=ARTICLES[case.outcome], decision=DECISION_WORDS[case.outcome], decided=f'{case.concluded_on:%Y年%m月%d日}')


def publish_decisions(ctx: DemoContext, concluded: list[ReconsiderationCase]) -> None:
    """Decision documents of the year on the public page; the last two wait for review."""
    eligible = [c for c in concluded if c.outcome in DECISION_OUTCOMES and c.applicant_kind == 'natural']
    chosen = ctx.rng.sample(eligible, min(len(eligible), ctx.count(30)))
    for index, case in enumerate(sorted(chosen, key=lambda c: c.concluded_on)):
        case = services.update(ReconsiderationCase.objects.get(pk=case.pk), {'decision_text': decision_text(ctx, case)},
                               message='演示数据：录入决定书正文')
        on = case.concluded_on + dt.timedelta(days=ctx.rng.randint(2, 10))
        case = workflow.apply(case, 'prepare_publication', on=on, day=on)
        if index < len(chosen) - 2:
            publication = PublishedDecision.objects.get(case=case)
            workflow.apply(publication, 'publish', on=on + dt.timedelta(days=3), day=on + dt.timedelta(days=3))


def advance(case: Any, name: str, on: dt.date, note: str = '', **data: Any) -> Any:
    return workflow.apply(type(case).objects.get(pk=case.pk), name, on=on, note=note, day=on, note_text=note, **data)


# (days since receipt, how far the case has gone, respondent: 'market' / 'street' / None for any)
IN_HAND = [(1, 'received', None), (2, 'received', 'market'), (12, 'received', None), (4, 'accepted', None),
           (8, 'accepted', 'street'), (12, 'copy_sent', None), (16, 'copy_sent', 'market'), (30, 'copy_sent', 'market'),
           (25, 'replied', None), (33, 'replied', None), (41, 'heard', 'street'), (47, 'suspended', None),
           (52, 'replied', 'market'), (56, 'replied', None), (58, 'extended', None), (61, 'replied', None),
           (66, 'replied', 'street'), (45, 'decided', 'market'), (50, 'mediated', None), (14, 'correction', None)]


def cases_in_hand(ctx: DemoContext, builder: Any) -> None:
    """Cases received in the last two months, each taken as far as its row says, by the case officer."""
    officer = ctx.data['users'].get('caseofficer')
    today = dt.date.today()
    with acting_as(officer, label='system:demo'):
        for age, stage, respondent in IN_HAND[:max(4, ctx.count(len(IN_HAND)))]:
            received = builder.workday(today - dt.timedelta(days=age)) if age > 2 else today - dt.timedelta(days=age)
            case = builder.new_case(min(received, today))
            case.officer = officer
            if respondent is not None:
                _against(ctx, case, respondent)
            case = services.create(case, message='演示数据')
            services.create(Party(case=case, name=case.applicant_names, kind=case.applicant_kind,
                                  phone='13900000000', e_service_consent=True, e_service_address='申请人电子邮箱',
                                  consent_recorded_on=case.received_on), message='演示数据')
            _take(builder, case, stage, today)


def _against(ctx: DemoContext, case: ReconsiderationCase, which: str) -> None:
    """Some cases in hand are against the demo unit officers' own units, so their reminders show."""
    units = ctx.data['units']
    if which == 'street':
        case.respondent_unit, case.domain, case.act_type = units['streets'][0], 'urban', 'coercion'
        case.act_description = f'{case.respondent_unit.name}作出的限期拆除违法建设决定'
    else:
        market = next(u for u in units['departments'] if u.name == '区市场监督管理局')
        case.respondent_unit, case.domain, case.act_type = market, 'market', 'penalty'
        case.act_description = f'{market.name}作出的市场监管行政处罚决定'


def _take(builder: Any, case: ReconsiderationCase, stage: str, today: dt.date) -> None:
    order = ['received', 'accepted', 'copy_sent', 'replied', 'heard', 'suspended', 'extended', 'decided', 'mediated']
    if stage == 'correction':
        advance(case, 'request_correction', builder.workday(case.received_on, 2), '补充提交被申请行为的书面材料')
        return
    reached = order.index(stage)
    plan = [(1, 'accept', 2, {'procedure': 'ordinary'}), (2, 'send_copy', 3, {}), (3, 'receive_reply', 8, {}),
            (4, 'hold_hearing', 5, {'hearing_kind': 'opinions'})]
    day = case.received_on
    for level, name, gap, data in plan:
        if reached < level or (level == 4 and stage not in ('heard', 'decided')):
            continue
        day = min(builder.workday(day, gap), today)
        advance(case, name, day, **data)
    _finish(case, stage, day, today)


def _finish(case: ReconsiderationCase, stage: str, day: dt.date, today: dt.date) -> None:
    later = min(day + dt.timedelta(days=5), today)
    if stage == 'suspended':
        advance(case, 'suspend', later, '申请人因住院治疗不能参加行政复议')
    elif stage == 'extended':
        advance(case, 'extend', later, '案情复杂，经行政复议机构负责人批准', days=30)
    elif stage == 'decided':
        advance(case, 'decide', later, outcome=Outcome.CONFIRM_ILLEGAL)
    elif stage == 'mediated':
        advance(case, 'mediate', later, '双方达成调解协议')
