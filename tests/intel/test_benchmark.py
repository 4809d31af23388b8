"""Regions × indicators across the seeds, exports, and reconciliation with computed figures."""

from __future__ import annotations

import csv
import io

import pytest

from fazhi.intel import extract, from_text, load
from fazhi.intel.benchmark import collect, compare, reconcile, to_csv, to_xlsx

from .seeds import SEEDS, STEMS, seed_path


@pytest.fixture(scope="module")
def facts():
    return collect(seed_path(stem) for stem in STEMS)


def test_regions_side_by_side(facts):
    bench = compare(facts)
    assert bench.regions == sorted(["朝阳区", "通州区", "青山区", "海门区"])
    cell = bench.get("reconsideration.correction_rate", "通州区")
    assert (float(cell.value), cell.unit, cell.period) == (24.2, "%", 2023)
    doc = load(SEEDS / "001_db1df324d5669997.txt")
    assert doc.text[cell.start:cell.end] == cell.text
    assert bench.get("reconsideration.received", "朝阳区").value == 714
    assert float(bench.get("hotline.response_rate", "朝阳区").value) == 99.18  # year end, not start


def test_csv_export(facts):
    rows = list(csv.DictReader(io.StringIO(to_csv(compare(facts)))))
    row = next(r for r in rows if r["indicator"] == "litigation.loss_rate" and r["region"] == "朝阳区")
    assert row["value"] == "2.4" and row["unit"] == "%" and row["period"] == "2021" and row["text"] == "2.4%"


def test_xlsx_export(facts, tmp_path):
    from python_calamine import CalamineWorkbook

    path = tmp_path / "bench.xlsx"
    to_xlsx(compare(facts), path)
    wb = CalamineWorkbook.from_path(str(path))
    assert wb.sheet_names == ["对比", "明细", "图表"]
    table = wb.get_sheet_by_name("对比").to_python()
    assert table[0][:2] == ["指标代码", "指标"] and "朝阳区" in table[0]


def test_reconcile_lists_only_differences():
    facts = extract(from_text("2023年，通州区全年共收到行政复议申请1113件，审结977件，直接纠错236件，纠错率约为24.2%。"))
    computed = {("reconsideration.received", 2023): 1113, ("reconsideration.concluded", 2023): 975,
                ("reconsideration.correction_rate", 2023): 24.16}
    diffs = reconcile(facts, computed)
    assert [(d.indicator, float(d.reported), float(d.computed)) for d in diffs] == \
        [("reconsideration.concluded", 977.0, 975.0)]
    assert diffs[0].as_dict()["delta"] == 2
    assert reconcile(facts, computed, region="朝阳区") == []
