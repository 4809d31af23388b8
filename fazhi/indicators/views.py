"""Pages: the catalogue, one figure (trend, ranking, definition), its records, and the leaders' dashboard."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from fazhi.core.export import csv_response
from fazhi.core.overdue import overdue_items
from fazhi.core.views import forbidden

from . import service
from .access import can_see_figures, visible_units
from .definitions import DefinitionError, get
from .periods import GRAIN_NAMES, Period

DASHBOARD_HEADLINES = [
    'reconsideration.correction_rate', 'litigation.loss_rate', 'litigation.head_appearance_rate',
    'hotline.response_rate', 'hotline.resolution_rate', 'hotline.satisfaction_rate',
    'enforcement.penalty_power_inspection_rate', 'enforcement.staff_participation_rate',
    'mediation.success_rate', 'hazard.rectification_rate', 'normative_document.filing_rate',
    'disclosure.on_time_rate',
]
RANKED = ['hotline.satisfaction_rate', 'enforcement.per_capita_volume', 'hotline.response_rate',
          'enforcement.penalty_power_inspection_rate']


class Context:
    """The user's visible units, the chosen unit and period, parsed from the query string."""

    def __init__(self, request: Any) -> None:
        self.units = visible_units(request.user)
        self.by_code = {u.code: u for u in self.units}
        code = request.GET.get('unit') or (self.units[0].code if self.units else '')
        if code not in self.by_code:
            raise PermissionError('您无权查看该单位的指标，或单位不存在。')
        self.unit = self.by_code[code]
        default = str(dt.date.today().year - 1)
        try:
            self.period = Period.parse(request.GET.get('period') or default)
        except ValueError as exc:
            raise ValueError(str(exc))
        self.codes = list(self.by_code)

    def children(self) -> list[Any]:
        return [u for u in self.units if u.parent_id == self.unit.pk]


def _guard(request: Any) -> Context | Any:
    if not can_see_figures(request.user):
        return forbidden(request, '您的角色不能查看指标数据。')
    try:
        return Context(request)
    except PermissionError as exc:
        return forbidden(request, str(exc))
    except ValueError as exc:
        return render(request, 'indicators/error.html', {'message': str(exc)}, status=400)


def _headlines(con: Any, codes: list[str], ctx: Context) -> list[dict[str, Any]]:
    """Each indicator's figure for the unit and period, with last year's and the change (one read for all)."""
    period, last_year = ctx.period, ctx.period.shifted(years=-1)
    frame = service.figures(con, None, [ctx.unit.code], ctx.period.grain)
    index = {(row.indicator, row.period): row for row in frame.itertuples(index=False)}
    out = []
    for code in codes:
        try:
            indicator = get(code)
        except DefinitionError:
            continue
        now, before = (index.get((code, p.label)) for p in (period, last_year))
        now = service.row_value(now) if now is not None else None
        before = service.row_value(before) if before is not None else None
        out.append({'indicator': indicator, 'now': now, 'before': before,
                    'yoy': service.change(indicator, now and now['value'], before and before['value'])})
    return out


@login_required
def catalogue_page(request: Any) -> Any:
    ctx = _guard(request)
    if not isinstance(ctx, Context):
        return ctx
    with service.store() as con:
        service.refresh(con)
        rows = _headlines(con, [i.code for i in service.all_indicators()], ctx)
    areas: dict[str, list[Any]] = {}
    for row in rows:
        areas.setdefault(row['indicator'].area, []).append(row)
    return render(request, 'indicators/catalogue.html', {'ctx': ctx, 'areas': areas})


