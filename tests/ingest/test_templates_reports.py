"""Downloadable templates and error reports; a filled-in template imports."""
from __future__ import annotations

import csv

from python_calamine import CalamineWorkbook

from fazhi.core.ingest import (PROGRESS_TOTAL, errors_to_csv, errors_to_xlsx, get_schema, import_file, template_csv,
                               template_xlsx)

from .conftest import HEADER, row, write_csv, write_xlsx


def sheets(path):
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_xlsx_template_has_headers_and_column_guide(tmp_path):
    schema = get_schema("hotline_request")
    data, guide = sheets(template_xlsx(schema, tmp_path / "t.xlsx")).values()
    assert data[0] == [f.verbose_name for f in schema.fields]
    text = "\n".join(" ".join(str(c) for c in r) for r in guide)
    assert "满意、基本满意、不满意、未评价" in text and "2023年5月6日" in text and "必填" in text
    assert "唯一标识（自然键）：“工单编号”" in text and "已存在的记录将被本文件中的内容更新" in text


def test_csv_template_is_a_bom_header(tmp_path):
    schema = get_schema("inspection")
    path = template_csv(schema, tmp_path / "t.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert next(csv.reader(path.open(encoding="utf-8-sig"))) == [f.verbose_name for f in schema.fields]


def test_filled_templates_import(tmp_path, sample, store):
    path = template_csv(sample, tmp_path / "t.csv")
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(row())
    assert import_file(path, sample, store).ok
    header = next(iter(sheets(template_xlsx(sample, tmp_path / "t.xlsx")).values()))[0]
    filled = write_xlsx(tmp_path / "filled.xlsx", [header, row(code="A2")])
    assert import_file(filled, sample, store).inserted == 1


def test_error_reports(tmp_path, sample, store):
    result = import_file(write_csv(tmp_path / "bad.csv", [HEADER, row(day="2023-13-45"), row(code="A2", level="x")]),
                         sample, store)
    rows = list(csv.reader(errors_to_csv(result, tmp_path / "e.csv").open(encoding="utf-8-sig")))
    assert rows[0] == ["文件", "行号", "列", "原始值", "错误说明"]
    assert rows[1] == ["bad.csv", "2", "日期", "2023-13-45", "第2行“日期”列：无法识别的日期“2023-13-45”"]
    assert rows[-1][0].startswith("共2处错误")
    (report,) = sheets(errors_to_xlsx(result, tmp_path / "e.xlsx")).values()
    assert report[0][:2] == ["文件", "行号"] and report[2][4].startswith("第3行“等级”列")


def test_progress_is_monotonic_and_complete(tmp_path, sample, store):
    seen = []
    path = write_csv(tmp_path / "p.csv", [HEADER] + [row(code=f"A{i}") for i in range(2000)])
    import_file(path, sample, store, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (PROGRESS_TOTAL, PROGRESS_TOTAL)
    assert all(a[0] < b[0] for a, b in zip(seen, seen[1:])) and len(seen) > 3


def test_progress_completes_on_rejection(tmp_path, sample, store):
    seen = []
    import_file(write_csv(tmp_path / "p.csv", [HEADER, row(day="x")]), sample, store,
                progress=lambda done, total: seen.append(done))
    assert seen[-1] == PROGRESS_TOTAL
