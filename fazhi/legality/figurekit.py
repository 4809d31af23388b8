"""Declarative figures: numerator and denominator as ORM-free specs (model label, date field, unit path field,
exact field filters), so that the indicator engine can compute the same definitions on DuckDB or Spark; and,
until it does, a small evaluator over the application database for one unit (with its subtree) and period.
Meant to move to the indicator engine; the specs in each app's figures.py are the stable part.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Mapping

from django.apps import apps
from django.db.models import Sum


@dataclass(frozen=True)
class Measure:
    """Count (or sum `sum_field`) of `model` records of the unit's subtree dated within the period."""
    model: str
    date_field: str
    unit_field: str = 'unit'
    where: Mapping[str, Any] = field(default_factory=dict)
    sum_field: str | None = None


@dataclass(frozen=True)
class Figure:
    code: str
    name: str
    numerator: Measure
    denominator: Measure | None = None  # None: a count, not a rate
    unit: str = '件'
    definition: str = ''
    basis: str = ''

    @property
    def is_rate(self) -> bool:
        return self.denominator is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FigureValue:
    code: str
    name: str
    value: Decimal | int | None
    numerator: int
    denominator: int | None
    unit: str
    definition: str


def records(measure: Measure, unit: Any, start: dt.date, end: dt.date) -> Any:
    """The records behind a measure (drill-down)."""
    model = apps.get_model(measure.model)
    filters = {f'{measure.date_field}__gte': start, f'{measure.date_field}__lte': end, **measure.where}
    if unit is not None:
        filters[f'{measure.unit_field}__path__startswith'] = unit.path
    return model._default_manager.filter(**filters)


def measure_value(measure: Measure, unit: Any, start: dt.date, end: dt.date) -> int:
    qs = records(measure, unit, start, end)
    if measure.sum_field:
        return int(qs.aggregate(total=Sum(measure.sum_field))['total'] or 0)
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
