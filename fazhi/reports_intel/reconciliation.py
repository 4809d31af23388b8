"""Reconciling a report's figures with the figures the platform computes from its own records.

When a report is about the platform's own district (its region is the top unit's name or short name),
every figure mapped to an indicator code is compared with the indicator engine's value for the same code,
the district and the year (`fazhi.indicators.service`). The comparison itself is the engine's
`fazhi.intel.benchmark.reconcile` (rounding to the stated decimals, wider for 约/近, one-sided for 余/超过).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fazhi.intel.benchmark import reconcile

from .choices import Reconciled
from .loading import intel_facts
from .models import ReportDocument, ReportFact

log = logging.getLogger(__name__)


def platform_district() -> Any:
    """The top unit of the platform's tree (the district), or None before any unit exists."""
    from fazhi.organization.models import Unit
    return Unit.objects.filter(parent__isnull=True, is_active=True).order_by('path').first()


def names_of(unit: Any) -> list[str]:
    """The names a report may use for the district: its short name, its name, its name without 人民政府."""
    out = []
    for name in (unit.short_name, unit.name, unit.name.removesuffix('人民政府')):
        if name and name not in out:
            out.append(name)
    return out


def is_own_district(region: str, unit: Any) -> bool:
    if not region or unit is None:
        return False
    return any(region == name or name.endswith(region) or region.endswith(name) for name in names_of(unit))


@dataclass
class Row:
    fact: ReportFact
    name: str
    status: str
    computed: float | None = None

    @property
    def status_label(self) -> str:
        return Reconciled(self.status).label

    @property
    def delta(self) -> Decimal | None:
        if self.computed is None:
            return None
        return (Decimal(self.fact.value) - Decimal(str(self.computed))).quantize(Decimal('0.01'))

    def as_dict(self) -> dict[str, Any]:
        f = self.fact
        return {'fact': f.pk, 'indicator': f.indicator, 'name': self.name, 'period': f.period,
                'reported': float(f.value), 'unit': f.unit, 'qualifier': f.qualifier or None,
                'computed': self.computed, 'delta': None if self.delta is None else float(self.delta),
                'status': self.status, 'status_label': self.status_label, 'text': f.text, 'start': f.start,
                'end': f.end}


@dataclass
class Reconciliation:
    applicable: bool
    district: Any = None
    rows: list[Row] = field(default_factory=list)
    error: str = ''

    @property
    def differences(self) -> list[Row]:
        return [r for r in self.rows if r.status == Reconciled.DIFFERS]

    @property
    def agreements(self) -> list[Row]:
        return [r for r in self.rows if r.status == Reconciled.AGREES]

    def as_dict(self) -> dict[str, Any]:
        return {'applicable': self.applicable, 'district': getattr(self.district, 'code', None),
                'district_name': getattr(self.district, 'name', None), 'error': self.error,
                'differences': len(self.differences), 'rows': [r.as_dict() for r in self.rows]}


def eligible(report: ReportDocument) -> list[ReportFact]:
    """Stated figures of a code and a year: not changes (增长x%), not ranges, not 由…提高至 starting points."""
    return list(report.facts.exclude(indicator='').filter(period__isnull=False, direction__isnull=True,
                                                          high__isnull=True, comparison='').order_by('seq'))


def reconcile_report(report: ReportDocument) -> Reconciliation:
    district = platform_district()
    if not is_own_district(report.region, district):
        return Reconciliation(False, district)
    from fazhi.indicators.definitions import DefinitionError, get

    from .benchmarking import indicator_names

    facts = eligible(report)
    names = indicator_names()
    defined = {}
    for code in {f.indicator for f in facts}:
        try:
            defined[code] = get(code)
        except DefinitionError:
            continue
    try:
        computed = _computed(district.code, defined, {(f.indicator, f.period) for f in facts if f.indicator in defined})
    except Exception as exc:  # a locked or damaged analytics store must not break the report page
        log.exception('reconciliation of report %s failed', report.pk)
        return Reconciliation(True, district, [Row(f, names.get(f.indicator, f.indicator), Reconciled.NO_FIGURE)
                                               for f in facts], f'无法读取平台指标数据：{exc}')
    rows = []
    for fact, as_intel in zip(facts, intel_facts(facts)):
        name = names.get(fact.indicator, fact.indicator)
        if fact.indicator not in defined:
            rows.append(Row(fact, name, Reconciled.NOT_DEFINED))
            continue
        value = computed.get((fact.indicator, fact.period))
        if value is None:
            rows.append(Row(fact, name, Reconciled.NO_FIGURE))
            continue
        differs = reconcile([as_intel], {(fact.indicator, fact.period): value})
        rows.append(Row(fact, name, Reconciled.DIFFERS if differs else Reconciled.AGREES, value))
    return Reconciliation(True, district, rows)


def _computed(unit_code: str, indicators: dict[str, Any], wanted: set[tuple[str, int]]) -> dict[tuple[str, int], float]:
    if not wanted:
        return {}
    from fazhi.indicators import service

    out: dict[tuple[str, int], float] = {}
    with service.store() as con:
        service.refresh(con, [indicators[code] for code in sorted({c for c, _ in wanted})])
        for code, year in sorted(wanted):
            frame = service.figures(con, code, [unit_code], 'year', str(year))
            found = service.value_of(frame, code, unit_code, str(year))
            if found and found['value'] is not None:
                out[(code, year)] = found['value']
    return out
