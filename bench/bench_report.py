"""Benchmark: the annual report from live data — compute + DOCX + PDF — at Chaoyang scale (PRODUCT.md §4: ≤ 15 s).

Builds a throwaway platform in a temporary directory (SQLite for the application, DuckDB for analytics): a district
of 40 departments and 22 streets with offices, and N feed records over 2024–2025 generated set-based (the same
generator as bench_indicators.py; 4 million records ≈ Chaoyang's year: ~800,000 hotline requests and ~600,000
inspections a year). Then times one rendering of the 2025 annual report on a fresh store, so every indicator the
template names is computed: sync + indicator engine, composing (figures, sentences, charts), DOCX, PDF (LibreOffice),
HTML and saving the version with each figure's provenance. A second rendering shows the time once the figures are
computed. Prints each phase, the wall and CPU time (the machine may be shared), and the total against the target.

    .venv/bin/python bench/bench_report.py                 # 4 million records
    .venv/bin/python bench/bench_report.py --records 1000000
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / 'bench'))

TARGET_SECONDS = 15.0


def cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def build_platform(records: int) -> object:
    import django
    from django.conf import settings
    from django.core.management import call_command
    django.setup()
    call_command('migrate', verbosity=0)

    import duckdb

    import bench_indicators
    from fazhi.core import services
    from fazhi.core.context import acting_as
    from fazhi.organization.models import Unit

    kinds = {'district': 'district', 'department': 'department', 'street': 'street', 'office': 'office'}
    with acting_as(None, label='system:bench'):
        made: dict[str, Unit] = {}
        for code, name, kind, _, parent in bench_indicators.units():
            extra = {'short_name': '基准区'} if kind == 'district' else {}
            made[code] = services.create(Unit(code=code, name=name if kind != 'district' else '基准区人民政府',
                                              kind=kinds[kind], parent=made.get(parent) if parent else None, **extra))
    started = time.perf_counter()
    con = duckdb.connect(str(settings.ANALYTICS_DB))
    bench_indicators.generate(con, records)
    con.close()
    print(f'数据：{records:,} 条业务记录（2024—2025 年），{len(made)} 个单位，生成用时 {time.perf_counter() - started:.1f} 秒')
    return made['D']


def render(district: object, label: str) -> float:
    from fazhi.core.context import acting_as
    from fazhi.reports import drafting
    from fazhi.reports.models import Report

    marks: list[tuple[str, float]] = []
    started, cpu_started = time.perf_counter(), cpu()

    def progress(percent: int, phase: str) -> None:
        marks.append((phase, time.perf_counter()))

    with acting_as(None, label='system:bench'):
        report = Report.objects.filter(kind='annual', unit=district, year=2025).first() or \
            drafting.create_report('annual', district, 2025)
        version = drafting.render(report, source='cli', progress=progress, make_pdf=True)
    total = time.perf_counter() - started
    print(f'\n{label}：{total:.2f} 秒（CPU {cpu() - cpu_started:.2f} 秒）；{version.pages} 页，{version.figure_count} 个数字，'
          f'{len(version.read_file("pdf")) // 1024} KB PDF')
    for (phase, at), (_, following) in zip(marks, marks[1:] + [('', time.perf_counter())]):
        print(f'  {phase:<16} {following - at:6.2f} 秒')
    if not version.pdf:
        print('  （未生成 PDF：未安装 LibreOffice）')
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--records', type=int, default=4_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix='fazhi-bench-report-') as tmp:
        os.environ['FAZHI_DATA_DIR'] = tmp
        os.environ.pop('DATABASE_URL', None)
        os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'fazhi.settings')
        district = build_platform(args.records)
        first = render(district, '年度报告（计算全部指标 + DOCX + PDF）')
        second = render(district, '重新生成（指标已计算）')
        verdict = '达标' if first <= TARGET_SECONDS else '未达标'
        print(f'\n年度报告 计算 + DOCX + PDF：{first:.2f} 秒（目标 ≤ {TARGET_SECONDS:.0f} 秒，{verdict}）；'
              f'指标已计算时 {second:.2f} 秒')


if __name__ == '__main__':
    main()
