"""The downloadable error report of an import (XLSX or CSV), in Chinese."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

import xlsxwriter

if TYPE_CHECKING:
    from .engine import ImportResult

HEADERS = ("文件", "行号", "列", "原始值", "错误说明")
WIDTHS = (24, 8, 16, 24, 70)


def _rows(result: ImportResult) -> list[list[object]]:
    return [[e.file, e.row if e.row is not None else "", e.column or "", e.value or "", e.message]
            for e in result.errors]


def _summary(result: ImportResult) -> str:
    if result.error_count > len(result.errors):
        return f"共{result.error_count}处错误，此处列出前{len(result.errors)}处；请修改后重新导入整个文件。"
    return f"共{result.error_count}处错误；请修改后重新导入整个文件（文件中的数据均未导入）。"


def errors_to_csv(result: ImportResult, path: str | Path) -> Path:
    """Write the error report as CSV (UTF-8 with BOM, so Excel shows the Chinese correctly)."""
    path = Path(path)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerows(_rows(result))
        writer.writerow([_summary(result)])
    return path


def errors_to_xlsx(result: ImportResult, path: str | Path) -> Path:
    """Write the error report as an Excel workbook with one row per error and a summary line."""
    path = Path(path)
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("错误清单")
    bold = book.add_format({"bold": True, "bg_color": "#F2F2F2", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    for col, (title, width) in enumerate(zip(HEADERS, WIDTHS)):
        sheet.write_string(0, col, title, bold)
        sheet.set_column(col, col, width, wrap)
    for r, row in enumerate(_rows(result), start=1):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    sheet.write_string(len(result.errors) + 2, 0, _summary(result))
    sheet.freeze_panes(1, 0)
    book.close()
    return path
