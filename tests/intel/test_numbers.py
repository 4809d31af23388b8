"""The numeral parser: examples as officials write them, and properties over generated numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fazhi.intel.numbers import parse_chinese_numeral, parse_number, scan_numbers, to_chinese_numeral

FULLWIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


@pytest.mark.parametrize("text, value", [
    ("一百二十", 120), ("两千", 2000), ("十六", 16), ("二十五", 25), ("一百零五", 105), ("两千零五十", 2050),
    ("三千五", 3500), ("一万二", 12000), ("三万五千", 35000), ("一亿二千万", 120_000_000), ("二〇三五", 2035),
    ("6.49万", 64900), ("26.01亿", 2_601_000_000), ("38000万", 380_000_000), ("6千余万", 60_000_000),
    ("20余万", 200_000), ("1,234.5", Decimal("1234.5")), ("６.４９万", 64900), ("三点五", Decimal("3.5")),
    ("百", 100), ("十万", 100_000), ("三万亿", 3 * 10**12), ("1.98亿", 198_000_000),
])
def test_parse_number(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "十四五", "三四", "七有"])
def test_not_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


def _one(text):
    tokens = scan_numbers(text)
    assert len(tokens) == 1, tokens
    return tokens[0]


@pytest.mark.parametrize("text, value, high, qualifier, percent", [
    ("约2.43万件", 24300, None, "约", False),
    ("38000万余件", 380_000_000, None, "余", False),
    ("近3.83万户", 38300, None, "近", False),
    ("超过406.98万人", 4_069_800, None, "超过", False),
    ("不少于60学时", 60, None, "不少于", False),
    ("80%以上", 80, None, "以上", True),
    ("40%左右", 40, None, "约", True),
    ("50%-60%", 50, 60, None, True),
    ("5-10分钟", 5, 10, None, False),
    ("3至5个", 3, 5, None, False),
    ("百分之三十", 30, None, None, True),
    ("两千余人次", 2000, None, "余", False),
    ("约为24.2%", Decimal("24.2"), None, "约", True),
])
def test_scan_one_number(text, value, high, qualifier, percent):
    t = _one(text)
    assert t.value == Decimal(value)
    assert t.high == (Decimal(high) if high is not None else None)
    assert t.qualifier == qualifier and t.percent == percent


def test_cheng_and_half_are_percentages():
    values = {(t.value, t.percent) for t in scan_numbers("三成企业、一半以上") if t.percent}
    assert values == {(Decimal(30), True), (Decimal(50), True)}


@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_numerals_round_trip(n):
    assert parse_chinese_numeral(to_chinese_numeral(n)) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_thousands_separators(n):
    assert parse_number(f"{n:,}") == n


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_full_width_digits(d):
    text = f"{d:,}"
    assert parse_number(text.translate(FULLWIDTH)) == parse_number(text) == d


@given(st.decimals(min_value=Decimal("0.01"), max_value=99999, places=2), st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_multipliers(d, mult):
    word, factor = mult
    assert parse_number(f"{d}{word}") == d * factor


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["共办理", "累计", "全年受理"]),
       st.sampled_from(["件", "人次", "项"]))
def test_scan_finds_exact_span(n, before, unit):
    text = f"{before}{n}{unit},"
    t = _one(text)
    assert (t.core_start, t.core_end) == (len(before), len(before) + len(str(n)))
    assert t.value == n


@given(st.integers(min_value=2, max_value=10**8))
def test_scan_chinese_numeral_span(n):
    word = to_chinese_numeral(n)
    t = _one(f"共{word}件")
    assert t.value == n and t.core_start == 1 and t.core_end == 1 + len(word)
