"""Scoring rules: from a figure of the indicator engine (or the records behind it) to points, with the reason in
words. Pure functions over an item and a figure, so that real scoring and the what-if comparison agree.

Nothing here computes a figure: values come from `fazhi.indicators.service.figures`, and the records behind a
deduction from `fazhi.indicators.service.records` (the drill-down of the same figure).
"""
from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from fazhi.indicators.definitions import DefinitionError, Indicator, get

from .choices import RuleType, SmallSampleRule

CENT = Decimal('0.01')
MAX_LISTED = 200  # deductions listed one by one per item; beyond, one summary line links to the drill-down
RECORD_LIMIT = 200_000


def q(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(value: Any) -> str:
    if value is None:
        return '—'
    return format(q(value).normalize(), 'f')


@dataclass(frozen=True)
class Figure:
    value: float | None
    numerator: float | None
    denominator: float | None
    small_sample: bool
    version: int | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any] | None, indicator: Indicator) -> 'Figure':
        if row is None:
            return cls(None, None, None, True, indicator.version)
        return cls(row['value'], row['numerator'], row['denominator'], bool(row['small_sample']), indicator.version)


@dataclass
class DeductionLine:
    points: Decimal
    reason: str
    part: str
    source: str
    key: str
    record: dict[str, Any]


@dataclass
class Outcome:
    score: Decimal | None
    explanation: str
    applicable: bool = True
    small_sample: bool = False
    fairness_note: str = ''
    deferred_mean: bool = False  # to be scored from the category mean once every unit is scored
    deductions: list[DeductionLine] = field(default_factory=list)


def indicator_of(item: Any) -> Indicator | None:
    code = (item.rule or {}).get('indicator')
    if not code:
        return None
    try:
        return get(code)
    except DefinitionError:
        return None


def value_text(indicator: Indicator, figure: Figure) -> str:
    if figure.value is None:
        return '无数据'
    unit = indicator.unit_of_measure
    text = f'{fmt(figure.value)}{unit if unit == "%" else ""}'
    if indicator.denominator and figure.denominator is not None:
        text += f'（{fmt(figure.numerator)}/{fmt(figure.denominator)}）'
    elif unit != '%':
        text += unit
    return text


def min_sample(item: Any, indicator: Indicator) -> int:
    return max(int(indicator.min_sample or 0), int(Decimal(str((item.rule or {}).get('min_sample', 0)))))


def is_small(item: Any, indicator: Indicator, figure: Figure) -> tuple[bool, str]:
    """Whether the figure rests on too few cases to score by it; with the reason in words."""
    if figure.value is None:
        if indicator.denominator and not figure.denominator:
            return True, '本期没有应统计的事项（分母为0）'
        return True, '无数据'
    need = min_sample(item, indicator)
    if indicator.denominator and figure.denominator is not None and figure.denominator < need:
        return True, f'样本量 {fmt(figure.denominator)} 少于最少样本 {need}'
    return False, ''


def small_sample_outcome(item: Any, rule_name: str, reason: str, figure: Figure) -> Outcome:
    label = SmallSampleRule(rule_name).label
    note = f'{reason}，按“{label}”计分'
    if rule_name == SmallSampleRule.FULL:
        return Outcome(q(item.points), f'{note}：得 {fmt(item.points)} 分。', small_sample=True, fairness_note=note)
    if rule_name == SmallSampleRule.CATEGORY_MEAN:
        return Outcome(None, f'{note}。', small_sample=True, fairness_note=note, deferred_mean=True)
    return Outcome(None, f'{note}：本项不计分，总分按其余适用项折算。', applicable=False, small_sample=True,
                   fairness_note=note)


def evaluate(item: Any, figure: Figure, *, system_rule: str, records: list[tuple[str, str, dict[str, Any]]] | None
             = None) -> Outcome:
    """Score an automatic leaf item from its figure (and, for deductions, the records behind it)."""
    rule = item.rule or {}
    indicator = indicator_of(item)
    if indicator is None:
        return Outcome(None, f'指标“{rule.get("indicator")}”已不在指标目录中，无法自动计分，请改为人工评分或修订体系。',
                       applicable=False, fairness_note='指标缺失')
    points = q(item.points)
    kind = item.rule_type
    if kind == RuleType.DEDUCTION:
        return _deduction(item, indicator, figure, records)
    small, reason = is_small(item, indicator, figure)
    if small:
        return small_sample_outcome(item, rule.get('small_sample') or system_rule, reason, figure)
    value = Decimal(str(figure.value))
    shown = f'{indicator.name} {value_text(indicator, figure)}'
    if kind == RuleType.THRESHOLD:
        for band in rule['bands']:
            if 'min' in band and value >= Decimal(str(band['min'])):
                return Outcome(q(band['score']), f'{shown}，不低于 {fmt(band["min"])}，得 {fmt(band["score"])} 分。')
            if 'max' in band and value <= Decimal(str(band['max'])):
                return Outcome(q(band['score']), f'{shown}，不高于 {fmt(band["max"])}，得 {fmt(band["score"])} 分。')
        otherwise = q(rule.get('otherwise', 0))
        return Outcome(otherwise, f'{shown}，未达到任何一档，得 {fmt(otherwise)} 分。')
    if kind == RuleType.LINEAR:
        zero, full = Decimal(str(rule['zero'])), Decimal(str(rule['full']))
        share = (value - zero) / (full - zero)
        share = min(Decimal(1), max(Decimal(0), share))
        score = q(points * share)
        return Outcome(score, f'{shown}；{fmt(zero)} 得 0 分、{fmt(full)} 得满分，按线性计 {fmt(score)} 分。')
    if kind == RuleType.TARGET:
        target, per = Decimal(str(rule['target'])), Decimal(str(rule['per_point']))
        higher = indicator.higher_is_better
        gap = (target - value) if higher else (value - target)
        if gap <= 0:
            return Outcome(points, f'{shown}，达到目标 {fmt(target)}，得满分 {fmt(points)} 分。')
        score = q(max(Decimal(0), points - gap * per))
        return Outcome(score, f'{shown}，距目标 {fmt(target)} 差 {fmt(gap)}，每差 1 扣 {fmt(per)} 分，得 {fmt(score)} 分。')
    return Outcome(None, f'未知的评分规则“{kind}”。', applicable=False)


