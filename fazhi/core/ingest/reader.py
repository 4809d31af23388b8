"""Open an import file (CSV in any common encoding, or a workbook) as a :class:`Source`."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from .csvfile import open_csv
from .errors import file_error
from .excel import open_workbook
from .schema import RecordSchema
from .source import Source

_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


def file_kind(path: Path) -> str | None:
    """'excel' or 'csv' by content (uploads may lose their suffix), else by suffix."""
    with open(path, "rb") as fh:
        magic = fh.read(4)
    if magic in (_ZIP, _OLE):
        return "excel"
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return None  # claims to be a workbook but is not one
    return "csv"


def open_source(path: Path, schema: RecordSchema, workdir: Path, file_name: str,
                tick: Callable[[float], None]) -> Source:
    """Read ``path`` into a :class:`Source` (raises IngestFailure with Chinese errors)."""
    if not path.is_file():
        raise file_error(file_name, "文件不存在或无法读取")
    if path.stat().st_size == 0:
        raise file_error(file_name, "文件是空的")
    kind = file_kind(path)
    if kind is None:
        raise file_error(file_name, "文件扩展名是 Excel，但内容不是有效的 Excel 工作簿")
    opener = open_workbook if kind == "excel" else open_csv
    return opener(path, schema, workdir, file_name, tick)
