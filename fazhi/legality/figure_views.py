"""The figures page of a business line: pick a unit (within the user's scope) and a year."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.views import View

from fazhi.core.permissions import can, deny_message
from fazhi.core.views import forbidden
from fazhi.organization.models import Unit

from .figurekit import Figure, compute_all, year_bounds


def chosen_unit(request: Any) -> Any:
    units = Unit.objects.visible_to(request.user).filter(is_active=True)
    picked = request.GET.get('unit', '')
    unit = units.filter(pk=picked).first() if picked.isdigit() else None
    return unit or units.order_by('path').first(), units


def chosen_year(request: Any) -> int:
    text = request.GET.get('year', '')
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else dt.date.today().year


class FiguresView(View):
    """Figures of one business line; `model` decides who may see them (whoever may view its records)."""
    model: Any = None
    figures: list[Figure] = []
    title = ''
    template_name = 'kit/figures.html'

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can(request.user, 'view', self.model):
            return forbidden(request, deny_message(self.model, 'view'))
        return super().dispatch(request, *args, **kwargs)

    def extra_context(self, unit: Any, start: dt.date, end: dt.date) -> dict[str, Any]:
        return {}

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        unit, units = chosen_unit(request)
        year = chosen_year(request)
        start, end = year_bounds(year)
        context = {'title': self.title, 'unit': unit, 'units': units, 'year': year, 'start': start, 'end': end,
                   'figures': compute_all(self.figures, unit, start, end) if unit else []}
        context.update(self.extra_context(unit, start, end))
        return render(request, self.template_name, context)
