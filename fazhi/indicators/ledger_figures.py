"""How a ledger declares its figures next to its models (`<app>/figures.py`), in the catalogue's vocabulary.

A `Measure` counts (or sums a column of) one record type's table in the analytics store: a date column places a
record in a period, or an `active` pair (from, to) counts what is open at the period's end; `where` is a condition
tree of plain data ({column, eq|ne|lt|le|gt|ge|in|not_in|is_null|not_null|blank: value}, all / any / not; see
dsl.py). A `Figure` is a count, sum, rate (× 100) or ratio of measures. `Figure.to_catalogue()` is the catalogue
entry: the engine takes every app's `figures.FIGURES` in and computes them, unchanged, on DuckDB or Spark.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps


def snake(name: str) -> str:
    return ''.join(f'_{c.lower()}' if c.isupper() and i else c.lower() for i, c in enumerate(name))


@dataclass(frozen=True)
class Measure:
    model: str  # the record type, 'app.Model'; its store table is the model's name in snake case
    date: str | None = None
    where: Any = None
    kind: str = 'count'  # count | sum
    column: str | None = None
    active: tuple[str, str] | None = None
    unit_field: str | None = None  # path to the owning unit; default: the model's `unit_lookup`
    group_field: str = 'domain'  # what the ledger page's "by domain" breakdown groups by

    @property
    def source(self) -> str:
        return snake(self.model.split('.')[-1])

    @property
    def unit_path(self) -> str:
        return self.unit_field or getattr(apps.get_model(self.model), 'unit_lookup', None) or 'unit'

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
    area: str
    numerator: Measure
    denominator: Measure | None = None
    kind: str = 'count'  # count | sum | rate (× 100) | ratio
    unit_of_measure: str = '件'
    definition_note: str = ''
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
        data: dict[str, Any] = {'code': self.code, 'name': self.name, 'area': self.area, 'kind': self.kind,
                                'unit_of_measure': self.unit_of_measure, 'numerator': self.numerator.to_catalogue()}
        if self.denominator is not None:
            data['denominator'] = self.denominator.to_catalogue()
        if self.is_rate:
            data['scale'] = 100
        if self.kind == 'count':
            data['rounding'] = 0
        for key in ('definition_note', 'basis'):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data

    def to_dict(self) -> dict[str, Any]:
        return self.to_catalogue()


def catalogue(*figures: Figure) -> dict[str, Figure]:
    return {f.code: f for f in figures}


def eq(column: str, value: Any) -> dict[str, Any]:
    return {'column': column, 'eq': value}


def one_of(column: str, values: list[Any]) -> dict[str, Any]:
    return {'column': column, 'in': list(values)}


def present(column: str) -> dict[str, Any]:
    return {'column': column, 'not_null': True}
