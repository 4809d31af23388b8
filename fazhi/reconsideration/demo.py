"""Demo data: two years of reconsideration cases whose figures land on Tongzhou's 2023 report (1113 received,
977 concluded, 236 directly corrected = 24.2%), a year before it for the year-on-year change, and the cases
now in hand (received in the last weeks) so that queues and reminders have something to show."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType

from fazhi.core import calendar_service, services
from fazhi.core.demo import DemoContext, register
from fazhi.core.models import WorkflowEvent
from fazhi.organization.demo import GIVEN, SURNAMES

from . import demo_recent
from .choices import CORRECTION_OUTCOMES, FeedbackKind, FeedbackStatus, Outcome, State
from .models import CorrectionFeedback, Party, ReconsiderationCase

# (unit name, domain, act type, weight, act description)
PROFILES = [
    ('明州市公安局云溪分局', 'traffic', 'penalty', 28, '道路交通安全违法行为罚款决定'),
    ('明州市公安局云溪分局', 'public_security', 'penalty', 7, '治安管理处罚决定'),
    ('区人力资源和社会保障局', 'human_resources', 'work_injury', 12, '工伤认定决定'),
    ('*', 'disclosure', 'disclosure', 10, '政府信息公开申请答复'),
    ('区城市管理综合行政执法局', 'urban', 'penalty', 7, '违法建设罚款决定'),
    ('*street', 'urban', 'coercion', 6, '限期拆除违法建设决定'),
    ('区市场监督管理局', 'market', 'penalty', 10, '市场监管行政处罚决定'),
    ('区住房和城乡建设委员会', 'housing', 'licensing', 6, '房屋登记及备案行为'),
    ('明州市规划和自然资源委员会云溪分局', 'planning', 'inaction', 5, '未履行土地违法查处职责'),
    ('区生态环境局', 'ecology', 'penalty', 3, '环境违法行为罚款决定'),
    ('区卫生健康委员会', 'health', 'penalty', 2, '卫生行政处罚决定'),
    ('国家税务总局明州市云溪区税务局', 'tax', 'other', 2, '税务处理决定'),
    ('*', 'other', 'other', 2, '其他行政行为'),
]
CHANNELS = [('counter', 35), ('post', 15), ('online', 30), ('sub_platform', 10), ('street_point', 7),
            ('transferred', 3)]


@dataclass(frozen=True)
class YearPlan:
    year: int
    received: int
    concluded: int  # concluded within the year, including the previous year's carry-over
    not_accepted: int
    outcomes: dict[str, int]  # of the cases concluded within the year; sums to `concluded`


TONGZHOU = {Outcome.REVOKE: 120, Outcome.PARTIAL_REVOKE: 20, Outcome.CONFIRM_ILLEGAL: 60, Outcome.CHANGE: 10,
            Outcome.ORDER_PERFORMANCE: 20, Outcome.CONFIRM_INVALID: 6, Outcome.MEDIATION: 120,
            Outcome.SETTLEMENT: 95, Outcome.WITHDRAWAL: 60, Outcome.TERMINATION: 15, Outcome.UPHOLD: 350,
            Outcome.DISMISS_REQUEST: 80, Outcome.DISMISS_APPLICATION: 21}
EARLIER = {Outcome.REVOKE: 100, Outcome.PARTIAL_REVOKE: 15, Outcome.CONFIRM_ILLEGAL: 55, Outcome.CHANGE: 8,
           Outcome.ORDER_PERFORMANCE: 12, Outcome.CONFIRM_INVALID: 3, Outcome.MEDIATION: 110,
           Outcome.SETTLEMENT: 80, Outcome.WITHDRAWAL: 70, Outcome.TERMINATION: 12, Outcome.UPHOLD: 330,
           Outcome.DISMISS_REQUEST: 90, Outcome.DISMISS_APPLICATION: 20}


def plans(ctx: DemoContext) -> list[YearPlan]:
    return [YearPlan(ctx.year - 1, ctx.count(1020), ctx.count(905), ctx.count(22), _scaled(EARLIER, ctx, 905)),
            YearPlan(ctx.year, ctx.count(1113), ctx.count(977), ctx.count(25), _scaled(TONGZHOU, ctx, 977))]


def _scaled(outcomes: dict[str, int], ctx: DemoContext, total: int) -> dict[str, int]:
    """Outcome counts at the demo's scale, summing exactly to the scaled total."""
    target = ctx.count(total)
    scaled = {k: round(v * target / total) for k, v in outcomes.items()}
    scaled[Outcome.UPHOLD] += target - sum(scaled.values())
    return scaled


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def applicant(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.15:
        return f'明州市{rng.choice(["恒达", "瑞丰", "云泰", "佳和", "鑫源"])}{rng.choice(["商贸", "建设", "科技"])}有限公司', 'legal'
    return person(rng), 'natural'


class Builder:
    """Builds the cases of one demo run: respondents by profile, dates on the working calendar."""

    def __init__(self, ctx: DemoContext) -> None:
        self.ctx, self.rng = ctx, ctx.rng
        self.calendar = calendar_service.get_calendar()
        units = ctx.data['units']
        self.by_name = {u.name: u for u in [*units['departments'], *units['verticals']]}
        self.departments, self.streets = units['departments'], units['streets']
        self.profiles = [p for p in PROFILES if p[0].startswith('*') or p[0] in self.by_name]
        self.officers = [u for u in ctx.data['users'].values() if u.role == 'case_officer']
        self.serial: dict[int, int] = {}

    def respondent(self) -> tuple[Any, str, str, str]:
        name, domain, act_type, _, act = self.rng.choices(self.profiles, [p[3] for p in self.profiles])[0]
        if name == '*street':
            unit = self.rng.choice(self.streets)
        elif name == '*':
            unit = self.rng.choice(self.departments)
        else:
            unit = self.by_name[name]
        return unit, domain, act_type, act

    def number(self, year: int) -> str:
        self.serial[year] = self.serial.get(year, 0) + 1
        return f'云复〔{year}〕{self.serial[year]:04d}号'

    def workday(self, day: dt.date, plus: int = 0) -> dt.date:
        return self.calendar.add_working_days(day, plus) if plus else self.calendar.next_workday_on_or_after(day)

    def new_case(self, received: dt.date) -> ReconsiderationCase:
        unit, domain, act_type, act = self.respondent()
        name, kind = applicant(self.rng)
        channel = self.rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
        amount = self.rng.choice([200, 500, 2000, 5000, 20000, 100000]) if act_type == 'penalty' else None
        return ReconsiderationCase(
            case_number=self.number(received.year), received_on=received, channel=channel, applicant_names=name,
            applicant_kind=kind, respondent_unit=unit, act_description=f'{unit.name}作出的{act}', act_type=act_type,
            domain=domain, amount=amount, officer=self.rng.choice(self.officers) if self.officers else None,
            request=f'请求撤销{unit.name}作出的{act}')


def _received_dates(builder: Builder, plan: YearPlan) -> list[dt.date]:
    first, last = dt.date(plan.year, 1, 2), dt.date(plan.year, 12, 24)
    span = (last - first).days
    return sorted(builder.workday(first + dt.timedelta(days=builder.rng.randrange(span)))
                  for _ in range(plan.received))


def build_years(builder: Builder, plans_: list[YearPlan]) -> list[ReconsiderationCase]:
    """Cases received in each planned year; each year's conclusions (the previous year's carry-over included)
    number exactly as planned, and get exactly the planned outcomes."""
    cases: list[ReconsiderationCase] = []
    carried = 0
    for plan in plans_:
        cases += _schedule(builder, plan, plan.concluded - carried)
        carried = plan.received - plan.not_accepted - (plan.concluded - carried)
    for plan in plans_:
        _assign_outcomes(builder.rng, [c for c in cases if c.concluded_on and c.concluded_on.year == plan.year], plan)
    later = [c for c in cases if c.concluded_on and c.concluded_on.year > plans_[-1].year]
    for case in later:
        case.outcome = builder.rng.choice(list(plans_[-1].outcomes))
    for case in cases:
        case.went_to_litigation = bool(case.concluded_on and case.concluded_on.year <= plans_[-1].year
                                       and _goes_to_court(builder.rng, case))
        case.refresh_derived()
    return cases


def _schedule(builder: Builder, plan: YearPlan, in_year: int) -> list[ReconsiderationCase]:
    rng = builder.rng
    dates = _received_dates(builder, plan)
    rejected = set(rng.sample(range(in_year + plan.not_accepted), plan.not_accepted))
    cases, concluded = [], 0
    for index, received in enumerate(dates):
        case = builder.new_case(received)
        if index in rejected:
            _not_accepted(builder, case)
        else:
            within = concluded < in_year
            _conclude(builder, case, dt.date(plan.year, 12, 31) if within else None, plan.year)
            concluded += within
        cases.append(case)
    return cases


def _assign_outcomes(rng: random.Random, cases: list[ReconsiderationCase], plan: YearPlan) -> None:
    outcomes = [o for o, n in plan.outcomes.items() for _ in range(n)]
    rng.shuffle(outcomes)
    for case, outcome in zip(cases, outcomes):
        case.outcome = outcome


def _goes_to_court(rng: random.Random, case: ReconsiderationCase) -> bool:
    """About one concluded case in nine is brought to court afterwards (the litigation demo links them)."""
    eligible = (case.concluded_on is not None and case.concluded_on.month < 12
                and case.outcome in (Outcome.UPHOLD, Outcome.DISMISS_REQUEST, Outcome.DISMISS_APPLICATION))
    return eligible and rng.random() < 0.24


def _not_accepted(builder: Builder, case: ReconsiderationCase) -> None:
    case.state = builder.rng.choice([State.NOT_ACCEPTED, State.NOT_ACCEPTED, State.ABANDONED])
    if case.state == State.ABANDONED:
        case.correction_requested_on = builder.workday(case.received_on, 2)
        case.closed_on = builder.workday(case.correction_requested_on, 12)
    else:
        case.closed_on = builder.workday(case.received_on, builder.rng.randint(2, 5))


def _conclude(builder: Builder, case: ReconsiderationCase, latest: dt.date | None, year: int) -> None:
    rng = builder.rng
    simplified = case.act_type == 'disclosure' or (case.amount is not None and case.amount <= 3000)
    case.procedure = 'simplified' if simplified and rng.random() < 0.7 else 'ordinary'
    case.acceptance_basis = 'decided'
    case.accepted_on = builder.workday(case.received_on, rng.randint(1, 5))
    case.copy_sent_on = builder.workday(case.accepted_on, rng.randint(1, 3 if simplified else 6))
    case.reply_received_on = builder.workday(case.copy_sent_on, rng.randint(2, 5 if simplified else 10))
    days = rng.randint(10, 28) if case.procedure == 'simplified' else rng.randint(20, 58)
    if case.procedure == 'ordinary' and rng.random() < 0.05:
        case.extension_days, case.extension_reason = 30, '案情复杂'
        case.extension_approved_on = case.accepted_on + dt.timedelta(days=45)
        days += rng.randint(5, 28)
    elif rng.random() < 0.01:
        days += rng.randint(35, 40)  # a few overdue decisions
    concluded = max(case.accepted_on + dt.timedelta(days=days), case.reply_received_on)
    if latest is not None and concluded > latest:
        concluded = max(latest - dt.timedelta(days=rng.randint(0, 3)), case.reply_received_on)
    if latest is None:  # carried over: concluded early the next year
        concluded = max(concluded, dt.date(year + 1, 1, 2) + dt.timedelta(days=rng.randint(0, 40)))
    case.hearing_count = 1 if rng.random() < 0.12 else 0
    case.state, case.concluded_on = State.CONCLUDED, concluded


def timeline_events(cases: list[ReconsiderationCase]) -> list[WorkflowEvent]:
    content_type = ContentType.objects.get_for_model(ReconsiderationCase)
    steps = [('accept', '受理', 'accepted_on'), ('send_copy', '发送申请书副本', 'copy_sent_on'),
             ('receive_reply', '收到被申请人答复', 'reply_received_on'), ('decide', '结案', 'concluded_on'),
             ('reject', '不予受理或视为放弃', 'closed_on')]
    events = []
    for case in cases:
        for name, label, field in steps:
            day = getattr(case, field)
            if day and not (name == 'reject' and case.concluded_on):
                note = case.get_outcome_display() if name == 'decide' else ''
                events.append(WorkflowEvent(content_type=content_type, object_id=case.pk, transition=name,
                                            label=label, occurred_on=day, note=note, actor_name='system:demo',
                                            unit_id=case.respondent_unit_id))
    return events


def parties(cases: list[ReconsiderationCase], rng: random.Random) -> list[Party]:
    rows = []
    for case in cases:
        online = case.channel == 'online'
        rows.append(Party(case=case, role='applicant', kind=case.applicant_kind, name=case.applicant_names,
                          phone=f'139{rng.randint(10000000, 99999999)}', address='明州市云溪区',
                          e_service_consent=online, e_service_address='申请人电子邮箱' if online else '',
                          consent_recorded_on=case.received_on if online else None))
    return rows


def feedback(cases: list[ReconsiderationCase], rng: random.Random, today: dt.date) -> list[CorrectionFeedback]:
    rows = []
    for case in cases:
        if case.outcome not in CORRECTION_OUTCOMES:
            continue
        handled = case.concluded_on + dt.timedelta(days=rng.randint(10, 60))
        done = handled < today and rng.random() < 0.8
        rows.append(CorrectionFeedback(
            case=case, unit=case.respondent_unit, kind=FeedbackKind.UNIT, reference=case.act_description[:200],
            raised_on=case.concluded_on, status=FeedbackStatus.HANDLED if done else FeedbackStatus.PENDING,
            handled_on=handled if done else None, result='已组织复查并整改执法程序' if done else ''))
    return rows


@register(60, '行政复议案件')
def create_reconsideration_cases(ctx: DemoContext) -> None:
    builder = Builder(ctx)
    created = services.bulk_create(build_years(builder, plans(ctx)), message='演示数据')
    services.bulk_create(timeline_events(created), message='演示数据', enforce=False)
    services.bulk_create(parties(created, ctx.rng), message='演示数据')
    services.bulk_create(feedback(created, ctx.rng, dt.date.today()), message='演示数据')
    ctx.data['reconsideration_cases'] = created
    demo_recent.publish_decisions(ctx, [c for c in created if c.concluded_on and c.concluded_on.year == ctx.year])
    demo_recent.cases_in_hand(ctx, builder)
