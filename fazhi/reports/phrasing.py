"""How figures are written in a report: numbers with their units, and year-on-year / period-on-period changes
with the right verb (增长/下降/持平 for counts, 上升/下降 … 个百分点 for rates), as official reports write them.
"""
from __future__ import annotations

from typing import Any

from fazhi.indicators import service
from fazhi.indicators.definitions import Indicator

CN_DIGITS = '零一二三四五六七八九'


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (headings and issue numbers)."""
    if n < 10:
        return CN_DIGITS[n]
    if n < 20:
        return '十' + (CN_DIGITS[n % 10] if n % 10 else '')
    if n < 100:
        return CN_DIGITS[n // 10] + '十' + (CN_DIGITS[n % 10] if n % 10 else '')
    return str(n)


def is_rate(indicator: Indicator) -> bool:
    return indicator.kind == 'rate' or indicator.unit_of_measure == '%'


def number_text(value: float, rounding: int) -> str:
    if rounding <= 0:
        return str(int(round(value)))
    return f'{value:.{rounding}f}'


def value_text(indicator: Indicator, value: float) -> str:
    """The value as the report states it: rounding of the indicator, its unit of measure (68.08%, 1113件)."""
    return number_text(value, indicator.rounding) + indicator.unit_of_measure


def count_text(value: float, unit: str) -> str:
    """A numerator or denominator (always a whole number of records)."""
    return f'{int(round(value))}{unit}'


def change(indicator: Indicator, current: float | None, previous: float | None) -> dict[str, Any] | None:
    """The engine's change (percentage points for rates, per cent otherwise), with an exact 'flat' when the two
    values are equal and 'near_flat' when the change rounds to zero."""
    found = service.change(indicator, current, previous)
    if found is None:
        return None
    if found['diff'] is None:  # previous period zero: a percentage change has no meaning
        return {**found, 'flat': current == previous}
    found = dict(found)
    found['flat'] = current == previous
    return found


def change_text(indicator: Indicator, current: float | None, previous: float | None, prefix: str = '同比',
                flat_words: str = '与上年持平') -> tuple[str, float] | None:
    """'同比增长99.5%' / '同比下降3.2%' / '与上年持平' for counts; '同比上升1.20个百分点' for rates.

    Returns (text, signed change as stated) or None when the change cannot be stated (no previous value,
    or a count that was zero in the previous period)."""
    found = change(indicator, current, previous)
    if found is None or (found['diff'] is None and not found['flat']):
        return None
    if found['flat']:
        return flat_words, 0.0
    diff = found['diff']
    if found['unit'] == '个百分点':
        places = max(indicator.rounding, 1)
        shown = round(abs(diff), places)
        if shown == 0:
            return flat_words.replace('持平', '基本持平'), 0.0
        verb = '上升' if diff > 0 else '下降'
        return f'{prefix}{verb}{shown:.{places}f}个百分点', (shown if diff > 0 else -shown)
    shown = round(abs(diff), 1)
    if shown == 0:
        return flat_words.replace('持平', '基本持平'), 0.0
    verb = '增长' if diff > 0 else '下降'
    return f'{prefix}{verb}{shown:.1f}%', (shown if diff > 0 else -shown)
