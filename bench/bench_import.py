"""Bulk-import throughput benchmark (printed figures, not a timed test).

Generates a realistic 12345-hotline export — 1,000,000 CSV rows and a
200,000-row XLSX — in a temporary directory, imports each into a fresh
DuckDB store with full validation, and prints rows/s against the targets
(≥ 100,000 CSV rows/s, ≥ 20,000 XLSX rows/s on a 2-core machine).  As a
baseline it times, in the same run, a naive importer (row-by-row ``csv``,
per-cell Python validation, ``executemany`` insert) on a 100,000-row subset
(the ``executemany`` part, at a few hundred rows/s, on its first 20,000 rows)
and extrapolates it to the full file.

    .venv/bin/python bench/bench_import.py [--rows N] [--xlsx-rows N] [--baseline-rows N]
                                           [--insert-rows N] [--repeat N] [--skip-gbk] [--profile]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import os
import random
import resource
import statistics
import tempfile
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

import duckdb
import xlsxwriter

from fazhi.core.ingest import get_schema, import_file
from fazhi.core.ingest.land import table_ddl

CSV_TARGET, XLSX_TARGET = 100_000, 20_000
HEADER = ["工单编号", "受理时间", "诉求渠道", "诉求类别", "诉求内容", "承办单位编码", "承办单位",
          "是否响应", "是否解决", "满意度评价", "办结时间", "处理时长（小时）"]
CATEGORIES = ["市容环境", "交通管理", "住房保障", "劳动社保", "消费维权", "医疗卫生", "教育", "城乡建设",
              "噪音扰民", "物业管理", "供暖", "市场监管", "公共安全", "民政服务"]
CHANNELS = ["电话", "电话", "电话", "网站", "微信", "移动客户端"]
SATISFACTION = ["满意"] * 6 + ["基本满意"] * 2 + ["不满意", "未评价"]
CONTENTS = ["市民反映小区附近夜间施工噪音扰民，要求处理", "来电人反映所在小区电梯长期故障，物业不予维修",
            "反映某商户拒绝退款，要求相关部门核实处理", "咨询公租房申请条件及办理流程",
            '反映路口信号灯"绿灯时间过短"，行人难以通过', "反映拖欠工资, 要求协调解决"]
START = dt.datetime(2023, 1, 1)


# ---------------------------------------------------------------- data


def units(rnd: random.Random) -> list[tuple[str, str]]:
    names = ["街道办事处", "市场监管所", "城管执法队", "房管所", "卫生健康委", "交通支队"]
    return [(f"110105{i:03d}", f"第{i}{rnd.choice(names)}") for i in range(1, 121)]


def hotline_rows(n: int, seed: int = 20230506):
    """Rows as a hotline platform exports them (text cells; one system's date style per column)."""
    rnd, pool = random.Random(seed), None
    pool = units(rnd)
    for i in range(n):
        received = START + dt.timedelta(seconds=rnd.randrange(365 * 86400))
        unit = rnd.choice(pool)
        resolved = rnd.random() < 0.9
        closed = received + dt.timedelta(minutes=rnd.randrange(30, 20 * 24 * 60))
        yield [f"GD2023{i:09d}", received.strftime("%Y-%m-%d %H:%M:%S"), rnd.choice(CHANNELS),
               rnd.choice(CATEGORIES), rnd.choice(CONTENTS), unit[0], unit[1],
               "是" if rnd.random() < 0.98 else "否", "是" if resolved else "否", rnd.choice(SATISFACTION),
               f"{closed.year}/{closed.month}/{closed.day} {closed.hour}:{closed.minute:02d}" if resolved else "",
               f"{(closed - received).total_seconds() / 3600:.1f}" if resolved else ""]


def write_csv(path: Path, n: int, encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(hotline_rows(n))
    return path


def write_xlsx(path: Path, n: int) -> Path:
    """A workbook with a title row, real date cells for 受理时间 and number cells for 处理时长."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("工单明细")
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    sheet.write_string(0, 0, "2023年12345热线工单明细")
    sheet.write_row(1, 0, HEADER)
    for r, values in enumerate(hotline_rows(n), start=2):
        sheet.write_row(r, 0, values)
        sheet.write_datetime(r, 1, dt.datetime.fromisoformat(values[1]), when)
        if values[11]:
            sheet.write_number(r, 11, float(values[11]))
    book.close()
    return path


# ---------------------------------------------------------------- engine


def timed_import(path: Path, db: Path, label: str, rows: int, target: int, args, fresh: bool = True) -> float:
    """Import ``args.repeat`` times (into a fresh store each time unless ``fresh`` is off); print best and median."""
    times, cpu, result = [], [], None
    for attempt in range(args.repeat):
        if fresh:
            for stale in (db, db.with_name(db.name + ".wal")):
                stale.unlink(missing_ok=True)
        runner = _profiled if args.profile and attempt == 0 else (lambda f: f())
        started, cpu_started = time.perf_counter(), _cpu()
        result = runner(lambda: import_file(path, "hotline_request", db))
        times.append(time.perf_counter() - started)
        cpu.append(_cpu() - cpu_started)
        assert result.ok and result.rows == rows, (result.status, result.errors[:3])
    best, median = min(times), statistics.median(times)
    print(f"  {label:<34} {rows:>10,} rows  best {best:6.2f} s {rows / best:>9,.0f} rows/s → {rows / best / target:4.2f}× "
          f"target {target:,}   (median {median:.2f} s {rows / median:,.0f} rows/s; CPU {min(cpu):.2f} s; "
          f"inserted {result.inserted:,}, updated {result.updated:,})")
    return best


def _cpu() -> float:
    """CPU seconds of this process, all threads (DuckDB's included): less sensitive to other load than wall time."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _profiled(fn):
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import pstats
        prof = cProfile.Profile()
        result = prof.runcall(fn)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        return result
    profiler = Profiler()
    profiler.start()
    result = fn()
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False))
    return result


# ---------------------------------------------------------------- naive baseline

_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d", "%Y年%m月%d日")
_BOOLS = {"是": True, "y": True, "1": True, "否": False, "n": False, "0": False}


def _naive_datetime(text: str):
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(text)


def _naive_cell(field, text: str):
    text = text.strip()
    if not text:
        if field.required:
            raise ValueError("required")
        return None
    if field.type == "datetime":
        return _naive_datetime(text)
    if field.type == "bool":
        return _BOOLS[text.lower()]
    if field.type == "choice":
        return field.choices[text]
    if field.type == "decimal":
        return Decimal(text.replace(",", ""))
    return text


def naive_validate(path: Path, limit: int) -> tuple[list, list, float]:
    """Row-by-row csv + per-cell validation in Python; returns (fields, rows, seconds)."""
    schema = get_schema("hotline_request")
    started = time.perf_counter()
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        fields = [next(f for f in schema.fields if f.verbose_name == h.split("（")[0]) for h in next(reader)]
        rows, errors = [], []
        for number, record in enumerate(itertools.islice(reader, limit), start=2):
            try:
                rows.append([_naive_cell(f, v) for f, v in zip(fields, record)] + [0])
            except (ValueError, KeyError, InvalidOperation) as exc:
                errors.append((number, exc))
    assert not errors
    return fields, rows, time.perf_counter() - started


def naive_insert(db: Path, fields, rows) -> float:
    """``executemany`` into the same primary-keyed table, in one transaction."""
    schema = get_schema("hotline_request")
    started = time.perf_counter()
    con = duckdb.connect(str(db))
    con.execute(table_ddl(schema))
    cols = ", ".join(f'"{f.name}"' for f in fields) + ", _batch_id"
    marks = ", ".join("?" for _ in range(len(fields) + 1))
    con.execute("BEGIN")
    con.executemany(f"INSERT OR REPLACE INTO {schema.table} ({cols}) VALUES ({marks})", rows)
    con.execute("COMMIT")
    con.close()
    return time.perf_counter() - started


# ---------------------------------------------------------------- main


def main() -> None:
    args = parse_args()
    print(f"fazhi bulk-import benchmark — {os.cpu_count()} CPU cores, DuckDB {duckdb.__version__}, "
          f"load average at start {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as tmp:
        work = Path(tmp)
        csv_seconds = bench_csv(work, args)
        bench_xlsx(work, args)
        bench_baseline(work, args, csv_seconds)


def bench_csv(work: Path, args) -> float:
    started = time.perf_counter()
    path = write_csv(work / "hotline.csv", args.rows)
    print(f"generated {args.rows:,}-row CSV ({path.stat().st_size / 2**20:.0f} MiB) in "
          f"{time.perf_counter() - started:.1f} s")
    seconds = timed_import(path, work / "csv.duckdb", "CSV UTF-8, empty store", args.rows, CSV_TARGET, args)
    timed_import(path, work / "csv.duckdb", "CSV UTF-8, re-import (all updates)", args.rows, CSV_TARGET, args, False)
    if not args.skip_gbk:
        gbk = write_csv(work / "hotline-gbk.csv", args.rows, encoding="gbk")
        timed_import(gbk, work / "gbk.duckdb", "CSV GBK (transcoded), empty store", args.rows, CSV_TARGET, args)
    return seconds


def bench_xlsx(work: Path, args) -> None:
    started = time.perf_counter()
    path = write_xlsx(work / "hotline.xlsx", args.xlsx_rows)
    print(f"generated {args.xlsx_rows:,}-row XLSX ({path.stat().st_size / 2**20:.0f} MiB) in "
          f"{time.perf_counter() - started:.1f} s")
    timed_import(path, work / "xlsx.duckdb", "XLSX, empty store", args.xlsx_rows, XLSX_TARGET, args)


def bench_baseline(work: Path, args, csv_seconds: float) -> None:
    """Python validation on ``--baseline-rows``; executemany (≈ 500 rows/s in DuckDB) on ``--insert-rows``."""
    limit = min(args.baseline_rows, args.rows)
    fields, rows, validate_s = naive_validate(work / "hotline.csv", limit)
    sample = min(args.insert_rows, len(rows))
    insert_s = naive_insert(work / "naive.duckdb", fields, rows[:sample])
    full = validate_s * args.rows / limit + insert_s * args.rows / sample
    print(f"  naive baseline: csv + per-cell Python validation {limit:,} rows {validate_s:.2f} s "
          f"({limit / validate_s:,.0f} rows/s); executemany {sample:,} rows {insert_s:.2f} s "
          f"({sample / insert_s:,.0f} rows/s)")
    print(f"  naive baseline extrapolated to {args.rows:,} rows ≈ {full:,.0f} s "
          f"({args.rows / full:,.0f} rows/s); the engine is {full / csv_seconds:,.0f}× faster")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=200_000)
    parser.add_argument("--baseline-rows", type=int, default=100_000)
    parser.add_argument("--insert-rows", type=int, default=20_000,
                        help="rows of the baseline that go through executemany (it is slow; extrapolated)")
    parser.add_argument("--repeat", type=int, default=3, help="imports per measurement (best and median shown)")
    parser.add_argument("--skip-gbk", action="store_true", help="do not measure the GBK (transcoding) path")
    parser.add_argument("--profile", action="store_true", help="profile the imports (pyinstrument or cProfile)")
    return parser.parse_args()


if __name__ == "__main__":
    main()
