"""Chinese messages for cell errors and duplicate keys."""
from __future__ import annotations

from typing import Sequence

from .errors import RowError, cell_message, quote
from .schema import Field, RecordSchema

DATE_HINT = "如 2023-05-06、2023/5/6、2023.5.6、2023年5月6日"


def problem(f: Field, code: str, raw: str | None) -> str:
    text = (raw or "").strip()
    if code == "required":
        return "必填，不能为空"
    if code == "too_long":
        return f"内容过长（{len(text)}个字符，最多{f.max_length}个字符）"
    return _invalid(f, text)


def _invalid(f: Field, text: str) -> str:
    if f.type == "date":
        return f"无法识别的日期{quote(text)}"
    if f.type == "datetime":
        return f"无法识别的日期时间{quote(text)}"
    if f.type == "int":
        return f"不是有效的整数{quote(text)}"
    if f.type == "decimal":
        return f"不是有效的数字{quote(text)}"
    if f.type == "bool":
        return f"无法识别的是否值{quote(text)}（应填“是”或“否”）"
    if f.type == "choice":
        return f"{quote(text)}不是允许的取值（可选：{'、'.join(f.choices)}）"
    return f"无法识别的值{quote(text)}"


def cell_error(file: str, row: int, f: Field, code: str, raw: str | None) -> RowError:
    return RowError(file, row, f.verbose_name, raw, cell_message(row, f.verbose_name, problem(f, code, raw)))


def duplicate_error(file: str, row: int, first: int, schema: RecordSchema, values: Sequence[object]) -> RowError:
    column = "、".join(f.verbose_name for f in schema.key_fields)
    value = "、".join("" if v is None else str(v) for v in values)
    message = cell_message(row, column, f"{quote(value)}在本文件中重复（与第{first}行相同）")
    return RowError(file, row, column, value, message)
