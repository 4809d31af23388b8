"""Counts by unit and matter type, and the advisers' counts the annual report needs."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, Sum

from .choices import AdviserKind, EngagementKind, MatterType, ReviewState
from .models import AdviserEngagement, LegalAdviser, ReviewRequest


def reviews_by_unit_and_type(qs: Any, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Rows of (unit, {type: count}, total, suggestions) for requests received in the period, plus totals."""
    rows = (qs.filter(received_on__range=(start, end)).values('unit__name', 'unit__path', 'matter_type')
            .annotate(n=Count('id'), s=Sum('suggestion_count')).order_by('unit__path'))
    table: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = table.setdefault(row['unit__name'], {'unit': row['unit__name'], 'counts': dict.fromkeys(MatterType.values, 0),
                                                      'total': 0, 'suggestions': 0})
        entry['counts'][row['matter_type']] += row['n']
        entry['total'] += row['n']
        entry['suggestions'] += row['s'] or 0
    totals = {t: sum(e['counts'][t] for e in table.values()) for t in MatterType.values}
    return {'types': MatterType.choices, 'rows': [{**e, 'cells': [e['counts'][t] for t in MatterType.values]}
                                                   for e in table.values()],
            'totals': [totals[t] for t in MatterType.values], 'total': sum(totals.values()),
            'suggestions': sum(e['suggestions'] for e in table.values()),
            'open': qs.filter(state__in=[ReviewState.SUBMITTED, ReviewState.REVIEWING]).count()}


def adviser_counts(advisers: Any, engagements: Any, start: dt.date, end: dt.date) -> dict[str, Any]:
    active = advisers.filter(is_active=True)
    by_kind = {k: active.filter(kind=k).count() for k in AdviserKind.values}
    period = engagements.filter(occurred_on__range=(start, end))
    sums = period.values('kind').annotate(n=Sum('quantity'))
    per_kind = dict.fromkeys(EngagementKind.values, 0)
    for row in sums:
        per_kind[row['kind']] = row['n'] or 0
    per_adviser = (period.values('adviser__name', 'adviser__unit__name')
                   .annotate(**{k: Sum('quantity', filter=Q(kind=k)) for k in EngagementKind.values})
                   .order_by('adviser__unit__name', 'adviser__name'))
    return {'active': active.count(), 'chiefs': active.filter(is_chief=True).count(),
            'by_kind': [(label, by_kind[value]) for value, label in AdviserKind.choices],
            'engagements': [(label, per_kind[value]) for value, label in EngagementKind.choices],
            'per_adviser': [{'name': r['adviser__name'], 'unit': r['adviser__unit__name'],
                             'cells': [r[k] or 0 for k in EngagementKind.values]} for r in per_adviser],
            'engagement_kinds': EngagementKind.choices}


def visible(user: Any) -> tuple[Any, Any, Any]:
    return (ReviewRequest.objects.visible_to(user), LegalAdviser.objects.visible_to(user),
            AdviserEngagement.objects.visible_to(user))
