"""Demo data: lawsuits whose figures land on Tongzhou's 2023 report (285 lawsuits, 203 concluded, first-instance
loss rate ≈2%, heads of agencies at ≈86% of hearings), the year before, the lawsuits that followed a
reconsideration, and the lawsuits in hand now."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.core.demo import DemoContext, register
from fazhi.reconsideration.demo import Builder, person
from fazhi.reconsideration.demo_recent import advance
from fazhi.reconsideration.models import ReconsiderationCase

from .choices import Appearance, Instance, Outcome, State
from .models import CourtHearing, JudicialSuggestion, Lawsuit

WON = [Outcome.DISMISS_CLAIM] * 11 + [Outcome.WITHDRAWAL] * 5 + [Outcome.DISMISS_SUIT] * 3 + [Outcome.MEDIATION]
LOST = [Outcome.REVOKE, Outcome.CONFIRM_ILLEGAL, Outcome.ORDER_PERFORMANCE, Outcome.COMPENSATION]


@dataclass(frozen=True)
class SuitPlan:
    year: int
    received: int
    second_instance: int
    concluded_in_year: int  # of this year's lawsuits; the rest conclude the following year
    loss_rate: float  # of first-instance lawsuits concluded in the year
    hearings: int
    head_appearances: int
    principal: int
    suggestions: int
    replied: int


def plans(ctx: DemoContext) -> list[SuitPlan]:
    c = ctx.count
    return [SuitPlan(ctx.year - 1, c(300), c(30), c(230), 0.027, c(330), c(270), c(12), c(8), c(8)),
            SuitPlan(ctx.year, c(285), c(25), c(133), 0.02, c(349), c(300), c(15), c(6), c(5))]


class SuitBuilder:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx, self.rng = ctx, ctx.rng
        self.recon = Builder(ctx)
        self.serial: dict[tuple[int, str], int] = {}

    def number(self, year: int, instance: str) -> str:
        key = (year, instance)
        self.serial[key] = self.serial.get(key, 0) + 1
        court, kind = ('明0105', '行初') if instance == Instance.FIRST else ('明01', '行终')
        return f'（{year}）{court}{kind}{self.serial[key]}号'

    def lawsuit(self, received: dt.date, instance: str, case: ReconsiderationCase | None = None) -> Lawsuit:
        if case is not None:
            unit, domain, act = case.respondent_unit, case.domain, case.act_description
            plaintiff, kind = case.applicant_names, case.applicant_kind
        else:
            unit, domain, _, act = self.recon.respondent()
            plaintiff, kind = person(self.rng), 'natural'
        court = '明州市云溪区人民法院' if instance == Instance.FIRST else '明州市中级人民法院'
        return Lawsuit(case_number=self.number(received.year, instance), court=court, instance=instance,
                       plaintiff_names=plaintiff, plaintiff_kind=kind, defendant_unit=unit, domain=domain,
                       cause=f'不服{act}', complaint_received_on=received, reconsideration_case=case,
                       filed_on=received - dt.timedelta(days=self.rng.randint(3, 6)),
                       officer=self.rng.choice(self.recon.officers) if self.recon.officers else None)


def _received(builder: SuitBuilder, year: int) -> dt.date:
    day = dt.date(year, 1, 3) + dt.timedelta(days=builder.rng.randrange(350))
    return builder.recon.workday(day)


def build_year(builder: SuitBuilder, plan: SuitPlan, linked: list[ReconsiderationCase]) -> list[Lawsuit]:
    rng = builder.rng
    suits = [builder.lawsuit(min(c.concluded_on + dt.timedelta(days=rng.randint(8, 14)), dt.date(plan.year, 12, 30)),
                             Instance.FIRST, c) for c in linked]
    while len(suits) < plan.received:
        instance = Instance.SECOND if len(suits) >= plan.received - plan.second_instance else Instance.FIRST
        suits.append(builder.lawsuit(_received(builder, plan.year), instance))
    suits.sort(key=lambda s: s.complaint_received_on)
    for index, suit in enumerate(suits):
        next_year = index >= plan.concluded_in_year
        _decide(builder, suit, plan.year, next_year)
    return suits


def _decide(builder: SuitBuilder, suit: Lawsuit, year: int, next_year: bool) -> None:
    rng = builder.rng
    suit.defence_submitted_on = builder.recon.workday(suit.complaint_received_on, rng.randint(5, 9))
    if next_year:
        concluded = min(dt.date(year + 1, 1, 5) + dt.timedelta(days=rng.randint(0, 150)),
                        dt.date.today() - dt.timedelta(days=1))
    else:
        concluded = min(suit.complaint_received_on + dt.timedelta(days=rng.randint(40, 150)), dt.date(year, 12, 30))
    concluded = max(concluded, suit.defence_submitted_on)
    suit.outcome = rng.choice(WON) if suit.instance == Instance.FIRST else Outcome.UPHOLD_ORIGINAL
    suit.judged_on = suit.concluded_on = suit.judgment_served_on = concluded
    suit.effective_on = concluded + dt.timedelta(days=16) if suit.instance == Instance.FIRST else concluded
    suit.state = State.CONCLUDED


def make_losses(suits: list[Lawsuit], plan: SuitPlan, rng: random.Random) -> None:
    """Exactly the planned share of first-instance judgments concluded in the year go against the agency."""
    first = [s for s in suits if s.instance == Instance.FIRST and s.concluded_on and s.concluded_on.year == plan.year
             and s.outcome == Outcome.DISMISS_CLAIM]
    total = sum(1 for s in suits if s.instance == Instance.FIRST and s.concluded_on
                and s.concluded_on.year == plan.year)
    for suit in rng.sample(first, min(len(first), round(total * plan.loss_rate))):
        suit.outcome = rng.choice(LOST)


def plan_hearings(suits: list[Lawsuit], plan: SuitPlan, rng: random.Random) -> list[tuple[Lawsuit, dict[str, Any]]]:
    """The year's hearings, each given to a lawsuit in trial that year; counts them on the lawsuits."""
    year_end = dt.date(plan.year, 12, 31)
    active = [s for s in suits if s.defence_submitted_on <= year_end
              and s.outcome not in (Outcome.WITHDRAWAL, Outcome.DISMISS_SUIT)
              and (s.concluded_on is None or s.concluded_on.year >= plan.year)]
    kinds = ([Appearance.PRINCIPAL] * plan.principal + [Appearance.DEPUTY] * (plan.head_appearances - plan.principal)
             + [Appearance.STAFF] * (plan.hearings - plan.head_appearances))
    rng.shuffle(kinds)
    planned = []
    for kind in kinds:
        suit = rng.choice(active)
        first = max(suit.defence_submitted_on, dt.date(plan.year, 1, 1))
        last = min(suit.concluded_on or year_end, year_end)
        held = first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))
        position = {Appearance.PRINCIPAL: '局长', Appearance.DEPUTY: '副局长'}.get(kind, '法制科科员')
        planned.append((suit, dict(held_on=held, appearance=kind, appeared_name=person(rng), appeared_position=position,
                                   excuse='' if kind != Appearance.STAFF else '参加区政府常务会议（不可替代的公务）')))
        suit.hearing_count += 1
    return planned


