"""Declarative figures of the case ledgers and how their pages read them.

A figure is a count, a sum, a rate or a ratio of `Measure`s written in the vocabulary of the indicator
catalogue (fazhi.indicators, docs/contracts/analytics-feeds.md): a source table, a date column placing a
record in a period (or an `active` pair for what is open at the period end) and a condition tree of
plain data. `Figure.to_catalogue()` gives the catalogue entry; `evaluate` and `breakdown` read the values from
the indicator engine (nothing here computes a figure), and `records` lists the records behind one on the
ledger's own pages, through the user's scope.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from django.apps import apps
from django.db.models import F, Q, QuerySet

from fazhi.indicators import service
from fazhi.indicators.ledger_figures import Figure, Measure
from fazhi.indicators.periods import Period

BREAKDOWNS = {'unit': '按单位', 'domain': '按领域', 'month': '按月份'}


@dataclass(frozen=True)
class Params:
    start: dt.date
    end: dt.date
    unit: Any = None  # a Unit: the unit and its subtree; None: everything the user may see
    user: Any = None  # None: no scope (system jobs)

    @classmethod
    def year(cls, year: int, unit: Any = None, user: Any = None) -> 'Params':
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), unit, user)

    @classmethod
    def from_query(cls, query: Mapping[str, str], user: Any) -> 'Params':
        from fazhi.organization.models import Unit
        try:
            year = int(query.get('year') or dt.date.today().year - 1)  # default: the last full year
        except ValueError:
            year = dt.date.today().year - 1
        unit = None
        if (unit_id := str(query.get('unit') or '')).isdigit():
            unit = Unit.objects.visible_to(user).filter(pk=unit_id).first()
        return cls.year(year, unit, user)

    def previous_year(self) -> 'Params':
        return Params(_year_back(self.start), _year_back(self.end), self.unit, self.user)

    @property
    def label(self) -> str:
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31):
            return f'{self.start.year}年'
        return f'{self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}'


def _year_back(d: dt.date) -> dt.date:
    return d.replace(year=d.year - 1, day=28) if (d.month, d.day) == (2, 29) else d.replace(year=d.year - 1)


COMPARISONS = {'eq': 'exact', 'lt': 'lt', 'le': 'lte', 'gt': 'gt', 'ge': 'gte'}


def condition_q(cond: Any, params: Params) -> Q:
    """The catalogue's condition tree as a Django Q (the interim, ORM implementation)."""
    if cond is None:
        return Q()
    if isinstance(cond, list):
        cond = {'all': cond}
    if 'all' in cond or 'any' in cond:
        result = Q()
        for part in cond.get('all', cond.get('any')):
            result = (result & condition_q(part, params)) if 'all' in cond else (result | condition_q(part, params))
        return result
    if 'not' in cond:
        return ~condition_q(cond['not'], params)
    return _leaf_q(cond, params)


def _leaf_q(cond: dict[str, Any], params: Params) -> Q:
    column = cond['column']
    op, arg = next((k, v) for k, v in cond.items() if k != 'column')
    arg = {'$as_of': params.end, '$start': params.start, '$end': params.end}.get(arg, arg) \
        if isinstance(arg, str) else arg
    if op in COMPARISONS:
        return Q(**{f'{column}__{COMPARISONS[op]}': arg})
    if op.endswith('_column') and op[:-7] in COMPARISONS:
        return Q(**{f'{column}__{COMPARISONS[op[:-7]]}': F(arg)})
    if op == 'ne':
        return ~Q(**{column: arg}) & Q(**{f'{column}__isnull': False})
    if op in ('in', 'not_in'):
        q = Q(**{f'{column}__in': list(arg)})
        return q if op == 'in' else ~q
    if op in ('is_null', 'not_null'):
        return Q(**{f'{column}__isnull': bool(arg) == (op == 'is_null')})
    if op == 'blank':
        blank = Q(**{f'{column}__isnull': True}) | Q(**{column: ''})
        return blank if arg else ~blank
    raise ValueError(f'未知的条件运算：{op}')


def records(figure: Figure, params: Params, part: str = 'numerator') -> QuerySet:
    """The records behind the numerator (or denominator) — the drill-down of a figure."""
    measure = figure.denominator if part == 'denominator' and figure.denominator else figure.numerator
    return measure_queryset(measure, params)


