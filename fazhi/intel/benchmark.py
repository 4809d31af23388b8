"""Benchmarking districts side by side, and reconciling reported figures with computed ones.

`compare(facts)` builds a regions × indicators table from the facts of many reports; each cell
keeps the value, unit, period and where it was read (file and span). `to_csv` / `to_xlsx` export
it (the workbook has the table, the cells' provenance and a chart per rate indicator).
`reconcile(facts, computed)` lists the figures a report states that differ from what the
platform computes for the same indicator and period.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Mapping

from .extract import extract
from .facts import Fact, plain
from .reading import ReadError, load
from .subjects import catalogue, labels

SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".shtml", ".docx", ".pdf"}
_CONFIDENCE = {"high": 2, "medium": 1, "low": 0}


@dataclass
class Cell:
    value: Decimal
    unit: str
    period: int | None
    source: str
    start: int
    end: int
    text: str
    subject: str
    confidence: str

    @classmethod
    def of(cls, f: Fact) -> "Cell":
        return cls(f.value, f.unit, f.period, f.source, f.start, f.end, f.text, f.subject, f.confidence)


@dataclass
class Benchmark:
    regions: list[str]
    indicators: list[str]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)

    def get(self, indicator: str, region: str) -> Cell | None:
        return self.cells.get((indicator, region))


@dataclass
class Difference:
    indicator: str
    period: int | None
    reported: Decimal
    computed: Decimal
    unit: str
    source: str
    start: int
    end: int
    text: str

    @property
    def delta(self) -> Decimal:
        return self.reported - self.computed

    def as_dict(self) -> dict:
        return {"indicator": self.indicator, "period": self.period, "reported": plain(self.reported),
                "computed": plain(self.computed), "delta": plain(self.delta), "unit": self.unit,
                "source": self.source, "start": self.start, "end": self.end, "text": self.text}


def report_files(directory: str | Path) -> list[Path]:
    """Readable report files under a directory, sorted."""
    root = Path(directory)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def collect(paths: Iterable[str | Path], errors: list[str] | None = None) -> list[Fact]:
    """The facts of many reports; unreadable files are skipped and their errors appended to `errors`."""
    facts: list[Fact] = []
    for path in paths:
        try:
            facts.extend(extract(load(path)))
        except ReadError as exc:
            if errors is None:
                raise
            errors.append(str(exc))
    return facts


def compare(facts: Iterable[Fact], indicators: Iterable[str] | None = None) -> Benchmark:
    """Regions × indicators. Per cell: the latest period, then the most confident reading, then the first."""
    order = {code: i for i, code in enumerate(i.code for i in catalogue())}
    best: dict[tuple[str, str], Fact] = {}
    wanted = set(indicators) if indicators is not None else None
    for f in facts:
        if not f.indicator or f.direction is not None or (wanted is not None and f.indicator not in wanted):
            continue
        key = (f.indicator, f.region or "（未识别地区）")
        if key not in best or _rank(f) > _rank(best[key]):
            best[key] = f
    regions = sorted({r for _, r in best})
    codes = sorted({c for c, _ in best}, key=lambda c: (order.get(c, len(order)), c))
    return Benchmark(regions, codes, {k: Cell.of(f) for k, f in best.items()})


def _rank(f: Fact) -> tuple:
    return (f.period or 0, f.comparison not in ("由", "从"), _CONFIDENCE.get(f.confidence, 0), -f.start)


def to_csv(bench: Benchmark) -> str:
    """One row per cell: indicator, label, region, value, unit, period, source, span, text."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["indicator", "label", "region", "value", "unit", "period", "source", "start", "end", "text",
                "confidence"])
    names = labels()
    for code in bench.indicators:
        for region in bench.regions:
            c = bench.get(code, region)
            if c:
                w.writerow([code, names.get(code, code), region, plain(c.value), c.unit, c.period or "", c.source,
                            c.start, c.end, c.text, c.confidence])
    return buf.getvalue()