def hearing_rows(planned: list[tuple[Lawsuit, dict[str, Any]]]) -> list[CourtHearing]:
    rows = []
    for suit, values in planned:
        hearing = CourtHearing(lawsuit=suit, **values)
        hearing.clean()
        rows.append(hearing)
    return rows


def suggestions(suits: list[Lawsuit], plan: SuitPlan, rng: random.Random) -> list[JudicialSuggestion]:
    concluded = [s for s in suits if s.concluded_on and s.concluded_on.year == plan.year]
    rows = []
    for index, suit in enumerate(rng.sample(concluded, min(len(concluded), plan.suggestions))):
        received = suit.concluded_on + dt.timedelta(days=rng.randint(3, 20))
        replied = received + dt.timedelta(days=rng.randint(20, 50)) if index < plan.replied else None
        rows.append(JudicialSuggestion(lawsuit=suit, received_on=received, content='建议规范行政执法程序，加强执法文书说理',
                                       reply_due_on=received + dt.timedelta(days=60), replied_on=replied,
                                       reply_summary='已组织专题培训并修订执法文书范本' if replied else ''))
    return rows


def linked_cases(ctx: DemoContext, year: int) -> list[ReconsiderationCase]:
    """The reconsideration cases of the year that the reconsideration demo marked as brought to court."""
    return [c for c in ctx.data.get('reconsideration_cases', [])
            if c.went_to_litigation and c.concluded_on and c.concluded_on.year == year]


