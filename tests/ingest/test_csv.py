"""CSV reading: encodings, delimiters, title rows, blank lines, quoted line breaks."""
from __future__ import annotations

import pytest

from fazhi.core.ingest import import_file
from fazhi.core.ingest.encoding import sniff_encoding

from .conftest import HEADER, query, row, write_csv

NOTE = "市民反映噪音扰民，已处理"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_every_encoding_lands_the_same_text(tmp_path, sample, store, encoding):
    rows = [HEADER, row(note=NOTE, level="乙级"), row(code="A2", note="第二行")]
    result = import_file(write_csv(tmp_path / "enc.csv", rows, encoding=encoding), sample, store)
    assert result.ok, [str(e) for e in result.errors]
    assert query(store, "SELECT code, note, level FROM sample_record ORDER BY code") == [
        ("A1", NOTE, "b"), ("A2", "第二行", "a")]


def test_gb18030_only_characters(tmp_path, sample, store):
    note = "㐀䶵𠀀 and € sign"  # outside GBK: four-byte GB18030 sequences
    path = write_csv(tmp_path / "gb.csv", [HEADER, row(note=note)], encoding="gb18030")
    assert import_file(path, sample, store).ok
    assert query(store, "SELECT note FROM sample_record") == [(note,)]


def test_gbk_bytes_after_a_utf8_looking_sample(tmp_path, sample, store):
    english = ["code", "seq", "amount", "day", "at", "flag", "level", "note"]  # field names work as headers too
    rows = [english] + [row(code=f"A{i}", flag="1", level="a", note="ascii") for i in range(5000)]
    path = write_csv(tmp_path / "late.csv", rows + [row(code="Z", note=NOTE)], encoding="gbk")
    assert sniff_encoding(path) == "utf-8"  # the first 64 KiB happen to be valid UTF-8
    result = import_file(path, sample, store)
    assert result.ok and result.rows == 5001
    assert query(store, "SELECT note FROM sample_record WHERE code = 'Z'") == [(NOTE,)]


def test_mixed_encodings_are_refused_with_the_line(tmp_path, sample, store):
    path = write_csv(tmp_path / "mixed.csv", [HEADER] + [row(code=f"A{i}") for i in range(3000)])
    with open(path, "ab") as fh:
        fh.write(",".join(row(code="Z", note=NOTE)).encode("gbk") + b"\r\n")
    (error,) = import_file(path, sample, store).errors
    assert "第3002行附近" in error.message and "UTF-8" in error.message


def test_undecodable_bytes(tmp_path, sample, store):
    path = tmp_path / "bin.csv"
    path.write_bytes(",".join(HEADER).encode("gbk") + b"\r\nA1,1,\x80\x80\xff\xff\r\n")
    (error,) = import_file(path, sample, store).errors
    assert "无法识别文件编码" in error.message


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_delimiters(tmp_path, sample, store, delimiter):
    rows = [HEADER, row(amount="1,234.5")]
    assert import_file(write_csv(tmp_path / "d.csv", rows, delimiter=delimiter), sample, store).ok


def test_title_rows_and_shuffled_extra_columns(tmp_path, sample, store):
    header = ["备注", "其他", "记录编号", "序号", "罚没金额（元）", "日 期"]
    rows = [["某区测试记录"], ["导出时间：2024-01-01"], header, ["说明", "x", "A1", "1", "5", "2023/5/6"]]
    result = import_file(write_csv(tmp_path / "t.csv", rows), sample, store)
    assert result.ok and result.rows == 1
    assert query(store, "SELECT code, amount, note FROM sample_record") == [("A1", 5, "说明")]


def test_blank_lines_keep_row_numbers(tmp_path, sample, store):
    path = tmp_path / "blank.csv"
    lines = [",".join(HEADER), ",".join(row()), "", ",".join(row(code="A2")), "", "", ",".join(row(code="A3", day="x"))]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    result = import_file(path, sample, store)
    assert result.rows == 3 and [e.row for e in result.errors] == [7]


def test_quoted_line_breaks(tmp_path, sample, store):
    rows = [HEADER, row(note="第一段\n第二段"), row(code="A2", note="x"), row(code="A3", day="bad")]
    result = import_file(write_csv(tmp_path / "q.csv", rows), sample, store)
    assert [e.row for e in result.errors] == [4]
    rows[-1] = row(code="A3")
    assert import_file(write_csv(tmp_path / "q.csv", rows), sample, store).ok
    assert query(store, "SELECT note FROM sample_record WHERE code = 'A1'") == [("第一段\n第二段",)]


def test_short_rows_are_padded(tmp_path, sample, store):
    path = tmp_path / "short.csv"
    path.write_text(",".join(HEADER) + "\nA1,1\nA2,2,3.5\n", encoding="utf-8")
    result = import_file(path, sample, store)
    assert result.ok and result.rows == 2


def test_blank_lines_in_crlf_file(tmp_path, sample, store):
    lines = [",".join(HEADER), ",".join(row()), "", ",".join(row(code="A2", seq="y"))]
    path = tmp_path / "crlf.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    assert [e.row for e in import_file(path, sample, store).errors] == [4]


@pytest.mark.parametrize("chunks, start, interior", [
    ([b"h\nA\n\nB\n"], 2, True),
    ([b"h\nA\n", b"\nB\n"], 2, True),  # the blank line straddles two chunks
    ([b"h\r\nA\r", b"\n\r\nB\r\n"], 3, True),
    ([b"h\nA\nB\n\n\n"], 2, False),  # trailing blank lines are harmless
    ([b"t\n\nh\nA\nB\n"], 5, False),  # a blank line above the header is not in the data
])
def test_blank_line_scanner(chunks, start, interior):
    from fazhi.core.ingest.encoding import BlankLines
    scanner = BlankLines(start)
    for chunk in chunks:
        scanner.feed(chunk)
    assert scanner.interior is interior