def occurrences_from_figure(rule: dict[str, Any], figure: Figure) -> int:
    if figure.numerator is None:
        return 0
    if rule.get('occurrences', 'shortfall') == 'numerator':
        return int(round(figure.numerator))
    return int(round((figure.denominator or 0) - figure.numerator))


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return '？'


def record_text(template: str, record: dict[str, Any]) -> str:
    values = _Blank({k: _plain(v) for k, v in record.items()})
    try:
        return string.Formatter().vformat(template, (), values)
    except (ValueError, IndexError, AttributeError):
        return template


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, (list, dict, tuple, str, bytes)):
        return False
    try:
        import pandas as pd
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    if _missing(value):
        return '—'
    if isinstance(value, dt.datetime):
        return value.strftime('%Y-%m-%d') if value.time() == dt.time() else value.strftime('%Y-%m-%d %H:%M')
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, 'isoformat') and hasattr(value, 'to_pydatetime'):  # pandas Timestamp
        return _plain(value.to_pydatetime())
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def jsonable(record: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in record.items():
        plain = _plain(value)
        out[str(key)] = plain if isinstance(plain, (int, float, str, bool)) else str(plain)
    return out


def _deduction(item: Any, indicator: Indicator, figure: Figure,
               records: list[tuple[str, str, dict[str, Any]]] | None) -> Outcome:
    rule = item.rule
    points, each = q(item.points), q(rule['each'])
    cap = q(rule.get('cap', item.points))
    counted = occurrences_from_figure(rule, figure)
    what = '分子中的记录' if rule.get('occurrences') == 'numerator' else '应达标而未达标的记录'
    if records is None:  # what-if: the count of the figure stands for the records
        found = counted
        lines: list[DeductionLine] = []
    else:
        found = len(records)
        lines = []
        taken, rest = Decimal(0), Decimal(0)
        template = rule.get('describe') or f'{indicator.name}未达标记录 {{{rule["key"]}}}'
        for i, (part, key, record) in enumerate(records):
            take = min(each, cap - taken) if taken < cap else Decimal(0)
            taken += take
            if i >= MAX_LISTED:
                rest += take
                continue
            text = record_text(template, record)
            prefix = f'扣{fmt(take)}分：' if take > 0 else '（已达扣分上限，不再扣分）'
            lines.append(DeductionLine(q(take), f'{prefix}{text}'[:400], part, _source(indicator, part), key,
                                       jsonable(record)))
        if found > MAX_LISTED:
            part = 'numerator' if rule.get('occurrences') == 'numerator' else 'denominator'
            lines.append(DeductionLine(q(rest), f'另有 {found - MAX_LISTED} 条记录，见指标明细（共扣{fmt(rest)}分）',
                                       part, _source(indicator, part), '', {}))
    total = min(cap, each * found)
    score = q(max(Decimal(0), points - total))
    numerator = rule.get('occurrences') == 'numerator'
    if found == 0:
        base = f'本期没有{indicator.name}' if numerator else \
            '本期没有应统计的事项' if not figure.denominator and indicator.denominator else f'没有{what}'
        return Outcome(points, f'{indicator.name}：{base}，不扣分，得 {fmt(points)} 分。', deductions=lines)
    head = f'{indicator.name} {found} 件' if numerator else \
        f'{indicator.name} {value_text(indicator, figure)}：{what} {found} 条'
    text = (f'{head}，每{"件" if numerator else "条"}扣 {fmt(each)} 分，'
            f'共扣 {fmt(total)} 分（上限 {fmt(cap)} 分），得 {fmt(score)} 分。')
    if records is not None and counted != found:
        text += f'（指标数值对应 {counted} 条，明细找到 {found} 条，按明细扣分。）'
    return Outcome(score, text, deductions=lines)


def _source(indicator: Indicator, part: str) -> str:
    measures = indicator.numerator if part == 'numerator' else (indicator.denominator or indicator.numerator)
    return measures[0].source if measures else ''


def _occurrences(con: Any, indicator: Indicator, rule: dict[str, Any], unit_code: str, period: Any) \
        -> list[tuple[str, str, dict[str, Any]]]:
    from fazhi.indicators import service, sources
    key = rule['key']
    tables = {t for m in indicator.measures for t in sources.base_tables(m.source)}
    present = {r[0] for r in con.execute('SELECT table_name FROM duckdb_tables()').fetchall()}
    if not tables <= present:  # a table not loaded yet: no records, as the engine reads it (no data)
        return []
    if rule.get('occurrences') == 'numerator':
        pages = service.records(con, indicator, 'numerator', unit_code, period, limit=RECORD_LIMIT)
        return [('numerator', str(row.get(key, '')), row) for page in pages for row in page.rows.to_dict('records')]
    den = service.records(con, indicator, 'denominator', unit_code, period, limit=RECORD_LIMIT)
    num = service.records(con, indicator, 'numerator', unit_code, period, limit=RECORD_LIMIT)
    met = {str(row.get(key)) for page in num for row in page.rows.to_dict('records')}
    out = []
    for page in den:
        if key not in page.rows.columns:
            raise ValueError(f'指标“{indicator.code}”的明细中没有标识列“{key}”，无法逐条扣分（请修订体系中的 key）。')
        for row in page.rows.to_dict('records'):
            if str(row.get(key)) not in met:
                out.append(('denominator', str(row.get(key)), row))
    return out


def deduction_records(con: Any, item: Any, units: list[Any], period: Any) -> dict[str, list[tuple[str, str, dict]]]:
    """The records behind a deduction item's occurrences for each assessed unit (by code), read through the figure's
    drill-down once for the whole tree and shared out by unit (a unit's records include its subtree's)."""
    from fazhi.organization.models import Unit
    rule = item.rule
    indicator = get(rule['indicator'])
    measures = indicator.numerator if rule.get('occurrences') == 'numerator' else indicator.denominator
    column = measures[0].unit_column if measures else 'unit_code'
    paths = dict(Unit.objects.values_list('code', 'path'))
    roots = {u.code: u.path for u in units}
    tops = [code for code, path in roots.items() if not any(path != p and path.startswith(p) for p in roots.values())]
    common = _common_ancestor([roots[c] for c in tops], paths)
    rows = _occurrences(con, indicator, rule, common, period) if common else \
        [r for code in tops for r in _occurrences(con, indicator, rule, code, period)]
    out: dict[str, list[tuple[str, str, dict[str, Any]]]] = {u.code: [] for u in units}
    for part, key, row in rows:
        path = paths.get(str(row.get(column)))
        if path is None:
            continue
        for code, unit_path in roots.items():
            if path.startswith(unit_path):
                out[code].append((part, key, row))
    for found in out.values():
        found.sort(key=lambda r: r[1])
    return out


def _common_ancestor(paths_: list[str], by_code: dict[str, str]) -> str | None:
    """The code of the deepest unit whose subtree holds every given path (one drill-down for all)."""
    if not paths_:
        return None
    parts = [p.strip('/').split('/') for p in paths_]
    shared = []
    for column in zip(*parts):
        if len(set(column)) != 1:
            break
        shared.append(column[0])
    if not shared:
        return None
    target = '/' + '/'.join(shared) + '/'
    return next((code for code, path in by_code.items() if path == target), None)


def describe_rule(item: Any) -> str:
    """The scoring rule of a leaf in words (shown on pages and in exports)."""
    rule = item.rule or {}
    kind = item.rule_type
    if not kind:
        return ''
    if kind == RuleType.MANUAL:
        text = f'人工评分：{rule.get("criteria", "")}'
        if rule.get('evidence'):
            text += f'（佐证材料：{rule["evidence"]}）'
        return text
    indicator = indicator_of(item)
    name = indicator.name if indicator else rule.get('indicator', '')
    unit = indicator.unit_of_measure if indicator else ''
    if kind == RuleType.THRESHOLD:
        bands = '；'.join(f'{"≥" if "min" in b else "≤"}{fmt(b.get("min", b.get("max")))}{unit if unit == "%" else ""}'
                         f'得{fmt(b["score"])}分' for b in rule.get('bands', []))
        return f'{name}：{bands}；其余得{fmt(rule.get("otherwise", 0))}分'
    if kind == RuleType.LINEAR:
        return f'{name}：{fmt(rule.get("zero"))}得0分，{fmt(rule.get("full"))}得满分，其间按线性计分'
    if kind == RuleType.TARGET:
        return f'{name}：达到{fmt(rule.get("target"))}得满分，每差1扣{fmt(rule.get("per_point"))}分'
    if kind == RuleType.DEDUCTION:
        what = '分子中的每条记录' if rule.get('occurrences') == 'numerator' else '每条未达标记录'
        return f'{name}：{what}扣{fmt(rule.get("each"))}分，最多扣{fmt(rule.get("cap", item.points))}分'
    return ''
