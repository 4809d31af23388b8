"""Workbooks (XLSX, XLS, XLSB, ODS) read with python-calamine.

The sheet whose header best matches the schema is chosen; its data rows are
written, with their row numbers and only the mapped columns, to a UTF-8 CSV
that DuckDB validates like any other file.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Callable, Iterator, Sequence

from python_calamine import CalamineSheet, CalamineWorkbook

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
    rows = sheet.to_python(skip_empty_area=False)
    tick(0.5)
    dest, fields = workdir / "sheet.csv", list(match.columns)
    _write_rows(rows, match, fields, dest, tick)
    columns = {f: i + 1 for i, f in enumerate(fields)}
    return Source(file_name, "excel", dest, ",", 0, len(fields) + 1, columns, True, match.data_start + 1, sha)


def _best_sheet(book: CalamineWorkbook, schema: RecordSchema, file_name: str) -> tuple[CalamineSheet, HeaderMatch]:
    """The sheet whose header names most fields (parsing a sheet is the slow part: each is parsed once)."""
    found: list[tuple[CalamineSheet, HeaderMatch]] = []
    for name in book.sheet_names[:MAX_SHEETS]:
        sheet = book.get_sheet_by_name(name)
        match = find_header(sheet.to_python(skip_empty_area=False, nrows=MAX_SCAN_ROWS + 1), schema)
        if match:
            found.append((sheet, match))
    if not found:
        names = "、".join(f.verbose_name for f in schema.fields if f.required)
        raise file_error(file_name, f"找不到表头：各工作表前{MAX_SCAN_ROWS}行中没有“{schema.verbose_name}”的列名（应包含：{names}）")
    sheet, match = max(found, key=lambda sm: len(sm[1].columns))  # first sheet wins ties
    missing = match.missing(schema)
    if missing:
        raise IngestFailure([RowError(file_name, None, c, None, f"工作表“{sheet.name}”缺少必需的列“{c}”") for c in missing])
    return sheet, match


def _write_rows(rows: Sequence[Sequence[object]], match: HeaderMatch, fields: list[str], dest: Path,
                tick: Callable[[float], None]) -> None:
    """Data rows as ``[row number, mapped cells...]``; blank rows are dropped."""
    with open(dest, "w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(_numbered_cells(rows, match, fields, tick))


def _numbered_cells(rows, match: HeaderMatch, fields: list[str], tick: Callable[[float], None]) -> Iterator[list]:
    idx = [match.columns[f] for f in fields]
    total = max(len(rows), 1)
    for n in range(match.data_start, len(rows)):
        row = rows[n]
        try:
            cells = [c if (conv := _CONVERT.get(type(c))) is None else conv(c) for c in map(row.__getitem__, idx)]
        except IndexError:  # a short row
            cells = [_text(row[j]) if j < len(row) else "" for j in idx]
        if any(cells):
            yield [n + 1, *cells]
        if n % 50_000 == 0:
            tick(0.5 + 0.5 * n / total)


def _float_text(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


# csv.writer writes str(value) for the rest: datetimes and dates come out in ISO form, None as ''.
_CONVERT = {float: _float_text, bool: lambda v: "是" if v else "否", dt.time: dt.time.isoformat}


def _text(value: object) -> str:
    """Cell → text as the user sees it; dates as ISO, whole floats without '.0'."""
    conv = _CONVERT.get(type(value))
    return conv(value) if conv else ("" if value is None else str(value))
