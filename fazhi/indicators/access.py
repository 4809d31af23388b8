"""Who sees which units' figures: the same roles and unit scopes as the records behind them."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from fazhi.core.permissions import register_access, scope_for
from fazhi.organization.choices import Role

FIGURE_LABEL = 'indicators.figure'
ALL = {'view': 'all'}
register_access(FIGURE_LABEL, {
    Role.DISTRICT_ADMIN: ALL, Role.LEGALITY_REVIEWER: ALL, Role.CASE_OFFICER: ALL, Role.LEADER: ALL,
    Role.UNIT_OFFICER: {'view': 'subtree'},
})
Figure = type('Figure', (), {'_meta': SimpleNamespace(label_lower=FIGURE_LABEL, verbose_name='指标数据',
                                                       verbose_name_plural='指标数据'), 'unit_lookup': 'unit'})


def visible_units(user: Any) -> list[Any]:
    """Units whose figures the user may see, top of the tree first; empty when none."""
    from fazhi.organization.models import Unit
    scope = scope_for(user, Figure, 'view')
    if scope == 'all':
        return list(Unit.objects.order_by('path'))
    if scope == 'subtree' and getattr(user, 'unit', None) is not None:
        return list(Unit.objects.filter(path__startswith=user.unit.path).order_by('path'))
    return []


def can_see_figures(user: Any) -> bool:
    return scope_for(user, Figure, 'view') is not None
