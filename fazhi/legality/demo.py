"""Demo year of legality review (Tongzhou's 2023 shape): 223 agency decisions reviewed, 52 major contracts and
agreements, legal advisers with a chief adviser, and their engagements. Major decisions (8) and normative
documents are reviewed in their own demo steps, which use `new_review` below."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from django.contrib.contenttypes.models import ContentType

from fazhi.core import services
from fazhi.core.demo import DemoContext, register
from fazhi.core.models import WorkflowEvent

from .choices import AdviserKind, EngagementKind, MatterType, ReviewOutcome, ReviewState
from .models import AdviserEngagement, LegalAdviser, ReviewRequest
from .time_limits import review_due

AGENCY_DECISIONS = ['关于调整{}收费标准的决定', '{}专项资金管理办法', '关于开展{}专项整治行动的方案', '{}补贴发放实施细则',
                    '关于{}项目立项的请示', '{}应急处置工作方案', '关于{}政府购买服务的决定', '{}考核评价办法']
TOPICS = ['老旧小区综合整治', '餐饮油烟治理', '农村人居环境', '中小学课后服务', '养老服务驿站', '停车设施建设', '垃圾分类',
          '背街小巷环境', '河道保洁', '燃气安全', '文旅消费', '科技型中小企业', '就业见习', '社区卫生服务', '冬季清雪']
CONTRACTS = ['{}建设工程施工合同', '{}政府购买服务合同', '{}特许经营协议', '{}房屋征收补偿协议', '{}战略合作框架协议',
             '{}信息化系统运维合同', '{}国有土地使用权出让合同', '{}PPP项目合同']
COMPANIES = ['明州城建集团有限公司', '云溪科技发展有限公司', '明州环境工程有限公司', '华信咨询有限公司', '云溪区投资发展有限公司',
             '明州数字城市科技有限公司', '东方物业服务有限公司']
OPINIONS = ['未发现违反法律、法规、规章规定的内容。', '建议补充违约责任条款，明确争议解决方式。', '建议删除限制市场主体公平竞争的表述。',
            '第五条设定的审批条件缺乏上位法依据，建议删除。', '建议明确资金使用范围和绩效评价要求。']


def workday(ctx: DemoContext, year: int, month: int | None = None) -> dt.date:
    """A random Monday–Friday of the year (or month)."""
    while True:
        day = dt.date(year, month or ctx.rng.randint(1, 12), ctx.rng.randint(1, 28))
        if day.weekday() < 5:
            return day


def bulk_timeline(obj_steps: Iterable[tuple[Any, list[tuple[str, str, str, str, dt.date]]]], actor: str) -> None:
    """Timeline events for records created in bulk: (record, [(transition, label, from, to, date), …])."""
    events = []
    for obj, steps in obj_steps:
        content_type = ContentType.objects.get_for_model(obj)
        unit_id = getattr(getattr(obj, 'owning_unit', None), 'pk', None)
        events.extend(WorkflowEvent(content_type=content_type, object_id=obj.pk, transition=name, label=label,
                                    from_state=source, to_state=target, occurred_on=day, actor_name=actor,
                                    unit_id=unit_id) for name, label, source, target, day in steps)
    services.bulk_create(events, message='演示数据')


def spread(total: int, slots: int, ctx: DemoContext) -> list[int]:
    """`total` suggestions over `slots` reviews, 1–3 each on a random subset."""
    counts = [0] * slots
    while total > 0 and slots:
        i = ctx.rng.randrange(slots)
        add = min(total, ctx.rng.randint(1, 3))
        counts[i] += add
        total -= add
    return counts


def new_review(ctx: DemoContext, unit: Any, matter_type: str, title: str, received_on: dt.date,
               suggestions: int = 0, **extra: Any) -> ReviewRequest:
    """A concluded review request (not saved), concluded within its time limit."""
    due = review_due(matter_type, received_on).due
    concluded = min(due, received_on + dt.timedelta(days=ctx.rng.randint(2, 9)))
    outcome = ReviewOutcome.PASSED_WITH_CHANGES if suggestions else ReviewOutcome.PASSED
    opinion = ctx.rng.choice(OPINIONS[1:]) if suggestions else OPINIONS[0]
    return ReviewRequest(unit=unit, matter_type=matter_type, title=title, received_on=received_on, due_on=due,
                         state=ReviewState.CONCLUDED, reviewer=ctx.data['users']['reviewer'], assigned_on=received_on,
                         outcome=outcome, opinion=opinion, suggestion_count=suggestions, concluded_on=concluded,
                         on_time=True, **extra)


def save_reviews(reviews: list[ReviewRequest]) -> list[ReviewRequest]:
    """Number and save concluded reviews in bulk, with their timelines."""
    by_year: dict[int, int] = {}
    for review in sorted(reviews, key=lambda r: r.received_on):
        by_year[review.received_on.year] = by_year.get(review.received_on.year, 0) + 1
        prefix = f'合审〔{review.received_on.year}〕'
        start = ReviewRequest.objects.filter(serial__startswith=prefix).count()
        review.serial = f'{prefix}{start + by_year[review.received_on.year]:04d}号'
    saved = services.bulk_create(reviews, message='演示数据')
    bulk_timeline(((r, [('assign', '分派审查员', 'submitted', 'reviewing', r.assigned_on),
                        ('conclude', '出具审查意见', 'reviewing', 'concluded', r.concluded_on)]) for r in saved),
                  actor='reviewer')
    return saved


def _units(ctx: DemoContext) -> list[Any]:
    units = ctx.data['units']
    return [*units['departments'], *units['streets']]


@register(40, '合法性审查事项')
def create_reviews(ctx: DemoContext) -> None:
    units, year = _units(ctx), ctx.year
    agency = ctx.count(223)
    suggestions = spread(ctx.count(32), agency, ctx)
    reviews = [new_review(ctx, ctx.rng.choice(units), MatterType.AGENCY_DECISION,
                          ctx.rng.choice(AGENCY_DECISIONS).format(ctx.rng.choice(TOPICS)), workday(ctx, year), n)
               for n in suggestions]
    for _ in range(ctx.count(52)):
        kind = MatterType.CONTRACT if ctx.rng.random() < 0.75 else MatterType.AGREEMENT
        reviews.append(new_review(ctx, ctx.rng.choice(units), kind,
                                  ctx.rng.choice(CONTRACTS).format(ctx.rng.choice(TOPICS)), workday(ctx, year),
                                  ctx.rng.choice([0, 0, 0, 1, 2]), is_major=True,
                                  counterparty=ctx.rng.choice(COMPANIES),
                                  amount=ctx.rng.randint(50, 50000) / 10))
    ctx.data['legality_reviews'] = save_reviews(reviews)
    _open_requests(ctx, units)


def _open_requests(ctx: DemoContext, units: list[Any]) -> None:
    """A few matters in the queue now: one overdue, some due soon, some waiting for assignment."""
    today = dt.date.today()
    for i, days_ago in enumerate([20, 6, 4, 2, 1]):
        request = services.create(ReviewRequest(
            unit=units[i * 7 % len(units)], matter_type=MatterType.CONTRACT, is_major=i % 2 == 0,
            title=CONTRACTS[i].format(TOPICS[i]), counterparty=COMPANIES[i], amount=120 + i * 35,
            received_on=today - dt.timedelta(days=days_ago)), message='演示数据')
        if days_ago > 2:
            from fazhi.core.workflow import apply
            apply(request, 'assign', on=request.received_on, reviewer=ctx.data['users']['reviewer'])


ADVISERS = [('周正', AdviserKind.EXTERNAL, '明州正平律师事务所', '行政法', True), ('吴立', AdviserKind.EXTERNAL, '明州衡信律师事务所', '合同法', False),
            ('郑瑾', AdviserKind.EXTERNAL, '云溪法正律师事务所', '土地与房屋征收', False),
            ('钱学明', AdviserKind.EXPERT, '明州大学法学院', '行政法学', False),
            ('孙悦', AdviserKind.INTERNAL, '区司法局', '公职律师', False), ('冯涛', AdviserKind.INTERNAL, '区司法局', '公职律师', False)]


@register(41, '法律顾问')
def create_advisers(ctx: DemoContext) -> None:
    units = ctx.data['units']
    district, year = units['district'], ctx.year
    advisers = [LegalAdviser(unit=district, name=n, kind=k, organization=org, specialty=s, is_chief=chief,
                             license_no=f'1110{ctx.rng.randint(10**12, 10**13 - 1)}', engaged_from=dt.date(year, 1, 1),
                             engaged_until=dt.date(year + 1, 12, 31)) for n, k, org, s, chief in ADVISERS]
    for unit in units['departments'][:12] + units['streets'][:6]:
        advisers.append(LegalAdviser(unit=unit, name=_person(ctx), kind=AdviserKind.EXTERNAL,
                                     organization=ctx.rng.choice(['明州衡信律师事务所', '云溪法正律师事务所', '明州公正律师事务所']),
                                     engaged_from=dt.date(year, 1, 1), engaged_until=dt.date(year, 12, 31)))
    advisers = services.bulk_create(advisers, message='演示数据')
    _engagements(ctx, advisers)


def _person(ctx: DemoContext) -> str:
    return ctx.rng.choice('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗') + ctx.rng.choice(['伟', '芳', '敏', '静', '磊', '洋', '杰', '涛', '婷'])


def _engagements(ctx: DemoContext, advisers: list[LegalAdviser]) -> None:
    reviews = ctx.data.get('legality_reviews', [])
    rows = []
    for adviser in advisers:
        district_level = adviser.unit.kind == 'district'
        for kind, base in ((EngagementKind.MEETING, 12), (EngagementKind.DOCUMENT, 20), (EngagementKind.CASE, 3),
                           (EngagementKind.OPINION, 8)):
            for _ in range(ctx.count(base if district_level else base // 3)):
                review = ctx.rng.choice(reviews) if kind == EngagementKind.DOCUMENT and reviews else None
                rows.append(AdviserEngagement(
                    adviser=adviser, unit=adviser.unit, kind=kind, occurred_on=workday(ctx, ctx.year),
                    subject=review.title if review else _subject(ctx, kind), quantity=1, review=review))
    services.bulk_create(rows, message='演示数据')


def _subject(ctx: DemoContext, kind: str) -> str:
    topic = ctx.rng.choice(TOPICS)
    return {EngagementKind.MEETING: f'区政府常务会议（{topic}）', EngagementKind.CASE: f'{topic}行政诉讼案件代理',
            EngagementKind.OPINION: f'关于{topic}有关问题的法律意见书'}.get(kind, f'{topic}相关文件审查')
