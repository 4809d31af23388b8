"""Declarative figures in the indicator catalogue's vocabulary (see fazhi.indicators.definitions and dsl):
a measure counts (or sums a column of) one record type's table, placed in a period by a date column, with a
condition tree of plain data ({column, eq|ne|lt|le|gt|ge|in|not_in|is_null|not_null|blank: value}, all / any /
not). `Figure.to_catalogue()` is the catalogue entry: the indicator engine picks up every app's
`figures.FIGURES` and computes them unchanged on DuckDB or Spark. `compute` is the small evaluator over the
application database (a unit with its subtree and a period) that the business pages use meanwhile.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.apps import apps
from django.db.models import Q, Sum

LOOKUPS = {'eq': 'exact', 'lt': 'lt', 'le': 'lte', 'gt': 'gt', 'ge': 'gte', 'in': 'in'}


def snake(name: str) -> str:
    return ''.join(f'_{c.lower()}' if c.isupper() and i else c.lower() for i, c in enumerate(name))


@dataclass(frozen=True)
class Measure:
    """Count (or sum `column`) of `model` records dated by `date` within the period, meeting `where`."""
    model: str
    date: str
    where: Any = None
    kind: str = 'count'  # count | sum
    column: str | None = None

    @property
    def source(self) -> str:
        """The analytics-store table of the record type (its name in snake case)."""
        return snake(self.model.split('.')[-1])

    @property
    def unit_field(self) -> str:
        """Where the owning unit is (the record type's `unit_lookup`; the engine uses the same path)."""
        return apps.get_model(self.model).unit_lookup or 'unit'

    def to_catalogue(self) -> dict[str, Any]:
        data: dict[str, Any] = {'source': self.source, 'kind': self.kind, 'date': self.date}
        if self.column:
            data['column'] = self.column
        if self.where is not None:
            data['where'] = self.where
        return data


@dataclass(frozen=True)
class Figure:
    code: str
    name: str
    area: str
    numerator: Measure
    denominator: Measure | None = None
    kind: str = 'count'  # count | sum | rate (× 100)
    unit_of_measure: str = '件'
    definition_note: str = ''
    basis: str = ''

    @property
    def unit(self) -> str:
        return self.unit_of_measure

    @property
    def definition(self) -> str:
        return self.definition_note

    def to_catalogue(self) -> dict[str, Any]:
        data: dict[str, Any] = {'code': self.code, 'name': self.name, 'area': self.area, 'kind': self.kind,
                                'unit_of_measure': self.unit_of_measure, 'numerator': self.numerator.to_catalogue()}
        if self.denominator is not None:
            data['denominator'] = self.denominator.to_catalogue()
        if self.kind == 'rate':
            data['scale'] = 100
        if self.kind in ('count', 'sum'):
            data['rounding'] = 0
        for key in ('definition_note', 'basis'):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data

    def to_dict(self) -> dict[str, Any]:
        return self.to_catalogue()


@dataclass(frozen=True)
class FigureValue:
    code: str
    name: str
    value: Decimal | int | None
    numerator: int
    denominator: int | None
    unit: str
    definition: str


def condition(cond: Any) -> Q:
    """The condition tree as a Django Q (the ORM twin of fazhi.indicators.dsl)."""
    if cond is None:
        return Q()
    if isinstance(cond, list):
        cond = {'all': cond}
    if 'all' in cond or 'any' in cond:
        result = Q()
        for part in cond.get('all', cond.get('any')):
            result = (result & condition(part)) if 'all' in cond else (result | condition(part))
        return result
    if 'not' in cond:
        return ~condition(cond['not'])
    (op, arg), = ((k, v) for k, v in cond.items() if k != 'column')
    column = cond['column']
    if op in LOOKUPS:
        return Q(**{f'{column}__{LOOKUPS[op]}': arg})
    if op == 'ne':
        return ~Q(**{column: arg})
    if op == 'not_in':
        return ~Q(**{f'{column}__in': arg})
    if op in ('is_null', 'not_null'):
        return Q(**{f'{column}__isnull': (op == 'is_null') == bool(arg)})
    if op == 'blank':
        return Q(**{f'{column}__isnull': True}) | Q(**{column: ''})
    raise ValueError(f'未知的条件运算：{op}')


def records(measure: Measure, unit: Any, start: dt.date, end: dt.date) -> Any:
    """The records behind a measure (drill-down)."""
    model = apps.get_model(measure.model)
    qs = model._default_manager.filter(condition(measure.where), **{f'{measure.date}__gte': start,
                                                                    f'{measure.date}__lte': end})
    if unit is not None:
        qs = qs.filter(**{f'{measure.unit_field}__path__startswith': unit.path})
    return qs


def measure_value(measure: Measure, unit: Any, start: dt.date, end: dt.date) -> int:
    qs = records(measure, unit, start, end)
    if measure.kind == 'sum':
        return int(qs.aggregate(total=Sum(measure.column))['total'] or 0)
    return qs.count()


def rate(numerator: int, denominator: int) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)


def compute(figure: Figure, unit: Any, start: dt.date, end: dt.date) -> FigureValue:
    numerator = measure_value(figure.numerator, unit, start, end)
    if figure.denominator is None:
        return FigureValue(figure.code, figure.name, numerator, numerator, None, figure.unit, figure.definition)
    denominator = measure_value(figure.denominator, unit, start, end)
    return FigureValue(figure.code, figure.name, rate(numerator, denominator), numerator, denominator, figure.unit,
                       figure.definition)


def compute_all(figures: list[Figure], unit: Any, start: dt.date, end: dt.date) -> list[FigureValue]:
    return [compute(f, unit, start, end) for f in figures]


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def eq(column: str, value: Any) -> dict[str, Any]:
    return {'column': column, 'eq': value}


def one_of(column: str, values: list[Any]) -> dict[str, Any]:
    return {'column': column, 'in': list(values)}


def present(column: str) -> dict[str, Any]:
    return {'column': column, 'not_null': True}
