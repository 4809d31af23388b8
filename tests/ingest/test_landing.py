"""Landing: idempotent upsert with insert/update counts, batches, schema growth, shared connections."""
from __future__ import annotations

import duckdb

from fazhi.core.ingest import Field, RecordSchema, import_file, load_schema

from .conftest import HEADER, SAMPLE_YAML, query, row, write_csv


def test_reimport_is_idempotent(tmp_path, sample, store):
    path = write_csv(tmp_path / "a.csv", [HEADER] + [row(code=f"A{i}") for i in range(50)])
    first = import_file(path, sample, store, user_label="张三")
    again = import_file(path, sample, store, user_label="张三")
    assert (first.ok, first.rows, first.inserted, first.updated) == (True, 50, 50, 0)
    assert (again.ok, again.rows, again.inserted, again.updated) == (True, 50, 0, 50)
    assert query(store, "SELECT count(*) FROM sample_record") == [(50,)]
    assert again.batch_id == first.batch_id + 1


def test_upsert_updates_and_inserts(tmp_path, sample, store):
    import_file(write_csv(tmp_path / "a.csv", [HEADER, row(code="A1", note="旧"), row(code="A2")]), sample, store)
    result = import_file(write_csv(tmp_path / "b.csv", [HEADER, row(code="A1", note="新"), row(code="A3")]),
                         sample, store)
    assert (result.inserted, result.updated) == (1, 1)
    assert query(store, "SELECT code, note, _batch_id FROM sample_record ORDER BY code") == [
        ("A1", "新", 2), ("A2", "备注", 1), ("A3", "备注", 2)]


def test_columns_absent_from_the_file_keep_their_values(tmp_path, sample, store):
    import_file(write_csv(tmp_path / "a.csv", [HEADER, row(code="A1", note="保留")]), sample, store)
    import_file(write_csv(tmp_path / "b.csv", [["编号", "序号", "金额"], ["A1", "1", "99"]]), sample, store)
    assert query(store, "SELECT amount, note FROM sample_record") == [(99, "保留")]


def test_batch_history(tmp_path, sample, store):
    path = write_csv(tmp_path / "a.csv", [HEADER, row()])
    result = import_file(path, sample, store, user_label="李四（司法局）")
    (batch,) = query(store, "SELECT id, schema_name, file_name, length(sha256), row_count, inserted, updated, "
                            "error_count, status, user_label, finished_at >= started_at FROM import_batch")
    assert batch == (result.batch_id, "sample", "a.csv", 64, 1, 1, 0, 0, "ok", "李四（司法局）", True)


def test_table_ddl_has_natural_primary_key(tmp_path, sample, store):
    import_file(write_csv(tmp_path / "a.csv", [HEADER, row()]), sample, store)
    con = duckdb.connect(str(store))
    try:
        con.execute("INSERT INTO sample_record (code, seq) VALUES ('Z', 1)")
        try:
            con.execute("INSERT INTO sample_record (code, seq) VALUES ('Z', 1)")
            raise AssertionError("duplicate key accepted")
        except duckdb.ConstraintException:
            pass
    finally:
        con.close()


def test_schema_gaining_a_field_adds_the_column(tmp_path, sample, store):
    import_file(write_csv(tmp_path / "a.csv", [HEADER, row()]), sample, store)
    grown = RecordSchema(sample.name, sample.verbose_name, sample.table,
                         sample.fields + (Field("extra", "新增列"),), sample.natural_key)
    result = import_file(write_csv(tmp_path / "b.csv", [HEADER + ["新增列"], row(code="A2") + ["x"]]), grown, store)
    assert result.ok
    assert query(store, "SELECT code, extra FROM sample_record ORDER BY code") == [("A1", None), ("A2", "x")]


def test_open_connection_can_be_passed(tmp_path, sample, store):
    con = duckdb.connect(str(store))
    try:
        result = import_file(write_csv(tmp_path / "a.csv", [HEADER, row()]), sample, con)
        assert result.ok
        assert con.execute("SELECT count(*) FROM sample_record").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchone() == (0,)
    finally:
        con.close()


def test_schema_by_name(tmp_path, store):
    path = write_csv(tmp_path / "h.csv", [["工单编号", "受理时间", "诉求类别", "承办单位编码"], ["G1", "2023/5/6 8:00", "噪音", "U1"]])
    assert import_file(path, "hotline_request", store).ok


def test_store_error_rolls_back_and_reports(tmp_path, sample, store):
    con = duckdb.connect(str(store))
    con.execute("CREATE TABLE sample_record (code VARCHAR, seq BIGINT)")  # made by hand, no primary key
    con.close()
    result = import_file(write_csv(tmp_path / "a.csv", [HEADER, row()]), load_schema(SAMPLE_YAML), store)
    assert result.status == "failed" and "已全部回滚" in result.errors[0].message
    assert query(store, "SELECT count(*) FROM sample_record") == [(0,)]
    assert query(store, "SELECT status FROM import_batch") == [("failed",)]
