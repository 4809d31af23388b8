"""Schemas (YAML, validation) and header matching."""
from __future__ import annotations

import pytest

from fazhi.core.ingest import Field, RecordSchema, SchemaError, builtin_schemas, load_schema
from fazhi.core.ingest.headers import find_header, norm_header


def test_builtin_schemas_load():
    schemas = builtin_schemas()
    assert {"hotline_request", "inspection"} <= set(schemas)
    hotline = schemas["hotline_request"]
    assert hotline.natural_key == ("ticket_no",) and hotline.mode == "upsert"
    assert hotline.field("satisfaction").choices["基本满意"] == "basically_satisfied"


def test_natural_key_fields_are_always_required():
    schema = RecordSchema("x", "某记录", "x", (Field("code", "编号"), Field("name", "名称")), ("code",))
    assert schema.field("code").required and not schema.field("name").required


def test_yaml_choices_as_list_and_file(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("name: s\nverbose_name: 示例\nnatural_key: [k]\nfields:\n"
                    "  - {name: k, verbose_name: 编号}\n  - {name: c, verbose_name: 类别, type: choice, choices: [甲, 乙]}\n",
                    encoding="utf-8")
    schema = load_schema(path)
    assert schema.table == "s" and schema.field("c").choices == {"甲": "甲", "乙": "乙"}


@pytest.mark.parametrize("fields, key, message", [
    ((Field("k", "编号"),), ("missing",), "自然键"),
    ((Field("k", "编号"), Field("k", "重复")), ("k",), "重复"),
])
def test_inconsistent_schemas_are_refused(fields, key, message):
    with pytest.raises(SchemaError, match=message):
        RecordSchema("x", "某记录", "x", fields, key)


@pytest.mark.parametrize("kwargs, message", [
    ({"name": "Bad Name"}, "字段名"), ({"type": "money"}, "类型"), ({"type": "choice"}, "choices"),
])
def test_bad_fields_are_refused(kwargs, message):
    with pytest.raises(SchemaError, match=message):
        Field(**{"name": "f", "verbose_name": "字段", **kwargs})


def test_reserved_table_name():
    with pytest.raises(SchemaError):
        RecordSchema("x", "某记录", "import_batch", (Field("k", "编号"),), ("k",))


@pytest.mark.parametrize("text", ["金额（元）", " 金 额 ", "金额(元)", "*金额", "金额【万元】", "金额\n（元）", "金额："])
def test_header_normalisation(text):
    assert norm_header(text) == "金额"


def test_full_width_letters_in_headers():
    assert norm_header("ＡＢＣ编码") == "abc编码"


def test_header_below_title_rows(sample):
    rows = [["测试记录台账"], ["制表单位：某局", "", ""], ["编号", "序号", "备注"], ["A1", "1", "x"]]
    match = find_header(rows, sample)
    assert (match.first_row, match.height, match.data_start) == (2, 1, 3)
    assert match.columns == {"code": 0, "seq": 1, "note": 2}


def test_two_row_header_with_group_cell(sample):
    rows = [["编号", "序号", "处置情况", "", ""], ["", "", "金额（元）", "是否公开", "等级"], ["A1", "1", "3", "是", "甲级"]]
    match = find_header(rows, sample)
    assert (match.first_row, match.height, match.data_start) == (0, 2, 2)
    assert match.columns == {"code": 0, "seq": 1, "amount": 2, "flag": 3, "level": 4}


def test_group_name_joined_with_sub_header():
    schema = RecordSchema("x", "某记录", "x", (Field("k", "编号"), Field("d", "办结时间", type="date")), ("k",))
    rows = [["编号", "办结", ""], ["", "时间", "人员"]]
    assert find_header(rows, schema).columns == {"k": 0, "d": 1}


def test_no_header(sample):
    assert find_header([["甲", "乙"], ["1", "2"]], sample) is None
