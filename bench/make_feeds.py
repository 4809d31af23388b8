"""Make a DuckDB analytics store with N feed records for the engine benchmarks (10 and 100 million).

The records come from the same generators as the demo district (fazhi.core.feed_demo: realistic values and
rates, deterministic by seed), scaled so the feed tables hold about N rows in all; the unit tree (`unit`,
`unit_ancestor`) and the working-day table (`workday`) of the indicator engine are added, so the store can be
computed as it is. Rosters and lists (officers, power lists, service items, enterprises) keep their real size.

    .venv/bin/python bench/make_feeds.py --records 10_000_000 --out var/bench_10m.duckdb
    .venv/bin/python bench/make_feeds.py --records 100_000_000 --out var/bench_100m.duckdb --threads 2
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'fazhi.settings')

import django  # noqa: E402

django.setup()

from fazhi.core.feed_demo import DemoUnits, Gen, generators, is_roster, prepare, run_generators  # noqa: E402
from fazhi.core.workcalendar import WorkCalendar  # noqa: E402
from fazhi.indicators import store  # noqa: E402
from fazhi.organization import demo as district  # noqa: E402

CALIBRATION_SCALE = 0.01


def demo_units() -> tuple[DemoUnits, list[tuple[str, str, str, str, str | None]]]:
    """The demo district's codes (as `fazhi demo` creates them) and its unit tree rows for the engine."""
    tree = [('YX', district.DISTRICT[1], 'district', '/1/', None)]
    departments, enforcing, verticals, streets = [], [], [], []
    for i, name in enumerate(district.DEPARTMENTS, 1):
        code = f'YX-D{i:02d}'
        departments.append(code)
        enforcing += [code] if name in district.ENFORCEMENT_DEPARTMENTS else []
        tree.append((code, name, 'department', f'/1/{len(tree) + 1}/', 'YX'))
    for i, name in enumerate(district.VERTICALS, 1):
        verticals.append(f'YX-V{i:02d}')
        tree.append((verticals[-1], name, 'vertical', f'/1/{len(tree) + 1}/', 'YX'))
    for i, name in enumerate(district.STREETS, 1):
        streets.append(f'YX-S{i:02d}')
        street_path = f'/1/{len(tree) + 1}/'
        tree.append((streets[-1], name, 'street', street_path, 'YX'))
        for j, office in enumerate(district.STREET_OFFICES, 1):
            tree.append((f'{streets[-1]}-{j}', f'{name}{office}', 'office', f'{street_path}{len(tree) + 1}/',
                         streets[-1]))
    units = DemoUnits(tuple(departments), tuple(enforcing + verticals + streets), tuple(streets), tuple(verticals),
                      departments[district.DEPARTMENTS.index('区司法局')])
    return units, tree


def calibrate(units: DemoUnits, seed: int) -> tuple[float, float]:
    """Rows of the event tables per unit of scale, and rows of the rosters at their real size (scale ≥ 1)."""
    with duckdb.connect() as con:
        timings = run_generators(Gen(con, units, seed=seed, scale=CALIBRATION_SCALE))
    events = sum(n for name, (n, _) in timings.items() if not is_roster(name))
    rosters = sum(n for name, (n, _) in timings.items() if is_roster(name))
    return events / CALIBRATION_SCALE, rosters / CALIBRATION_SCALE


def add_engine_tables(con: duckdb.DuckDBPyConnection, tree: list, year: int) -> None:
    for name, frame in store.unit_frames(tree).items():
        con.register('_frame', frame)
        con.execute(f'CREATE OR REPLACE TABLE {name} AS SELECT * FROM _frame')
        con.unregister('_frame')
    frame = store.workday_frame(WorkCalendar(), dt.date(year - 1, 1, 1), dt.date(year + 1, 12, 31))
    con.register('_frame', frame)
    con.execute('CREATE OR REPLACE TABLE workday AS SELECT CAST(day AS DATE) AS day, workday_index FROM _frame')
    con.unregister('_frame')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--records', type=lambda s: int(s.replace('_', '')), default=10_000_000)
    parser.add_argument('--out', type=Path, required=True, help='DuckDB file to create (replaced if it exists)')
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--seed', type=int, default=2026)
    parser.add_argument('--year', type=int, default=2025)
    parser.add_argument('--keys', action='store_true', help='keep the natural-key constraints (slower)')
    args = parser.parse_args()
    units, tree = demo_units()
    per_scale, fixed = calibrate(units, args.seed)
    scale = max(1.0, (args.records - fixed) / per_scale)
    args.out.unlink(missing_ok=True)
    started = time.perf_counter()
    with duckdb.connect(str(args.out), config={'threads': args.threads, 'preserve_insertion_order': False}) as con:
        prepare(con, args.seed)
        gen = Gen(con, units, year=args.year, seed=args.seed, scale=scale, keys=args.keys)
        for name, (rows, seconds) in run_generators(gen).items():
            print(f'{name:<24} {rows:>13,} 条  {seconds:6.1f} 秒', flush=True)
        add_engine_tables(con, tree, args.year)
        con.execute('CHECKPOINT')
        total = sum(rows for rows, _ in gen.timings.values())
    seconds = time.perf_counter() - started
    size = args.out.stat().st_size / 1024 ** 3
    print(f'共 {total:,} 条业务数据（{len(generators())} 张表，倍数 {scale:.2f}），用时 {seconds:.1f} 秒'
          f'（{total / seconds:,.0f} 条/秒，{args.threads} 线程），文件 {size:.2f} GB：{args.out}')


if __name__ == '__main__':
    main()
