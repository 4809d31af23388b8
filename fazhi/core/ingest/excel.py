"""Workbooks (XLSX, XLS, XLSB, ODS) read with python-calamine.

The sheet whose header best matches the schema is chosen; its data rows are
written, with their row numbers and only the mapped columns, to a UTF-8 CSV
that DuckDB validates like any other file.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Callable, Sequence

from python_calamine import CalamineWorkbook

from .encoding import file_sha256
from .errors import IngestFailure, RowError, file_error
from .headers import MAX_SCAN_ROWS, HeaderMatch, find_header
from .schema import RecordSchema
from .source import Source

MAX_SHEETS = 20


def open_workbook(path: Path, schema: RecordSchema, workdir: Path, file_name: str,
                  tick: Callable[[float], None]) -> Source:
    sha = file_sha256(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for broken files
        raise file_error(file_name, f"无法打开 Excel 文件（{exc}）") from None
    sheet, match = _best_sheet(book, schema, file_name)
    rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    tick(0.5)
    dest, fields = workdir / "sheet.csv", list(match.columns)
    _write_rows(rows, match, fields, dest, tick)
    columns = {f: i + 1 for i, f in enumerate(fields)}
    return Source(file_name, "excel", dest, ",", 0, len(fields) + 1, columns, True, match.data_start + 1, sha)


def _best_sheet(book: CalamineWorkbook, schema: RecordSchema, file_name: str) -> tuple[str, HeaderMatch]:
    found: list[tuple[str, HeaderMatch]] = []
    for name in book.sheet_names[:MAX_SHEETS]:
        head = book.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=MAX_SCAN_ROWS + 1)
        match = find_header(head, schema)
        if match:
            found.append((name, match))
    if not found:
        names = "、".join(f.verbose_name for f in schema.fields if f.required)
        raise file_error(file_name, f"找不到表头：各工作表前{MAX_SCAN_ROWS}行中没有“{schema.verbose_name}”的列名（应包含：{names}）")
    sheet, match = max(found, key=lambda sm: len(sm[1].columns))  # first sheet wins ties
    missing = match.missing(schema)
    if missing:
        raise IngestFailure([RowError(file_name, None, c, None, f"工作表“{sheet}”缺少必需的列“{c}”") for c in missing])
    return sheet, match


def _write_rows(rows: Sequence[Sequence[object]], match: HeaderMatch, fields: list[str], dest: Path,
                tick: Callable[[float], None]) -> None:
    idx = [match.columns[f] for f in fields]
    total = max(len(rows), 1)
    with open(dest, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for n in range(match.data_start, len(rows)):
            row = rows[n]
            cells = [_text(row[j]) if j < len(row) else "" for j in idx]
            if any(cells):
                writer.writerow([n + 1, *cells])
            if n % 50_000 == 0:
                tick(0.5 + 0.5 * n / total)


def _text(value: object) -> str:
    """Cell → text as the user sees it; dates as ISO, whole floats without '.0'."""
    kind = type(value)
    if kind is str:
        return value
    if kind is float:
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if kind is bool:
        return "是" if value else "否"
    if kind is dt.datetime:
        return value.isoformat(" ", "seconds")
    if kind in (dt.date, dt.time):
        return value.isoformat()
    return "" if value is None else str(value)
