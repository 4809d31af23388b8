"""Cell normalisation: full-width digits, Chinese dates, booleans, choices, numbers."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fazhi.core.ingest import import_file

from .conftest import HEADER, query, row, write_csv


def land_one(tmp_path, sample, store, **cells):
    path = write_csv(tmp_path / "one.csv", [HEADER, row(**cells)])
    result = import_file(path, sample, store)
    assert result.ok, [str(e) for e in result.errors]
    return query(store, "SELECT code, seq, amount, day, \"at\", flag, level, note FROM sample_record")[0]


@pytest.mark.parametrize("text", ["2023-05-06", "2023-5-6", "2023/5/6", "2023.5.6", "2023年5月6日", "2023年05月06日",
                                  "20230506", " 2023-05-06 ", "２０２３年５月６日", "2023-05-06 00:00:00", "2023/5/6 14:30"])
def test_chinese_date_forms(tmp_path, sample, store, text):
    assert land_one(tmp_path, sample, store, day=text)[3] == dt.date(2023, 5, 6)


@pytest.mark.parametrize("text, expected", [
    ("2023-05-06 14:30:15", dt.datetime(2023, 5, 6, 14, 30, 15)),
    ("2023/5/6 14:30", dt.datetime(2023, 5, 6, 14, 30)),
    ("2023.5.6 9:05", dt.datetime(2023, 5, 6, 9, 5)),
    ("2023年5月6日 14时30分", dt.datetime(2023, 5, 6, 14, 30)),
    ("2023年5月6日14时30分15秒", dt.datetime(2023, 5, 6, 14, 30, 15)),
    ("2023年5月6日", dt.datetime(2023, 5, 6)),
    ("2023-05-06T14:30:00", dt.datetime(2023, 5, 6, 14, 30)),
    ("２０２３－０５－０６　１４：３０", dt.datetime(2023, 5, 6, 14, 30)),
])
def test_datetime_forms(tmp_path, sample, store, text, expected):
    assert land_one(tmp_path, sample, store, at=text)[4] == expected


@pytest.mark.parametrize("text", ["是", "Y", "y", "yes", "1", "√", "TRUE", " 是 ", "Ｙ"])
def test_true_words(tmp_path, sample, store, text):
    assert land_one(tmp_path, sample, store, flag=text)[5] is True


@pytest.mark.parametrize("text", ["否", "N", "no", "0", "×", "false"])
def test_false_words(tmp_path, sample, store, text):
    assert land_one(tmp_path, sample, store, flag=text)[5] is False


@pytest.mark.parametrize("text, code", [("甲级", "a"), ("乙级", "b"), (" 乙 级 ", "b"), ("a", "a")])
def test_choice_by_label_or_code(tmp_path, sample, store, text, code):
    assert land_one(tmp_path, sample, store, level=text)[6] == code


@pytest.mark.parametrize("text, expected", [
    ("1,234.50", Decimal("1234.50")), ("１２３４．５", Decimal("1234.50")), ("-3", Decimal("-3.00")),
    ("１，２３４", Decimal("1234.00")), (".5", Decimal("0.50")), ("12.345", Decimal("12.35")),
])
def test_decimal_forms(tmp_path, sample, store, text, expected):
    assert land_one(tmp_path, sample, store, amount=text)[2] == expected


def test_full_width_digits_in_int_and_code(tmp_path, sample, store):
    landed = land_one(tmp_path, sample, store, code="ＡＢ１２", seq="１２")
    assert landed[0] == "AB12" and landed[1] == 12


def test_thousands_separator_in_int(tmp_path, sample, store):
    assert land_one(tmp_path, sample, store, seq="1,234")[1] == 1234


def test_text_is_trimmed_including_ideographic_space(tmp_path, sample, store):
    assert land_one(tmp_path, sample, store, note="\u3000 说明文字\t")[7] == "说明文字"


def test_optional_blank_cells_land_as_null(tmp_path, sample, store):
    landed = land_one(tmp_path, sample, store, amount="", day=" ", at="", flag="", level="", note="")
    assert landed[2:] == (None, None, None, None, None, None)
