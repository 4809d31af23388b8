"""Declarative figures in the indicator catalogue's vocabulary (see fazhi.indicators.definitions and dsl):
a measure counts (or sums a column of) one record type's table, placed in a period by a date column, with a
condition tree of plain data ({column, eq|ne|lt|le|gt|ge|in|not_in|is_null|not_null|blank: value}, all / any /
not). `Figure.to_catalogue()` is the catalogue entry: the indicator engine picks up every app's
`figures.FIGURES` and computes them unchanged on DuckDB or Spark; `compute_all` reads a unit's figures for a year
back from the engine for the ledger's own figures page (nothing here computes a figure).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.apps import apps

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


def compute_all(figures: list[Figure], unit: Any, start: dt.date, end: dt.date) -> list[FigureValue]:
    """The figures of `unit` (with its subtree) for the year of `start`, read from the indicator engine."""
    from fazhi.indicators import service
    from fazhi.indicators.periods import Period
    period = Period('year', str(start.year))
    found = service.values([f.code for f in figures], [unit.code], [period]) if figures and unit else {}
    return [_value(f, found.get((f.code, getattr(unit, 'code', None), period.label))) for f in figures]


def _value(figure: Figure, found: dict[str, Any] | None) -> FigureValue:
    numerator = int(found['numerator']) if found else 0
    denominator = None
    if figure.denominator is not None:
        denominator = int(found['denominator'] or 0) if found else 0
        value: Decimal | int | None = None if not found or found['value'] is None else \
            Decimal(str(found['value'])).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
    else:
        value = numerator
    return FigureValue(figure.code, figure.name, value, numerator, denominator, figure.unit, figure.definition)


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def eq(column: str, value: Any) -> dict[str, Any]:
    return {'column': column, 'eq': value}


def one_of(column: str, values: list[Any]) -> dict[str, Any]:
    return {'column': column, 'in': list(values)}


def present(column: str) -> dict[str, Any]:
    return {'column': column, 'not_null': True}
