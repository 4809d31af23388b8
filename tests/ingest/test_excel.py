"""Workbooks: title rows, merged two-row headers, date and number cells, Excel serial dates, sheet choice."""
from __future__ import annotations

import datetime as dt

from fazhi.core.ingest import get_schema, import_file

from .conftest import HEADER, query, row, write_xlsx

HOTLINE_GROUPED = [  # a group header "办理情况" over three sub-headers, other headers merged vertically
    (2, 0, 3, 0, "工单编号"), (2, 1, 3, 1, "受理时间"), (2, 2, 3, 2, "诉求类别"), (2, 3, 3, 3, "承办单位编码"),
    (2, 4, 2, 6, "办理情况"), (2, 7, 3, 7, "满意度评价"),
]


def test_title_rows_and_merged_two_row_header(tmp_path, store):
    rows = [["2023年12345热线工单明细"], ["统计口径：全区"], [], ["", "", "", "", "是否响应", "是否解决", "办结时间"],
            ["GD001", dt.datetime(2023, 5, 6, 9, 30), "噪音扰民", "110105001", "是", "否", "2023-05-07 10:00", "满意"],
            ["GD002", "2023年5月8日", "物业管理", 110105002, "√", "是", None, "未评价"]]
    path = write_xlsx(tmp_path / "grouped.xlsx", rows, merges=HOTLINE_GROUPED)
    result = import_file(path, "hotline_request", store)
    assert result.ok, [str(e) for e in result.errors]
    assert query(store, "SELECT ticket_no, received_at, unit_code, responded, resolved, closed_at, satisfaction "
                        "FROM hotline_request ORDER BY 1") == [
        ("GD001", dt.datetime(2023, 5, 6, 9, 30), "110105001", True, False, dt.datetime(2023, 5, 7, 10), "satisfied"),
        ("GD002", dt.datetime(2023, 5, 8), "110105002", True, True, None, "not_rated")]


def test_row_numbers_are_sheet_rows(tmp_path, store):
    rows = [["标题"], [], [], ["", "", "", "", "是否响应", "是否解决", "办结时间"],
            ["GD001", "2023-05-06", "噪音", "1", "是", "是", "", "满意"],
            [], ["GD002", "2023-13-06", "噪音", "1", "是", "是", "", "满意"]]
    result = import_file(write_xlsx(tmp_path / "rows.xlsx", rows, merges=HOTLINE_GROUPED), "hotline_request", store)
    (error,) = result.errors
    assert error.row == 7 and error.message == "第7行“受理时间”列：无法识别的日期时间“2023-13-06”"


def test_number_and_date_cells(tmp_path, sample, store):
    rows = [HEADER, ["A1", 3.0, 1234.5, dt.datetime(2023, 5, 6), dt.datetime(2023, 5, 6, 14, 30), True, "乙级", 42]]
    assert import_file(write_xlsx(tmp_path / "n.xlsx", rows), sample, store).ok
    assert query(store, 'SELECT seq, amount, day, "at", flag, level, note FROM sample_record') == [
        (3, 1234.5, dt.date(2023, 5, 6), dt.datetime(2023, 5, 6, 14, 30), True, "b", "42")]


def test_excel_serial_dates_in_plain_number_cells(tmp_path, sample, store):
    rows = [HEADER, row(day=45052, at=45052.5)]  # 2023-05-06, at noon
    assert import_file(write_xlsx(tmp_path / "serial.xlsx", rows), sample, store).ok
    assert query(store, 'SELECT day, "at" FROM sample_record') == [(dt.date(2023, 5, 6), dt.datetime(2023, 5, 6, 12))]


def test_sheet_with_the_best_header_is_chosen(tmp_path, sample, store):
    import xlsxwriter
    path = tmp_path / "two.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("说明").write_column(0, 0, ["本表说明", "编号：记录编号"])
    data = book.add_worksheet("数据")
    for r, values in enumerate([HEADER, row()]):
        data.write_row(r, 0, values)
    book.close()
    result = import_file(path, sample, store)
    assert result.ok and result.rows == 1


def test_missing_column_in_workbook_names_sheet(tmp_path, sample, store):
    rows = [[h for h in HEADER if h != "序号"], ["A1", "5"]]
    (error,) = import_file(write_xlsx(tmp_path / "m.xlsx", rows), sample, store).errors
    assert str(error) == "文件“m.xlsx”工作表“数据”缺少必需的列“序号”"


def test_blank_trailing_rows_are_ignored(tmp_path, sample, store):
    rows = [HEADER, row()] + [[""] * 8] * 5 + [[None] * 8]
    result = import_file(write_xlsx(tmp_path / "blank.xlsx", rows), sample, store)
    assert result.ok and result.rows == 1


def test_inspection_schema_from_xlsx(tmp_path, store):
    schema = get_schema("inspection")
    header = ["检查编号", "执法主体编码", "职权编码", "检查日期", "检查方式", "检查结果", "执法人员数"]
    rows = [header, ["JC-1", "ZF01", "QL001", "2023.5.6", "双随机抽查", "责令整改", 2]]
    result = import_file(write_xlsx(tmp_path / "jc.xlsx", rows), schema, store)
    assert result.ok and result.inserted == 1
    assert query(store, "SELECT inspected_on, method, result, officer_count FROM inspection") == [
        (dt.date(2023, 5, 6), "random", "rectify", 2)]
