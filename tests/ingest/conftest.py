"""Shared helpers for the bulk-import tests: a schema with every field type, file writers, store reads."""
from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
import xlsxwriter

from fazhi.core.ingest import load_schema

SAMPLE_YAML = """
name: sample
verbose_name: 测试记录
table: sample_record
natural_key: [code, seq]
fields:
  - {name: code, verbose_name: 编号, aliases: [记录编号], type: str, required: true, max_length: 10, fold_width: true}
  - {name: seq, verbose_name: 序号, type: int, required: true}
  - {name: amount, verbose_name: 金额, aliases: [罚没金额], type: decimal}
  - {name: day, verbose_name: 日期, type: date}
  - {name: at, verbose_name: 时间, type: datetime}
  - {name: flag, verbose_name: 是否公开, type: bool}
  - {name: level, verbose_name: 等级, type: choice, choices: {甲级: a, 乙级: b}}
  - {name: note, verbose_name: 备注, type: str}
"""
HEADER = ["编号", "序号", "金额", "日期", "时间", "是否公开", "等级", "备注"]


@pytest.fixture
def sample():
    return load_schema(SAMPLE_YAML)


@pytest.fixture(autouse=True)
def _fast_password_hashing():
    """The project conftest tunes Django settings; these tests are pure Python and need no Django."""


@pytest.fixture
def store(tmp_path) -> Path:
    return tmp_path / "store.duckdb"


def write_csv(path: Path, rows, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, rows, merges=()) -> Path:
    """Rows of values (datetime values get a date format); merges: (first_row, first_col, last_row, last_col, text)."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("数据")
    date_format = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if hasattr(value, "year"):
                sheet.write_datetime(r, c, value, date_format)
            else:
                sheet.write(r, c, value)
    for first_row, first_col, last_row, last_col, text in merges:
        sheet.merge_range(first_row, first_col, last_row, last_col, text)
    book.close()
    return path


def query(db: Path, sql: str, params=None):
    con = duckdb.connect(str(db))
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def row(code="A1", seq="1", amount="10.5", day="2023-05-06", at="2023-05-06 08:30:00", flag="是", level="甲级", note="备注"):
    return [code, seq, amount, day, at, flag, level, note]