def measure_queryset(measure: Measure, params: Params) -> QuerySet:
    model = apps.get_model(measure.model)
    qs = model._default_manager.visible_to(params.user) if params.user is not None else model._default_manager.all()
    if params.unit is not None:
        qs = qs.filter(**{f'{measure.unit_path}__path__startswith': params.unit.path})
    if measure.active is not None:
        start, end = measure.active
        qs = qs.filter(Q(**{f'{start}__lte': params.end}) & (Q(**{f'{end}__isnull': True}) |
                                                              Q(**{f'{end}__gt': params.end})))
    else:
        qs = qs.filter(**{f'{measure.date}__gte': params.start, f'{measure.date}__lte': params.end})
    return qs.filter(condition_q(measure.where, params))


@dataclass(frozen=True)
class FigureValue:
    figure: Figure
    params: Params
    value: float | int | None
    numerator: float | int | None
    denominator: float | int | None = None
    previous: float | int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def change(self) -> float | None:
        """Year-on-year change: percentage points for rates, per cent for counts and averages."""
        if self.value is None or self.previous is None:
            return None
        if self.figure.is_rate:
            return round(self.value - self.previous, 1)
        return round((self.value - self.previous) / self.previous * 100, 1) if self.previous else None

    @property
    def display(self) -> str:
        return format_value(self.figure, self.value)

    @property
    def change_display(self) -> str:
        change = self.change
        if change is None:
            return '—'
        unit = '个百分点' if self.figure.is_rate else '%'
        return f'{"+" if change > 0 else ""}{change}{unit}'

    def to_dict(self) -> dict[str, Any]:
        return {'code': self.figure.code, 'name': self.figure.name, 'unit': self.figure.unit,
                'value': self.value, 'display': self.display, 'numerator': self.numerator,
                'denominator': self.denominator, 'previous_year': self.previous, 'change': self.change,
                'period': {'start': self.params.start.isoformat(), 'end': self.params.end.isoformat()},
                'unit_id': getattr(self.params.unit, 'pk', None), 'definition': self.figure.definition}


def format_value(figure: Figure, value: float | int | None) -> str:
    if value is None:
        return '—'
    if figure.is_rate:
        return f'{value:.1f}%'
    if figure.kind == 'ratio' or isinstance(value, float):
        return f'{value:.1f}{figure.unit}'
    return f'{value}{figure.unit}'


def _unit(figure: Figure, params: Params) -> Any:
    """The unit whose figure is read: the chosen one, else the top of what the user may see of this ledger; a
    unit officer asking for a unit above their own gets their own, and for one outside it, nothing."""
    from fazhi.core.permissions import scope_for
    from fazhi.organization.models import Unit
    root = Unit.objects.filter(parent__isnull=True).order_by('path').first()
    if params.user is None:
        return params.unit or root
    scope = scope_for(params.user, apps.get_model(figure.numerator.model), 'view')
    if scope == 'all':
        return params.unit or root
    own = getattr(params.user, 'unit', None)
    if scope != 'subtree' or own is None:
        return None
    if params.unit is None or own.path.startswith(params.unit.path):
        return own
    return params.unit if params.unit.path.startswith(own.path) else None


def _period(params: Params) -> Period:
    return Period('year', str(params.start.year))


def _figure_value(figure: Figure, params: Params, found: dict[str, Any] | None, previous: Any) -> FigureValue:
    """The engine's figure in the ledger page's terms: no records → 0 cases (and no rate)."""
    if found is None:
        return FigureValue(figure, params, None if figure.denominator else 0, 0, 0 if figure.denominator else None,
                           previous)
    return FigureValue(figure, params, _number(figure, found['value']), _count(found['numerator']),
                       _count(found['denominator']), previous)


def _number(figure: Figure, value: float | None) -> float | int | None:
    if value is None or figure.kind not in ('count', 'sum'):
        return value
    return int(value) if float(value).is_integer() else value


