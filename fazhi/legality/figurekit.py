"""The figures page of the legality-review, normative-document and decision ledgers: `compute_all` reads a unit's
figures for a year back from the indicator engine (declared in fazhi.indicators.ledger_figures; nothing here
computes a figure) in the shape the page shows.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from fazhi.indicators.ledger_figures import Figure


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
