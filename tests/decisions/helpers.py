"""Builders for major-decision tests (as the system, through the audited service and the workflow)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.core.workflow import apply
from fazhi.decisions.models import DecisionCatalogue, MajorDecision, PublicComment


def catalogue(district: Any, year: int = 2025, published: bool = True) -> DecisionCatalogue:
    with acting_as(None, label='system:test'):
        found = services.create(DecisionCatalogue(unit=district.district, year=year, title=f'测试区{year}年度重大行政决策事项目录'))
    return found


def decision(district: Any, cat: DecisionCatalogue | None = None, unit: Any = None, title: str = '生活垃圾分类三年行动方案',
             **extra: Any) -> MajorDecision:
    with acting_as(None, label='system:test'):
        return services.create(MajorDecision(catalogue=cat, deciding_body=district.district, unit=unit or district.market,
                                             title=title, **extra))


def publish(cat: DecisionCatalogue, on: dt.date = dt.date(2025, 2, 20)) -> DecisionCatalogue:
    with acting_as(None, label='system:test'):
        return apply(cat, 'publish', on=on, party_consent_on=on - dt.timedelta(days=5))


def record(d: MajorDecision, kind: str, **changes: Any) -> None:
    changes.setdefault('status', 'done')
    if changes['status'] == 'done':
        changes.setdefault('held_on', dt.date(2025, 3, 1))
        changes.setdefault('conclusion', '可行')
    with acting_as(None, label='system:test'):
        services.update(d.procedures.get(kind=kind), changes)


def consulting(district: Any, opens: dt.date | None = None, **extra: Any) -> MajorDecision:
    """A decision open for comment (from `opens`, default today) for the minimum 30 days."""
    from fazhi.decisions.consultation import minimum_period
    opens = opens or dt.date.today()
    cat = DecisionCatalogue.objects.filter(unit=district.district, year=opens.year).first() or catalogue(district, opens.year)
    d = decision(district, cat, **extra)
    if cat.state == 'draft':
        publish(cat, on=min(opens, dt.date(opens.year, 2, 20)))
    with acting_as(None, label='system:test'):
        d = apply(d, 'start', on=opens - dt.timedelta(days=10))
        return apply(d, 'open_comment', on=opens, step_on=opens, closes_on=minimum_period(opens).due,
                     draft_text='第一条 征求意见稿正文。')


def comment(d: MajorDecision, content: str = '建议增设分类指导员。', **extra: Any) -> PublicComment:
    with acting_as(None, label='public'):
        return services.create(PublicComment(decision=d, content=content, **extra), enforce=False)