@register(61, '行政诉讼案件')
def create_lawsuits(ctx: DemoContext) -> None:
    builder = SuitBuilder(ctx)
    everything: list[Lawsuit] = []
    for plan in plans(ctx):
        everything += build_year(builder, plan, linked_cases(ctx, plan.year))
        make_losses(everything, plan, ctx.rng)
    planned = [h for plan in plans(ctx) for h in plan_hearings(everything, plan, ctx.rng)]
    for suit in everything:
        suit.refresh_derived()
    created = services.bulk_create(everything, message='演示数据')
    services.bulk_create(hearing_rows(planned), message='演示数据')
    for plan in plans(ctx):
        services.bulk_create(suggestions(created, plan, ctx.rng), message='演示数据')
    services.bulk_create(_events(created), message='演示数据', enforce=False)
    lawsuits_in_hand(ctx, builder)


def _events(suits: list[Lawsuit]) -> list[Any]:
    from django.contrib.contenttypes.models import ContentType

    from fazhi.core.models import WorkflowEvent
    content_type = ContentType.objects.get_for_model(Lawsuit)
    steps = [('submit_defence', '提交答辩状及证据', 'defence_submitted_on'), ('judge', '作出裁判', 'judged_on'),
             ('become_effective', '裁判生效', 'effective_on')]
    return [WorkflowEvent(content_type=content_type, object_id=s.pk, transition=name, label=label,
                          occurred_on=getattr(s, field), actor_name='system:demo', unit_id=s.defendant_unit_id,
                          note=s.get_outcome_display() if name == 'judge' else '')
            for s in suits for name, label, field in steps if getattr(s, field)]


IN_HAND = [(2, 'received'), (6, 'received'), (18, 'received'), (12, 'defended'), (30, 'heard'), (45, 'heard'),
           (60, 'judged'), (75, 'judged_ruling')]


def lawsuits_in_hand(ctx: DemoContext, builder: SuitBuilder) -> None:
    officer = ctx.data['users'].get('caseofficer')
    today = dt.date.today()
    with acting_as(officer, label='system:demo'):
        for age, stage in IN_HAND[:max(3, ctx.count(len(IN_HAND)))]:
            received = min(builder.recon.workday(today - dt.timedelta(days=age)), today)
            suit = builder.lawsuit(received, Instance.FIRST)
            suit.officer = officer
            suit = services.create(suit, message='演示数据')
            _take(builder, suit, stage, today)


def _take(builder: SuitBuilder, suit: Lawsuit, stage: str, today: dt.date) -> None:
    if stage == 'received':
        return
    day = min(builder.recon.workday(suit.complaint_received_on, 6), today)
    suit = advance(suit, 'submit_defence', day)
    if stage == 'defended':
        return
    day = min(day + dt.timedelta(days=14), today)
    suit = advance(suit, 'record_hearing', day, appearance=Appearance.DEPUTY, appeared_name=person(builder.rng),
                   appeared_position='副局长', court_notified_head=True)
    if stage.startswith('judged'):
        outcome = Outcome.DISMISS_SUIT if stage == 'judged_ruling' else Outcome.DISMISS_CLAIM
        served = min(today - dt.timedelta(days=builder.rng.randint(3, 8)), today)
        advance(suit, 'judge', max(day, served), outcome=outcome, served_on=max(day, served))