def to_xlsx(bench: Benchmark, path: str | Path) -> None:
    """Workbook: 对比 (indicators × regions, provenance in cell comments), 明细 (every cell), 图表."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    try:
        _comparison_sheet(wb, bench)
        _detail_sheet(wb, bench)
        _chart_sheet(wb, bench)
    finally:
        wb.close()


def _comparison_sheet(wb, bench: Benchmark) -> None:
    ws = wb.add_worksheet("对比")
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    num = wb.add_format({"border": 1})
    names = labels()
    ws.write_row(0, 0, ["指标代码", "指标"] + bench.regions, head)
    ws.set_column(0, 0, 42)
    ws.set_column(1, 1, 24)
    ws.set_column(2, 1 + len(bench.regions), 16)
    for r, code in enumerate(bench.indicators, start=1):
        ws.write(r, 0, code, num)
        ws.write(r, 1, names.get(code, code), num)
        for k, region in enumerate(bench.regions, start=2):
            c = bench.get(code, region)
            if c is None:
                ws.write_blank(r, k, None, num)
                continue
            ws.write_number(r, k, float(c.value), num)
            ws.write_comment(r, k, f"{plain(c.value)}{c.unit}（{c.period or '年份不详'}年）\n"
                                   f"{c.source} 第{c.start}-{c.end}字：“{c.text}”\n{c.subject}")
    ws.freeze_panes(1, 2)


def _detail_sheet(wb, bench: Benchmark) -> None:
    ws = wb.add_worksheet("明细")
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7"})
    rows = list(csv.reader(io.StringIO(to_csv(bench))))
    ws.write_row(0, 0, ["指标代码", "指标", "地区", "数值", "单位", "年份", "来源文件", "起", "止", "原文", "置信度"], head)
    for r, row in enumerate(rows[1:], start=1):
        for k, v in enumerate(row):
            if k == 3:
                ws.write_number(r, k, float(v))
            else:
                ws.write(r, k, v)
    ws.set_column(0, 1, 28)
    ws.set_column(6, 6, 40)


def _chart_sheet(wb, bench: Benchmark) -> None:
    ws = wb.add_worksheet("图表")
    names = labels()
    rates = [c for c in bench.indicators
             if sum(1 for r in bench.regions if (x := bench.get(c, r)) and x.unit == "%") >= 2]
    if not rates:
        ws.write(0, 0, "至少两个地区报告了同一比率类指标时才生成图表。")
        return
    for n, code in enumerate(rates):
        row = bench.indicators.index(code) + 1
        chart = wb.add_chart({"type": "column"})
        chart.add_series({"name": names.get(code, code),
                          "categories": ["对比", 0, 2, 0, 1 + len(bench.regions)],
                          "values": ["对比", row, 2, row, 1 + len(bench.regions)]})
        chart.set_title({"name": names.get(code, code)})
        chart.set_y_axis({"name": "%"})
        chart.set_legend({"none": True})
        ws.insert_chart(n * 16, 0, chart)


def reconcile(facts: Iterable[Fact], computed: Mapping[tuple[str, int], object],
              region: str | None = None) -> list[Difference]:
    """Figures a report states that differ from the platform's (indicator, period) -> value.

    A stated figure agrees when it equals the computed value rounded to the stated decimals
    (wider for 约/近); facts without an indicator or period, or without a computed value, are skipped.
    """
    out = []
    for f in facts:
        if not f.indicator or f.period is None or (region and f.region != region):
            continue
        if f.comparison or f.direction is not None or f.high is not None:
            continue
        key = (f.indicator, f.period)
        if key not in computed or computed[key] is None:
            continue
        value = Decimal(str(computed[key]))
        if not _agrees(f, value):
            out.append(Difference(f.indicator, f.period, f.value, value, f.unit, f.source, f.start, f.end, f.text))
    return out


def _agrees(f: Fact, value: Decimal) -> bool:
    exponent = min(f.value.normalize().as_tuple().exponent, 0)
    tol = Decimal(5) * Decimal(10) ** (exponent - 1)
    if f.qualifier in ("约", "近"):
        tol = max(tol * 2, abs(f.value) * Decimal("0.05"))
    if f.qualifier in ("余", "多", "超过", "以上", "不少于"):
        return value >= f.value - tol
    return abs(value - f.value) <= tol
