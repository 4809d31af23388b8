"""Declarative figures and their computation from the application database.

A figure is a count, a sum, a rate or a ratio of `Measure`s written in the vocabulary of the indicator
catalogue (fazhi.indicators, docs/contracts/analytics-feeds.md): a source table, a date column placing a
record in a period (or an `active` pair for what is open at the period end) and a condition tree of
plain data. `Figure.to_catalogue()` gives the catalogue entry, so the indicator engine computes the same
definitions on DuckDB or Spark unchanged. `evaluate`, `breakdown` and `records` are the interim
implementation on the Django ORM, always through the user's scope.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from django.apps import apps
from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

BREAKDOWNS = {'unit': '按单位', 'domain': '按领域', 'month': '按月份'}


@dataclass(frozen=True)
class Measure:
    """A count or sum over one record type, in the vocabulary of the indicator catalogue (fazhi.indicators):
    `where` is a condition tree ({column, eq|ne|lt|le|gt|ge|in|not_in|is_null|not_null|blank: value},
    all / any / not), `date` places a record in a period, `active` = (from, to) counts what is open at the
    end of the period. `model` and `unit_field` say where the record lives in the application database."""
    model: str
    date: str | None = None
    where: Any = None
    kind: str = 'count'  # count | sum
    column: str | None = None
    active: tuple[str, str] | None = None
    unit_field: str = 'unit'
    group_field: str = 'domain'

    @property
    def source(self) -> str:
        """The analytics-store table of the record type (the model's name in snake case)."""
        name = self.model.split('.')[-1]
        return ''.join(f'_{c.lower()}' if c.isupper() and i else c.lower() for i, c in enumerate(name))

    def to_catalogue(self) -> dict[str, Any]:
        data: dict[str, Any] = {'source': self.source, 'kind': self.kind}
        for key in ('column', 'where', 'date'):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.active is not None:
            data['active'] = list(self.active)
        return data


@dataclass(frozen=True)
class Figure:
    code: str
    name: str
    numerator: Measure
    denominator: Measure | None = None
    kind: str = 'count'  # count | sum | rate (× 100) | ratio
    unit_of_measure: str = '件'
    definition_note: str = ''
    area: str = ''
    basis: str = ''

    @property
    def is_rate(self) -> bool:
        return self.kind == 'rate'

    @property
    def scale(self) -> float:
        return 100.0 if self.is_rate else 1.0

    @property
    def unit(self) -> str:
        return self.unit_of_measure

    @property
    def definition(self) -> str:
        return self.definition_note

    def to_catalogue(self) -> dict[str, Any]:
        """The entry for the indicator catalogue (catalogue/*.yaml of fazhi.indicators)."""
        data: dict[str, Any] = {'code': self.code, 'name': self.name, 'area': self.area, 'kind': self.kind,
                                'unit_of_measure': self.unit_of_measure, 'numerator': self.numerator.to_catalogue()}
        if self.denominator is not None:
            data['denominator'] = self.denominator.to_catalogue()
        if self.is_rate:
            data['scale'] = 100
        for key in ('definition_note', 'basis'):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data

    def to_dict(self) -> dict[str, Any]:
        return self.to_catalogue()


def catalogue(*figures: Figure) -> dict[str, Figure]:
    return {f.code: f for f in figures}


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
        qs = qs.filter(**{f'{measure.unit_field}__path__startswith': params.unit.path})
    if measure.active is not None:
        start, end = measure.active
        qs = qs.filter(Q(**{f'{start}__lte': params.end}) & (Q(**{f'{end}__isnull': True}) |
                                                              Q(**{f'{end}__gt': params.end})))
    else:
        qs = qs.filter(**{f'{measure.date}__gte': params.start, f'{measure.date}__lte': params.end})
    return qs.filter(condition_q(measure.where, params))


def _aggregate(measure: Measure) -> Any:
    return Sum(measure.column) if measure.kind == 'sum' else Count('pk')


def measure_value(measure: Measure, params: Params) -> float | int | None:
    value = measure_queryset(measure, params).aggregate(v=_aggregate(measure))['v']
    return 0 if value is None and measure.kind == 'sum' else value


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


def _ratio(figure: Figure, numerator: Any, denominator: Any) -> float | None:
    return round(float(numerator) / float(denominator) * figure.scale, 2) if denominator else None


def value_of(figure: Figure, params: Params) -> tuple[Any, Any, Any]:
    num = measure_value(figure.numerator, params)
    if figure.denominator is None:
        return num, num, None
    den = measure_value(figure.denominator, params)
    return _ratio(figure, num or 0, den), num, den


def evaluate(figure: Figure, params: Params, *, compare: bool = True) -> FigureValue:
    value, num, den = value_of(figure, params)
    previous = value_of(figure, params.previous_year())[0] if compare else None
    return FigureValue(figure, params, value, num, den, previous)


def evaluate_all(figures: Mapping[str, Figure], params: Params) -> list[FigureValue]:
    return [evaluate(f, params) for f in figures.values()]


def _group_key(measure: Measure, by: str) -> tuple[str, Any]:
    if by == 'month':
        return 'group', TruncMonth(measure.date or measure.active[0])
    field_name = measure.unit_field if by == 'unit' else measure.group_field
    return field_name, None


def _grouped(measure: Measure, params: Params, by: str) -> dict[Any, Any]:
    key, expr = _group_key(measure, by)
    qs = measure_queryset(measure, params)
    if expr is not None:
        qs = qs.annotate(group=expr)
    rows = qs.order_by().values(key).annotate(v=_aggregate(measure))
    return {_month(r[key]) if by == 'month' else r[key]: r['v'] for r in rows}


def _month(value: Any) -> Any:
    return value.date() if isinstance(value, dt.datetime) else value


def breakdown(figure: Figure, params: Params, by: str) -> list[dict[str, Any]]:
    """The figure per unit, per domain or per month of the period."""
    nums = _grouped(figure.numerator, params, by)
    dens = _grouped(figure.denominator, params, by) if figure.denominator else {}
    labels = _labels(figure, by, set(nums) | set(dens))
    rows = []
    for key in sorted(labels, key=lambda k: (labels[k][1], labels[k][0])):
        num, den = nums.get(key, 0), dens.get(key) if figure.denominator else None
        value = _ratio(figure, num or 0, den) if figure.denominator else num
        rows.append({'key': key, 'label': labels[key][0], 'numerator': num, 'denominator': den,
                     'value': value, 'display': format_value(figure, value)})
    return rows


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
