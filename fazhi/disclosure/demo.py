"""Demo year of government information disclosure: ~700 requests answered within 20 working days (a few after a
correction, a third-party consultation or an extension; a few late) and ~2,400 proactive items."""
from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from fazhi.core import services
from fazhi.core.demo import DemoContext, register

from . import time_limits
from .choices import ApplicantKind, ItemCategory, ItemChannel, ReplyOutcome, RequestChannel, RequestState
from .models import DisclosureItem, DisclosureRequest

REQUESTS, ITEMS = 700, 2_400
SUBJECTS = ['某小区旧城改造项目的征收补偿方案', '某道路拓宽工程的规划许可文件', '某企业环境影响评价报告', '某学校的招生计划',
            '某年度区级部门预算', '某项目的政府采购合同', '某社区的低保发放名单', '某地块的土地出让合同', '某餐馆的行政处罚决定书',
            '某小区的消防验收意见']
OUTCOMES = [(ReplyOutcome.DISCLOSED, 40), (ReplyOutcome.PARTIAL, 10), (ReplyOutcome.ALREADY_PUBLIC, 15),
            (ReplyOutcome.REFUSED, 5), (ReplyOutcome.NOT_EXIST, 20), (ReplyOutcome.NOT_RESPONSIBLE, 7),
            (ReplyOutcome.DUPLICATE, 2), (ReplyOutcome.SPECIAL_LAW, 1)]
ITEM_TITLES = {ItemCategory.POLICY: '关于印发{}实施方案的通知', ItemCategory.BUDGET: '{}年度部门预算',
               ItemCategory.PLAN: '{}专项规划', ItemCategory.LICENSE: '{}行政许可决定公示',
               ItemCategory.PENALTY: '{}行政处罚决定公示', ItemCategory.PROJECT: '{}重大建设项目批准和实施信息',
               ItemCategory.LIVELIHOOD: '{}民生实事项目进展', ItemCategory.ORGANIZATION: '{}机构职能信息'}
WORDS = ['老旧小区改造', '垃圾分类', '背街小巷整治', '养老服务', '学前教育', '城市更新', '河道治理', '营商环境',
         '公共文化服务', '社区卫生']


def _workdays_after(ctx: DemoContext, start: dt.date, low: int, high: int) -> dt.date:
    day, count, target = start, 0, ctx.rng.randint(low, high)
    while count < target:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count += 1
    return day


@functools.cache
def _reply_due(start: dt.date, third_from: dt.date | None, third_to: dt.date | None,
               extended: dt.date | None) -> dt.date:
    probe = DisclosureRequest(received_on=start, third_party_from=third_from, third_party_to=third_to,
                              extended_on=extended)
    return time_limits.reply_due(probe).due


@functools.cache
def _proactive_due(formed: dt.date) -> dt.date:
    return time_limits.proactive_due(formed).due


def _request(ctx: DemoContext, number: int, units: list[Any]) -> DisclosureRequest:
    rng = ctx.rng
    received = dt.date(ctx.year, 1, 2) + dt.timedelta(days=rng.randint(0, 355))
    obj = DisclosureRequest(unit=rng.choice(units), request_no=f'YSQ{ctx.year}-{number:04d}',
                            applicant_kind=ApplicantKind.CITIZEN if rng.random() < 0.85 else ApplicantKind.ORGANIZATION,
                            applicant_name=rng.choice('王李张刘陈杨黄赵吴周') + '某', content=f'申请公开{rng.choice(SUBJECTS)}',
                            channel=rng.choice(list(RequestChannel.values)), received_on=received)
    if rng.random() < 0.05:
        obj.correction_requested_on = _workdays_after(ctx, received, 2, 6)
        obj.correction_received_on = obj.correction_requested_on + dt.timedelta(days=rng.randint(3, 15))
    if rng.random() < 0.03:
        obj.third_party_from = _workdays_after(ctx, received, 3, 8)
        obj.third_party_to = _workdays_after(ctx, obj.third_party_from, 5, 15)
    if rng.random() < 0.04:
        obj.extended_on = _workdays_after(ctx, received, 15, 19)
    due = obj.due_on = _reply_due(time_limits.reply_start(obj), obj.third_party_from, obj.third_party_to,
                                  obj.extended_on)
    start = time_limits.reply_start(obj)
    replied = _workdays_after(ctx, start, 5, 18) if rng.random() < 0.985 else due + dt.timedelta(days=rng.randint(1, 9))
    replied = max(replied, obj.third_party_to or replied)
    if replied > dt.date(ctx.year, 12, 31):
        obj.state = RequestState.RECEIVED
        return obj
    obj.replied_on, obj.on_time, obj.state = replied, replied <= due, RequestState.REPLIED
    obj.outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
    return obj


def _item(ctx: DemoContext, units: list[Any]) -> DisclosureItem:
    rng = ctx.rng
    category = rng.choice(list(ITEM_TITLES))
    formed = dt.date(ctx.year, 1, 1) + dt.timedelta(days=rng.randint(0, 340))
    obj = DisclosureItem(unit=rng.choice(units), category=category, formed_on=formed,
                         title=ITEM_TITLES[category].format(rng.choice(WORDS) if '{}年' not in ITEM_TITLES[category]
                                                            else ctx.year),
                         channel=rng.choices(list(ItemChannel.values), [80, 5, 12, 3])[0])
    obj.due_on = _proactive_due(formed)
    late = rng.random()
    if late < 0.96:
        obj.published_on = _workdays_after(ctx, formed, 1, 15)
    elif late < 0.99:
        obj.published_on = obj.due_on + dt.timedelta(days=rng.randint(1, 20))
    obj.on_time = obj.published_on <= obj.due_on if obj.published_on else None
    page = rng.randint(100000, 999999)
    obj.url = f'http://www.yunxi.gov.cn/zwgk/{formed:%Y%m}/{page}.html' if obj.published_on else ''
    return obj


@register(74, '政府信息公开')
def create_disclosure(ctx: DemoContext) -> None:
    _proactive_due.cache_clear()
    _reply_due.cache_clear()
    units = [*ctx.data['units']['departments'], *ctx.data['units']['streets']]
    services.bulk_create([_request(ctx, i, units) for i in range(1, ctx.count(REQUESTS) + 1)], message='演示数据')
    services.bulk_create([_item(ctx, units) for _ in range(ctx.count(ITEMS))], message='演示数据')
