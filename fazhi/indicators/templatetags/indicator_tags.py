from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def figure(value: Any, indicator: Any) -> str:
    if value is None:
        return '—'
    text = f'{value:,.{indicator.rounding}f}'
    return f'{text}{"%" if indicator.unit_of_measure == "%" else indicator.unit_of_measure}'


@register.filter
def change_text(change: dict[str, Any] | None) -> str:
    if not change:
        return ''
    if change['diff'] is None:
        return '上年同期为零'
    verb = {'up': '上升' if change['unit'] == '个百分点' else '增长', 'down': '下降', 'flat': '持平'}[change['direction']]
    if change['direction'] == 'flat':
        return '持平'
    return f'{verb}{abs(change["diff"])}{change["unit"]}'


@register.filter
def ranking_json(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{'name': r['unit'].name, 'code': r['unit'].code, 'value': r['value']} for r in rows or []]
