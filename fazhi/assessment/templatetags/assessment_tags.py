from __future__ import annotations

from typing import Any

from django import template

from ..scoring import fmt

register = template.Library()


@register.filter
def get(mapping: Any, key: Any) -> Any:
    if mapping is None:
        return None
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def pts(value: Any) -> str:
    """Points without trailing zeros: 2.50 → 2.5, None → —."""
    return fmt(value)


@register.filter
def signed(value: Any) -> str:
    if value is None:
        return '—'
    text = fmt(value)
    return f'+{text}' if value > 0 else text


@register.filter
def rank_move(value: Any) -> str:
    if value is None:
        return '—'
    if value > 0:
        return f'↑{value}'
    if value < 0:
        return f'↓{-value}'
    return '持平'


@register.filter
def get_attr_dim(obj: Any, key: str) -> str:
    return fmt(getattr(obj, key, None))
