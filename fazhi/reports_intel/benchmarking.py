"""Benchmarking districts side by side over every report loaded into the platform.

The engine's `fazhi.intel.benchmark.compare` builds the regions × indicators table; here its input is the
stored facts of the reports a user may see, each carrying its report's id as `source`, so that every
cell links back to the exact span it was read from.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.urls import reverse

from fazhi.intel.benchmark import Benchmark, Cell, compare, to_csv, to_xlsx
from fazhi.intel.facts import plain
from fazhi.intel.subjects import labels

from .loading import intel_facts
from .models import ReportDocument, ReportFact


def indicator_names() -> dict[str, str]:
    """Indicator code -> name: the platform catalogue's name where it defines the code, else the engine's label."""
    names = dict(labels())
    try:
        from fazhi.indicators.definitions import catalogue
        names.update({code: i.name for code, i in catalogue().items()})
    except Exception:  # the catalogue is optional here: names fall back to the engine's labels
        pass
    return names


@dataclass
class Table:
    bench: Benchmark
    reports: dict[int, ReportDocument]
    fact_ids: dict[tuple[int, int, int], int] = field(default_factory=dict)  # (report, start, end) -> fact pk
    names: dict[str, str] = field(default_factory=dict)

    def report_of(self, cell: Cell) -> ReportDocument:
        return self.reports[int(cell.source)]

    def link(self, cell: Cell) -> str:
        report = self.report_of(cell)
        pk = self.fact_ids.get((report.pk, cell.start, cell.end))
        url = reverse('reports_intel:report_detail', args=[report.pk])
        return f'{url}?focus={pk}#fact-{pk}' if pk else url

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for code in self.bench.indicators:
            cells = []
            for region in self.bench.regions:
                c = self.bench.get(code, region)
                cells.append(None if c is None else {
                    'value': plain(c.value), 'unit': c.unit, 'period': c.period, 'text': c.text,
                    'subject': c.subject, 'report': self.report_of(c), 'start': c.start, 'end': c.end,
                    'url': self.link(c)})
            out.append({'code': code, 'name': self.names.get(code, code), 'cells': cells})
        return out

    def charts(self) -> list[dict[str, Any]]:
        """One bar chart per indicator: the regions that state it."""
        charts = []
        for row in self.rows():
            bars = [(region, cell) for region, cell in zip(self.bench.regions, row['cells']) if cell]
            charts.append({'code': row['code'], 'name': row['name'], 'unit': bars[0][1]['unit'],
                           'regions': [r for r, _ in bars], 'values': [float(c['value']) for _, c in bars],
                           'periods': [c['period'] for _, c in bars], 'urls': [c['url'] for _, c in bars]})
        return charts

    def as_dict(self) -> dict[str, Any]:
        return {'regions': self.bench.regions,
                'indicators': [{'code': c, 'name': self.names.get(c, c)} for c in self.bench.indicators],
                'cells': [{'indicator': row['code'], 'region': region, 'value': cell['value'], 'unit': cell['unit'],
                           'period': cell['period'], 'text': cell['text'], 'report': cell['report'].pk,
                           'file_name': cell['report'].file_name, 'start': cell['start'], 'end': cell['end'],
                           'url': cell['url']}
                          for row in self.rows() for region, cell in zip(self.bench.regions, row['cells']) if cell]}

    def with_file_names(self) -> Benchmark:
        """The same table with each cell's source named by file, for exports."""
        cells = {}
        for key, c in self.bench.cells.items():
            report = self.report_of(c)
            cells[key] = Cell(c.value, c.unit, c.period, f'{report.file_name}（报告编号 {report.pk}）', c.start, c.end,
                              c.text, c.subject, c.confidence)
        return Benchmark(self.bench.regions, self.bench.indicators, cells)

    def xlsx(self) -> bytes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / 'benchmark.xlsx'
            to_xlsx(self.with_file_names(), path)
            return path.read_bytes()

    def csv(self) -> str:
        return to_csv(self.with_file_names())


def table(user: Any, year: int | None = None, regions: list[str] | None = None) -> Table:
    """Regions × indicators over the reports `user` may see (optionally one year, some regions)."""
    reports = {r.pk: r for r in ReportDocument.objects.visible_to(user).only(
        'id', 'title', 'file_name', 'region', 'year')}
    rows = (ReportFact.objects.visible_to(user).filter(report_id__in=list(reports), direction__isnull=True)
            .exclude(indicator='').order_by('report_id', 'seq'))
    if year:
        rows = rows.filter(period=year)
    rows = list(rows)
    region_of = {pk: r.region for pk, r in reports.items() if r.region}
    facts = intel_facts(rows, region_of)
    if regions:
        facts = [f for f in facts if (f.region or '（未识别地区）') in regions]
    fact_ids: dict[tuple[int, int, int], int] = {}
    for r in rows:
        fact_ids.setdefault((r.report_id, r.start, r.end), r.pk)
    return Table(compare(facts), reports, fact_ids, indicator_names())


def years(user: Any) -> list[int]:
    return sorted({y for y in ReportFact.objects.visible_to(user).exclude(indicator='')
                   .exclude(period__isnull=True).values_list('period', flat=True).distinct()}, reverse=True)