def _count(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


def evaluate_all(figures: Mapping[str, Figure] | list[Figure], params: Params, *,
                 compare: bool = True) -> list[FigureValue]:
    """The figures for the unit and year, read from the indicator engine (one refresh for them all)."""
    figures = list(figures.values()) if isinstance(figures, Mapping) else list(figures)
    units = {f.code: _unit(f, params) for f in figures}
    period, before = _period(params), Period('year', str(params.start.year - 1))
    codes = [f.code for f in figures if units[f.code] is not None]
    found = service.values(codes, sorted({u.code for u in units.values() if u is not None}),
                           [period, before] if compare else [period]) if codes else {}
    out = []
    for f in figures:
        code = getattr(units[f.code], 'code', None)
        previous = _figure_value(f, params, found.get((f.code, code, before.label)), None).value if compare else None
        out.append(_figure_value(f, params, found.get((f.code, code, period.label)), previous))
    return out


def evaluate(figure: Figure, params: Params, *, compare: bool = True) -> FigureValue:
    return evaluate_all([figure], params, compare=compare)[0]


def breakdown(figure: Figure, params: Params, by: str) -> list[dict[str, Any]]:
    """The figure per sub-unit, per month or per domain of the period — all from the indicator engine."""
    unit = _unit(figure, params)
    if unit is None:
        return []
    if by == 'domain':
        column, via = _group_column(figure.numerator)
        nums, dens = service.grouped(figure.code, unit.code, _period(params), column, via)
        values = {k: _ratio_row(figure, nums.get(k, 0), dens.get(k, 0)) for k in set(nums) | set(dens)}
    elif by == 'month':
        months = [Period('month', f'{params.start.year}-{m:02d}') for m in range(1, 13)]
        found = service.values([figure.code], [unit.code], months)
        values = {dt.date(params.start.year, int(p.label[5:]), 1): _found_row(figure, found.get(
            (figure.code, unit.code, p.label))) for p in months if (figure.code, unit.code, p.label) in found}
    else:
        children = list(unit_choices(params.user).filter(parent=unit)) if params.user is not None else \
            list(type(unit).objects.filter(parent=unit))
        found = service.values([figure.code], [u.code for u in children], [_period(params)])
        values = {u.pk: _found_row(figure, found.get((figure.code, u.code, _period(params).label)))
                  for u in children if (figure.code, u.code, _period(params).label) in found}
    labels = _labels(figure, by, set(values))
    return [{'key': key, 'label': labels[key][0], **values[key], 'display': format_value(figure, values[key]['value'])}
            for key in sorted(labels, key=lambda k: (labels[k][1], labels[k][0]))]


def _group_column(measure: Measure) -> tuple[str, tuple[str, str] | None]:
    """The store column of the measure's `group_field`, through one relation when it names one."""
    if '__' not in measure.group_field:
        return measure.group_field, None
    from fazhi.indicators.sync import table_name
    relation, column = measure.group_field.split('__', 1)
    link = apps.get_model(measure.model)._meta.get_field(relation)
    return column, (link.attname, table_name(link.related_model))


def _found_row(figure: Figure, found: dict[str, Any] | None) -> dict[str, Any]:
    value = _figure_value(figure, None, found, None)  # type: ignore[arg-type]
    return {'numerator': value.numerator, 'denominator': value.denominator, 'value': value.value}


def _ratio_row(figure: Figure, numerator: float, denominator: float) -> dict[str, Any]:
    """A group's figure from its amounts (the engine's grouped drill-down), rounded as the catalogue rounds."""
    if not figure.denominator:
        return {'numerator': _count(numerator), 'denominator': None, 'value': _number(figure, numerator)}
    value = round(numerator / denominator * figure.scale, 2) if denominator else None
    return {'numerator': _count(numerator), 'denominator': _count(denominator), 'value': value}


def _labels(figure: Figure, by: str, keys: set[Any]) -> dict[Any, tuple[str, str]]:
    """key → (label, sort key)."""
    if by == 'month':
        return {k: (f'{k:%Y年%m月}' if k else '—', str(k)) for k in keys}
    if by == 'unit':
        from fazhi.organization.models import Unit
        units = {u.pk: u for u in Unit.objects.filter(pk__in=[k for k in keys if k])}
        return {k: (units[k].name, units[k].path) if k in units else ('—', '') for k in keys}
    choices = dict(_field_at(apps.get_model(figure.numerator.model), figure.numerator.group_field).choices or [])
    return {k: (str(choices.get(k, k or '—')), str(k)) for k in keys}


def _field_at(model: Any, path: str) -> Any:
    *relations, name = path.split('__')
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model._meta.get_field(name)


def unit_choices(user: Any) -> QuerySet:
    from fazhi.organization.models import Unit
    return Unit.objects.visible_to(user).exclude(kind='office').filter(is_active=True)
