"""Indicator definitions: declarative, engine-neutral, loaded from catalogue/*.yaml.

A figure is numerator ÷ denominator (× scale), where each side is a sum of measures over one
table of the analytics store: count / count_distinct / sum of a column, with conditions (see dsl.py),
placed in a period by a date column (or, for lists such as the penalty-powers list, by being in force
at the end of the period).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Mapping

import yaml

CATALOGUE_DIR = Path(__file__).parent / 'catalogue'
KINDS = ('rate', 'ratio', 'count', 'sum')
MEASURE_KINDS = ('count', 'count_distinct', 'sum')


class DefinitionError(ValueError):
    """A catalogue entry that cannot be computed, with a Chinese message naming the indicator."""


@dataclass(frozen=True)
class Measure:
    source: str
    kind: str = 'count'
    column: str | None = None  # for count_distinct and sum
    where: Any = None  # condition tree (dsl.py)
    date: str | None = None  # date column placing a record in a period
    active: tuple[str, str] | None = None  # (from, to) columns: counted while in force at the period end
    snapshot: bool = False  # a current roster (no history): counted the same in every period
    unit_column: str = 'unit_code'

    @property
    def is_list(self) -> bool:
        """Counted as in force at the period end rather than by a date inside the period."""
        return self.active is not None or self.snapshot

    @property
    def key(self) -> str:
        """A stable name for this measure, shared by indicators that use the same measure."""
        import hashlib
        import json
        text = json.dumps([self.source, self.kind, self.column, self.where, self.date, self.active, self.snapshot],
                          sort_keys=True, ensure_ascii=False, default=str)
        return 'm_' + hashlib.sha1(text.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    area: str
    kind: str
    unit_of_measure: str
    numerator: tuple[Measure, ...]
    denominator: tuple[Measure, ...] = ()
    scale: float = 1.0
    rounding: int = 2
    version: int = 1
    basis: str = ''  # the rule or assessment clause the figure serves
    definition_note: str = ''  # 口径: what is counted, which denominator
    higher_is_better: bool = True
    target: float | None = None
    min_sample: int = 0  # below this denominator the figure is flagged as a small sample
    seeds: tuple[str, ...] = ()  # where the figure appears in the source documents

    @property
    def measures(self) -> tuple[Measure, ...]:
        return self.numerator + self.denominator

    def value(self, numerator: float | None, denominator: float | None) -> float | None:
        if numerator is None:
            return None
        if self.kind in ('count', 'sum'):
            return round(float(numerator), self.rounding)
        if not denominator:
            return None
        return round(float(numerator) / float(denominator) * self.scale, self.rounding)


def _measure(data: Mapping[str, Any], where: str) -> Measure:
    data = dict(data)
    if 'active' in data and data['active'] is not None:
        data['active'] = tuple(data['active'])
    try:
        measure = Measure(**data)
    except TypeError as exc:
        raise DefinitionError(f'{where}：度量定义有误（{exc}）')
    if measure.kind not in MEASURE_KINDS:
        raise DefinitionError(f'{where}：未知的度量类型“{measure.kind}”')
    if measure.kind != 'count' and not measure.column:
        raise DefinitionError(f'{where}：{measure.kind} 需要指定 column')
    if sum([measure.date is not None, measure.active is not None, measure.snapshot]) != 1:
        raise DefinitionError(f'{where}：必须且只能指定 date（按日期归入期间）、active（期末有效）或 snapshot（现有名册）之一')
    return measure


def _measures(value: Any, where: str) -> tuple[Measure, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(_measure(item, where) for item in items)


def indicator_from_dict(data: Mapping[str, Any]) -> Indicator:
    data = dict(data)
    code = data.get('code', '?')
    where = f'指标 {code}'
    data['numerator'] = _measures(data.get('numerator'), f'{where} 分子')
    data['denominator'] = _measures(data.get('denominator'), f'{where} 分母')
    data['seeds'] = tuple(data.get('seeds', ()))
    try:
        indicator = Indicator(**data)
    except TypeError as exc:
        raise DefinitionError(f'{where}：定义有误（{exc}）')
    if indicator.kind not in KINDS:
        raise DefinitionError(f'{where}：未知的指标类型“{indicator.kind}”')
    if indicator.kind in ('rate', 'ratio') and not indicator.denominator:
        raise DefinitionError(f'{where}：比率类指标必须定义分母')
    if not indicator.numerator:
        raise DefinitionError(f'{where}：必须定义分子')
    return indicator


def load_catalogue(directory: Path = CATALOGUE_DIR) -> dict[str, Indicator]:
    catalogue: dict[str, Indicator] = {}
    for path in sorted(directory.glob('*.yaml')):
        for data in yaml.safe_load(path.read_text(encoding='utf-8')) or []:
            indicator = indicator_from_dict(data)
            if indicator.code in catalogue:
                raise DefinitionError(f'指标编码重复：{indicator.code}（{path.name}）')
            catalogue[indicator.code] = indicator
    return catalogue


def app_figures() -> list[tuple[str, Any]]:
    """Figures that business-area apps define next to their ledgers (`<app>.figures.FIGURES`, each with
    `to_catalogue()` and a `numerator.model`: fazhi.indicators.ledger_figures), so a ledger's figures live with the ledger and still run here."""
    import importlib

    from django.apps import apps
    found: list[tuple[str, Any]] = []
    if not apps.ready:  # the engine used outside the platform (benchmarks): the YAML catalogue only
        return found
    for config in apps.get_app_configs():
        if not config.name.startswith('fazhi.'):
            continue
        try:
            module = importlib.import_module(f'{config.name}.figures')
        except ModuleNotFoundError as exc:
            if exc.name != f'{config.name}.figures':
                raise
            continue
        figures = getattr(module, 'FIGURES', {})
        for figure in (figures.values() if hasattr(figures, 'values') else figures):
            found.append((config.name, figure))
    return found


def source_models() -> dict[str, str]:
    """Analytics-store table → application model label, for the ledgers that app figures read."""
    mapping: dict[str, str] = {}
    for _, figure in app_figures():
        for m in (figure.numerator, getattr(figure, 'denominator', None)):
            if m is not None and getattr(m, 'model', None):
                mapping[m.source] = m.model
    return mapping


@cache
def catalogue() -> dict[str, Indicator]:
    entries = load_catalogue()
    for app, figure in app_figures():
        indicator = indicator_from_dict(figure.to_catalogue())
        if indicator.code in entries:
            raise DefinitionError(f'指标编码重复：{indicator.code}（{app}.figures 与指标目录）')
        entries[indicator.code] = indicator
    return entries


def get(code: str) -> Indicator:
    try:
        return catalogue()[code]
    except KeyError:
        raise DefinitionError(f'未知的指标：{code}')
