"""Invalid files: every problem is reported with file, row, column and value, in Chinese, and nothing lands."""
from __future__ import annotations

from fazhi.core.ingest import import_file

from .conftest import HEADER, query, row, write_csv


def rejected(tmp_path, sample, store, rows, name="bad.csv"):
    result = import_file(write_csv(tmp_path / name, rows), sample, store)
    assert not result.ok and result.status == "rejected"
    assert result.inserted == result.updated == 0
    return result


def test_bad_date_names_file_row_column_and_value(tmp_path, sample, store):
    result = rejected(tmp_path, sample, store, [HEADER, row(), row(code="A2", day="2023-13-45")])
    (error,) = result.errors
    assert (error.file, error.row, error.column, error.value) == ("bad.csv", 3, "日期", "2023-13-45")
    assert error.message == "第3行“日期”列：无法识别的日期“2023-13-45”"
    assert str(error) == "文件“bad.csv”第3行“日期”列：无法识别的日期“2023-13-45”"


def test_row_numbers_count_title_and_header_rows(tmp_path, sample, store):
    rows = [["2023年度测试记录台账"], [], HEADER, row(), row(code="A2"), row(code="A3", seq="x")]
    (error,) = rejected(tmp_path, sample, store, rows).errors
    assert error.row == 6 and error.column == "序号"
    assert error.message == "第6行“序号”列：不是有效的整数“x”"


def test_bad_choice_lists_allowed_values(tmp_path, sample, store):
    (error,) = rejected(tmp_path, sample, store, [HEADER, row(level="丙级")]).errors
    assert error.message == "第2行“等级”列：“丙级”不是允许的取值（可选：甲级、乙级）"


def test_bad_bool_number_datetime_and_too_long(tmp_path, sample, store):
    rows = [HEADER, row(flag="也许", amount="12元", at="昨天", code="ABCDEFGHIJK")]
    messages = [e.message for e in rejected(tmp_path, sample, store, rows).errors]
    assert messages == [
        "第2行“编号”列：内容过长（11个字符，最多10个字符）",
        "第2行“金额”列：不是有效的数字“12元”",
        "第2行“时间”列：无法识别的日期时间“昨天”",
        "第2行“是否公开”列：无法识别的是否值“也许”（应填“是”或“否”）",
    ]


def test_impossible_and_implausible_dates(tmp_path, sample, store):
    rows = [HEADER, row(day="2023-02-29"), row(code="A2", day="1800-01-01"), row(code="A3", day="2023年13月1日")]
    errors = rejected(tmp_path, sample, store, rows).errors
    assert [(e.row, e.value) for e in errors] == [(2, "2023-02-29"), (3, "1800-01-01"), (4, "2023年13月1日")]


def test_required_cell_empty(tmp_path, sample, store):
    (error,) = rejected(tmp_path, sample, store, [HEADER, row(seq=" ")]).errors
    assert error.message == "第2行“序号”列：必填，不能为空"


def test_duplicate_natural_key_in_file(tmp_path, sample, store):
    rows = [HEADER, row(code="A1", seq="1"), row(code="A1", seq="2"), row(code="A1", seq="1", note="又一次")]
    (error,) = rejected(tmp_path, sample, store, rows).errors
    assert error.row == 4 and error.column == "编号、序号"
    assert error.message == "第4行“编号、序号”列：“A1、1”在本文件中重复（与第2行相同）"


def test_duplicate_key_after_normalisation(tmp_path, sample, store):
    rows = [HEADER, row(code="A1", seq="1"), row(code="Ａ１", seq="１")]
    (error,) = rejected(tmp_path, sample, store, rows).errors
    assert error.row == 3 and "重复" in error.message


def test_missing_required_column_names_file_and_column(tmp_path, sample, store):
    header = [h for h in HEADER if h != "序号"]
    result = rejected(tmp_path, sample, store, [header, row()[:1] + row()[2:]], name="缺列.csv")
    (error,) = result.errors
    assert error.row is None and error.column == "序号"
    assert str(error) == "文件“缺列.csv”缺少必需的列“序号”"


def test_no_header_at_all(tmp_path, sample, store):
    (error,) = rejected(tmp_path, sample, store, [["甲", "乙"], ["1", "2"]]).errors
    assert error.message.startswith("找不到表头") and "编号、序号" in error.message


def test_error_cap_reports_total(tmp_path, sample, store):
    rows = [HEADER] + [row(code=f"A{i}", day="bad") for i in range(30)]
    result = import_file(write_csv(tmp_path / "many.csv", rows), sample, store, max_errors=10)
    assert len(result.errors) == 10 and result.error_count == 30
    assert [e.row for e in result.errors] == list(range(2, 12))


def test_nothing_lands_when_any_row_is_invalid(tmp_path, sample, store):
    assert import_file(write_csv(tmp_path / "good.csv", [HEADER, row(code="A0")]), sample, store).ok
    rows = [HEADER] + [row(code=f"B{i}") for i in range(100)] + [row(code="B100", level="丙级")]
    rejected(tmp_path, sample, store, rows)
    assert query(store, "SELECT code FROM sample_record") == [("A0",)]


def test_rejected_import_is_recorded_in_history(tmp_path, sample, store):
    result = rejected(tmp_path, sample, store, [HEADER, row(day="x")])
    batches = query(store, "SELECT id, schema_name, file_name, status, error_count, inserted FROM import_batch")
    assert batches == [(result.batch_id, "sample", "bad.csv", "rejected", 1, 0)]


def test_empty_file_and_wrong_content(tmp_path, sample, store):
    (tmp_path / "empty.csv").write_bytes(b"")
    assert import_file(tmp_path / "empty.csv", sample, store).errors[0].message == "文件是空的"
    (tmp_path / "fake.xlsx").write_text("not a workbook")
    assert "不是有效的 Excel" in import_file(tmp_path / "fake.xlsx", sample, store).errors[0].message


def test_display_name_for_uploaded_files(tmp_path, sample, store):
    path = write_csv(tmp_path / "tmp123", [HEADER, row(day="x")])
    result = import_file(path, sample, store, file_name="上报数据.csv")
    assert result.errors[0].file == "上报数据.csv"
