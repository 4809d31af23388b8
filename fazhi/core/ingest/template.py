"""Downloadable import templates: an Excel workbook (headers + a sheet explaining every column) and a CSV."""
from __future__ import annotations

import csv
from pathlib import Path

import xlsxwriter

from .messages import DATE_HINT
from .schema import Field, RecordSchema

TYPE_NAMES = {"str": "文本", "int": "整数", "decimal": "数字", "date": "日期", "datetime": "日期时间",
              "bool": "是/否", "choice": "选项"}
GUIDE_HEADERS = ("列名", "类型", "是否必填", "允许的值", "格式说明", "也可识别的列名")
_SHEET_BAD = str.maketrans({c: "_" for c in "[]:*?/\\"})


def describe(f: Field) -> tuple[str, str, str, str, str, str]:
    """One row of the column guide."""
    allowed, fmt = "", ""
    if f.type == "choice":
        allowed = "、".join(f.choices)
    elif f.type == "bool":
        allowed = "是、否"
        fmt = "也可填 Y/N、1/0、√/×、有/无"
    elif f.type == "date":
        fmt = DATE_HINT
    elif f.type == "datetime":
        fmt = f"{DATE_HINT}，可带时间，如 2023-05-06 14:30 或 2023年5月6日 14时30分"
    elif f.type in ("int", "decimal"):
        fmt = "可带千分位逗号，如 1,234" + ("；最多" + str(f.scale) + "位小数" if f.type == "decimal" else "")
    if f.max_length:
        fmt = "；".join(x for x in (fmt, f"最多{f.max_length}个字符") if x)
    fmt = "；".join(x for x in (fmt, f.help) if x)
    required = "必填" if f.required else "选填"
    return (f.verbose_name, TYPE_NAMES[f.type], required, allowed, fmt, "、".join(f.aliases))


def rules(schema: RecordSchema) -> list[str]:
    key = "＋".join(f"“{f.verbose_name}”" for f in schema.key_fields)
    return [
        f"唯一标识（自然键）：{key}。",
        f"导入规则（更新或新增）：{key}在系统中已存在的记录将被本文件中的内容更新，不存在的记录将新增；"
        "同一文件中不得出现重复的" + key + "。文件中没有的列不会改动已有记录的该项内容。",
        "整份文件全部通过校验才会导入；任何一行有错误，整份文件都不导入，请按错误报告修改后重新导入。",
        "表头可以不在第一行（上方可有标题行），也可以是两行合并表头；列的顺序不限，多余的列会被忽略。",
        "CSV 文件可使用 UTF-8 或 GBK 编码；全角数字会自动转换为半角。",
    ]


def template_xlsx(schema: RecordSchema, path: str | Path) -> Path:
    """Write the Excel import template: a data sheet with the headers and a column guide."""
    path = Path(path)
    book = xlsxwriter.Workbook(str(path))
    _data_sheet(book, schema)
    _guide_sheet(book, schema)
    book.close()
    return path


def _data_sheet(book: xlsxwriter.Workbook, schema: RecordSchema) -> None:
    sheet = book.add_worksheet(schema.verbose_name.translate(_SHEET_BAD)[:31])
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    head_required = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "font_color": "#C00000"})
    text = book.add_format({"num_format": "@"})
    for col, f in enumerate(schema.fields):
        sheet.write_string(0, col, f.verbose_name, head_required if f.required else head)
        sheet.set_column(col, col, max(12, len(f.verbose_name) * 2 + 2), text if f.type == "str" else None)
        sheet.write_comment(0, col, "；".join(x for x in describe(f)[1:5] if x))
        if f.type in ("choice", "bool"):
            values = list(f.choices) if f.type == "choice" else ["是", "否"]
            sheet.data_validation(1, col, 100_000, col, {"validate": "list", "source": values,
                                                         "error_type": "warning"})
    sheet.freeze_panes(1, 0)


def _guide_sheet(book: xlsxwriter.Workbook, schema: RecordSchema) -> None:
    sheet = book.add_worksheet("填写说明")
    bold = book.add_format({"bold": True, "bg_color": "#F2F2F2", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    sheet.write_string(0, 0, f"{schema.verbose_name}导入模板 — 填写说明", book.add_format({"bold": True, "size": 14}))
    for col, (title, width) in enumerate(zip(GUIDE_HEADERS, (18, 10, 10, 30, 50, 30))):
        sheet.write_string(2, col, title, bold)
        sheet.set_column(col, col, width, wrap)
    for r, f in enumerate(schema.fields, start=3):
        sheet.write_row(r, 0, describe(f))
    start = len(schema.fields) + 4
    for i, line in enumerate(rules(schema)):
        sheet.write_string(start + i, 0, line)


def template_csv(schema: RecordSchema, path: str | Path) -> Path:
    """Write the CSV template: the header row, UTF-8 with BOM (Excel opens it correctly)."""
    path = Path(path)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerow([f.verbose_name for f in schema.fields])
    return path
