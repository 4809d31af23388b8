"""Helpers for ledgers imported into Django records: update-or-insert by natural key through the audited service."""
from __future__ import annotations

from typing import Any

from fazhi.core import services


def upsert_save(message: str) -> Any:
    """A LedgerSpec `save`: update the record found by its natural key, or create it (one audit entry either way)."""
    def save(obj: Any, cleaned: dict[str, Any]) -> Any:
        if obj.pk is not None:
            return services.update(obj, message=message)
        return services.create(obj, message=message)
    return save


def assign(obj: Any, values: dict[str, Any]) -> Any:
    for name, value in values.items():
        setattr(obj, name, value)
    return obj


def blank(value: Any) -> Any:
    return '' if value is None else value
