"""Extra row checks supplied by the caller (e.g. "rows must name a unit the importing user may write").

A check is a callable ``check(con, staged)`` that reads the staged table (columns ``_row`` and
``v_<field>`` for every field present in the file) and returns ``(errors, count)``: the first
``staged.cap`` errors in row order and the total number of rows it rejects.  Checks run after the
engine's own validation and before anything lands, so a rejected row leaves the store unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import duckdb

from .errors import RowError
from .schema import Field, RecordSchema
from .source import Source
from .validate import STAGED, present_fields


@dataclass(frozen=True)
class Staged:
    """What a check may read: the staged table, the file's name and the fields present in it."""

    table: str
    file_name: str
    schema: RecordSchema
    fields: tuple[Field, ...]
    cap: int

    def has(self, name: str) -> bool:
        return any(f.name == name for f in self.fields)


RowCheck = Callable[[duckdb.DuckDBPyConnection, Staged], tuple[list[RowError], int]]


def run_checks(con: duckdb.DuckDBPyConnection, src: Source, schema: RecordSchema, checks: Sequence[RowCheck],
               errors: list[RowError], count: int, cap: int) -> tuple[list[RowError], int]:
    """Add the errors of ``checks`` to the engine's own ``errors``/``count``, keeping row order and the cap."""
    staged = Staged(STAGED, src.file_name, schema, tuple(present_fields(schema, src)), cap)
    for check in checks:
        more, more_count = check(con, staged)
        errors, count = errors + more, count + more_count
    errors.sort(key=lambda e: e.row or 0)
    return errors[:cap], count
