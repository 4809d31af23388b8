"""The demo year lands on Tongzhou's published figures and leaves work in the queues."""
from __future__ import annotations

from fazhi.core import audit
from fazhi.core.demo import DemoContext, steps
from fazhi.core.context import acting_as
from fazhi.litigation.figures import FIGURES as LITIGATION
from fazhi.litigation.models import Lawsuit
from fazhi.reconsideration.casework import queues
from fazhi.reconsideration.casework.figures import Params, evaluate
from fazhi.reconsideration.figures import FIGURES as RECONSIDERATION
from fazhi.reconsideration.models import PublishedDecision, ReconsiderationCase
from fazhi.reconsideration.redaction import leftovers

MINE = {'单位', '用户', '行政复议案件', '行政诉讼案件'}


def run_demo():
    ctx = DemoContext()
    with acting_as(None, label='system:demo'):
        for _, name, step in steps():
            if name in MINE:
                step(ctx)
    return ctx


def test_demo_year_matches_tongzhou(db):
    ctx = run_demo()
    year = Params.year(ctx.year)

    def value(figures, code):
        return evaluate(figures[code], year)

    rate = value(RECONSIDERATION, 'reconsideration.correction_rate')
    assert (rate.numerator, rate.denominator, rate.display) == (236, 977, '24.2%')
    assert value(RECONSIDERATION, 'reconsideration.received').value == 1113
    assert rate.previous is not None and rate.change_display.endswith('个百分点')
    assert value(LITIGATION, 'litigation.received').value == 285
    assert value(LITIGATION, 'litigation.concluded').value == 203
    assert 1.5 <= value(LITIGATION, 'litigation.loss_rate').value <= 2.5
    assert value(LITIGATION, 'litigation.head_appearance_rate').display == '86.0%'
    share = value(RECONSIDERATION, 'reconsideration.litigation_share')
    linked = Lawsuit.objects.filter(reconsideration_case__concluded_on__year=ctx.year).count()
    assert share.numerator == linked and 8 <= share.value <= 15
    assert queues.entries(ReconsiderationCase.objects.all(), 'due_soon')
    assert queues.entries(ReconsiderationCase.objects.all(), 'overdue')
    published = PublishedDecision.objects.filter(status='published')
    assert published.count() >= 20
    assert all(not leftovers(p.redacted_text, p.case.personal_names()) for p in published)
    assert audit.verify().ok
