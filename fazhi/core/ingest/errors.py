"""Import errors: one per invalid cell, duplicate key or file-level problem, in Chinese."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RowError:
    """A problem found in an import file (exported as ``ImportError`` by the package).

    ``row`` is the row number the user sees in the spreadsheet (header and
    title rows counted, 1-based); ``row`` and ``column`` are ``None`` for
    file-level problems such as a missing column.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        return f"文件“{self.file}”{self.message}"


class IngestFailure(Exception):
    """The file cannot be imported at all (unreadable, no header, missing columns...)."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def file_error(file: str, message: str) -> IngestFailure:
    return IngestFailure([RowError(file, None, None, None, message)])


def cell_message(row: int, column: str, problem: str) -> str:
    return f"第{row}行“{column}”列：{problem}"


def quote(value: object, limit: int = 50) -> str:
    text = "" if value is None else str(value)
    return "“" + (text if len(text) <= limit else text[:limit] + "…") + "”"
