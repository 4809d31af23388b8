"""CSV files: encoding, header detection, and a UTF-8 copy only when DuckDB needs one."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator

from .encoding import scan_file, sniff_encoding, transcode
from .errors import IngestFailure, RowError, file_error
from .headers import MAX_SCAN_ROWS, HeaderMatch, find_header
from .schema import RecordSchema
from .source import Source

DELIMITERS = (",", "\t", ";", "|")
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8（带BOM）", "gb18030": "GBK/GB18030", "utf-16": "UTF-16"}
csv.field_size_limit(1 << 30)


@dataclass
class Head:
    encoding: str
    delimiter: str
    match: HeaderMatch
    text: str  # the file's text up to the end of the header rows

    def data_start(self, encoding: str) -> int:
        """Byte offset of the first data record in a file of ``encoding`` (UTF-8 copies: 'utf-8')."""
        return len(self.text.encode("utf-8")) + (3 if encoding == "utf-8-sig" else 0)


def open_csv(path: Path, schema: RecordSchema, workdir: Path, file_name: str,
             tick: Callable[[float], None]) -> Source:
    encoding = sniff_encoding(path)
    head = _head(path, encoding, schema, file_name)
    if head.encoding in ("utf-8", "utf-8-sig"):
        scan = scan_file(path, head.data_start(head.encoding), True, tick)
        if scan.utf8:
            return _finish(path, head, scan.sha256, scan.blank_lines, schema, workdir, file_name)
        head = _mixed(path, scan.bad_offset, schema, file_name)  # the sample was UTF-8, a later part is not
    dest = workdir / "utf8.csv"
    try:
        scan = transcode(path, head.encoding, dest, head.data_start("utf-8"), tick)
    except UnicodeDecodeError:
        raise _undecodable(file_name) from None
    return _finish(dest, head, scan.sha256, scan.blank_lines, schema, workdir, file_name)


def _mixed(path: Path, bad_offset: int | None, schema: RecordSchema, file_name: str) -> Head:
    try:
        return _head(path, "gb18030", schema, file_name)
    except IngestFailure:
        with open(path, "rb") as fh:
            line = fh.read(bad_offset or 0).count(b"\n") + 1
        raise file_error(file_name, f"文件前面是 UTF-8 编码，第{line}行附近却有不是 UTF-8 的内容；"
                                    "请统一另存为 UTF-8 或 GBK 编码后重新导入") from None


def _undecodable(file_name: str) -> IngestFailure:
    return file_error(file_name, "无法识别文件编码，请另存为 UTF-8 或 GBK 编码的 CSV 文件")


def _finish(data: Path, head: Head, sha: str, blank_lines: bool, schema: RecordSchema,
            workdir: Path, file_name: str) -> Source:
    m = head.match
    width = max(m.width, max(m.columns.values()) + 1)
    src = Source(file_name, "csv", data, head.delimiter, m.data_start, width, dict(m.columns),
                 first_row=m.data_start + 1, sha256=sha)
    return _numbered_copy(src, workdir) if blank_lines else src


def _head(path: Path, encoding: str, schema: RecordSchema, file_name: str) -> Head:
    """The best (delimiter, header) among the first records; raises when none fits."""
    try:
        heads = [h for d in DELIMITERS if (h := _try_head(path, encoding, d, schema))]
    except UnicodeDecodeError:
        if encoding == "utf-8":
            return _head(path, "gb18030", schema, file_name)
        raise _undecodable(file_name) from None
    if not heads:
        names = "、".join(f.verbose_name for f in schema.fields if f.required)
        raise file_error(file_name, f"找不到表头：前{MAX_SCAN_ROWS}行中没有“{schema.verbose_name}”的列名（应包含：{names}）")
    head = max(heads, key=lambda h: len(h.match.columns))
    missing = head.match.missing(schema)
    if missing:
        raise IngestFailure([RowError(file_name, None, c, None, f"缺少必需的列“{c}”") for c in missing])
    return head


def _try_head(path: Path, encoding: str, delimiter: str, schema: RecordSchema) -> Head | None:
    lines: list[str] = []
    records, ends = [], []
    with open(path, encoding=encoding, newline="") as fh:
        reader = csv.reader(_recording(fh, lines), delimiter=delimiter)
        try:
            for rec in islice(reader, MAX_SCAN_ROWS + 1):
                records.append(rec)
                ends.append(len(lines))
        except csv.Error:
            pass  # a malformed record: judge the header by the records before it
    match = find_header(records, schema)
    if match is None:
        return None
    return Head(encoding, delimiter, match, "".join(lines[: ends[match.data_start - 1]]))


def _recording(lines_in: Iterator[str], seen: list[str]) -> Iterator[str]:
    for line in lines_in:
        seen.append(line)
        yield line


def _numbered_copy(src: Source, workdir: Path) -> Source:
    """Copy the data records with their row numbers (the file has blank lines DuckDB would drop)."""
    dest = workdir / "numbered.csv"
    fields = list(src.columns)
    with open(src.path, encoding="utf-8-sig", newline="") as fh, open(dest, "w", encoding="utf-8", newline="") as out:
        reader, writer = csv.reader(fh, delimiter=src.delimiter), csv.writer(out)
        for _ in islice(reader, src.skip):
            pass
        for n, rec in enumerate(reader, src.first_row):
            if rec:
                writer.writerow([n, *(rec[src.columns[f]] if src.columns[f] < len(rec) else "" for f in fields)])
    columns = {f: i + 1 for i, f in enumerate(fields)}
    return Source(src.file_name, "csv", dest, ",", 0, len(fields) + 1, columns, True, src.first_row, src.sha256)