@login_required
def indicator_page(request: Any, code: str) -> Any:
    ctx = _guard(request)
    if not isinstance(ctx, Context):
        return ctx
    try:
        indicator = get(code)
    except DefinitionError:
        raise Http404('未知的指标')
    with service.store() as con:
        service.refresh(con, [indicator])
        head = _headlines(con, [code], ctx)[0]
        previous = ctx.period.shifted(steps=-1)
        frame = service.figures(con, code, ctx.codes)
    pop_row = service.value_of(frame, code, ctx.unit.code, previous.label)
    monthly = frame[(frame.unit_code == ctx.unit.code) & (frame.grain == 'month')].sort_values('period')
    children = ctx.children()
    ranking = _ranking(frame, ctx, children, indicator)
    return render(request, 'indicators/indicator.html', {
        'ctx': ctx, 'indicator': indicator, 'head': head, 'previous': previous,
        'pop': service.change(indicator, head['now'] and head['now']['value'], pop_row and pop_row['value']),
        'trend': {'labels': list(monthly.period), 'values': [None if v != v else v for v in monthly.value]},
        'ranking': ranking, 'grain_name': GRAIN_NAMES[ctx.period.grain],
    })


def _ranking(frame: Any, ctx: Context, children: list[Any], indicator: Any) -> list[dict[str, Any]]:
    rows = []
    part = frame[(frame.indicator == indicator.code) & (frame.period == ctx.period.label)]
    by_unit = {row.unit_code: row for row in part.itertuples(index=False)}  # one pass, not one filter a unit
    for unit in children:
        found = service.row_value(by_unit[unit.code]) if unit.code in by_unit else None
        if found and found['value'] is not None:
            rows.append({'unit': unit, **found})
    rows.sort(key=lambda r: r['value'], reverse=indicator.higher_is_better)
    return rows


@login_required
def records_page(request: Any, code: str) -> Any:
    ctx = _guard(request)
    if not isinstance(ctx, Context):
        return ctx
    try:
        indicator = get(code)
    except DefinitionError:
        raise Http404('未知的指标')
    part = 'denominator' if request.GET.get('part') == 'denominator' else 'numerator'
    page = max(1, int(request.GET.get('page', '1') or 1))
    export = request.GET.get('export') == 'csv'
    limit = 100_000 if export else 50
    with service.store() as con:
        pages = service.records(con, indicator, part, ctx.unit.code, ctx.period, limit=limit,
                                offset=0 if export else (page - 1) * 50)
    if export:
        frame = pages[0].rows if pages else None
        columns = [(c, c, (lambda c: lambda row: row[c])(c)) for c in (frame.columns if frame is not None else [])]
        return csv_response((r for _, r in frame.iterrows()), columns, f'{indicator.name}-{part}')
    return render(request, 'indicators/records.html', {
        'ctx': ctx, 'indicator': indicator, 'part': part, 'page': page,
        'pages': [{'measure': p.measure, 'total': p.total, 'columns': list(p.rows.columns),
                   'rows': p.rows.astype(object).where(p.rows.notna(), '').values.tolist()} for p in pages],
    })


@login_required
def dashboard(request: Any) -> Any:
    ctx = _guard(request)
    if not isinstance(ctx, Context):
        return ctx
    with service.store() as con:
        service.refresh(con)
        headlines = _headlines(con, list(DASHBOARD_HEADLINES), ctx)
        ranked = []
        for code in RANKED:
            try:
                indicator = get(code)
            except DefinitionError:
                continue
            frame = service.figures(con, code, ctx.codes, ctx.period.grain, ctx.period.label)
            by_kind: dict[str, list[Any]] = {}
            for row in _ranking(frame, ctx, ctx.children(), indicator):
                by_kind.setdefault(row['unit'].get_kind_display(), []).append(row)
            ranked.append({'indicator': indicator, 'groups': by_kind})
        trend_frame = service.figures(con, None, [ctx.unit.code], 'month')
    risks = [h for h in headlines if h['indicator'].target is not None and h['now'] and h['now']['value'] is not None
             and h['now']['value'] < h['indicator'].target]
    trends = {}
    for h in headlines[:6]:
        code = h['indicator'].code
        part = trend_frame[trend_frame.indicator == code].sort_values('period')
        trends[code] = {'name': h['indicator'].name, 'labels': list(part.period),
                        'values': [None if v != v else v for v in part.value]}
    return render(request, 'indicators/dashboard.html', {
        'ctx': ctx, 'headlines': headlines, 'ranked': ranked, 'risks': risks, 'trends': trends,
        'overdue': overdue_items(request.user, ctx.unit)})
