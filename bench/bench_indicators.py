"""Benchmark: the whole indicator catalogue for every unit × month over N million feed records.

Prints: generation time, the engine's time and peak memory, the time of one plain DuckDB scan of the
columns involved (the practical floor), and the time of a naive dataframe implementation of the same
catalogue (per indicator × unit × month boolean masks) measured on a sample of combinations and
extrapolated, with the speed-up ratio. Targets (PRODUCT.md §4): 10 M records ≤ 10 s, ≤ 2 GB, ≥ 20× naive;
100 M ≤ 60 s.

    .venv/bin/python bench/bench_indicators.py --records 10_000_000
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fazhi.core.workcalendar import WorkCalendar  # noqa: E402
from fazhi.indicators import engine, store  # noqa: E402
from fazhi.indicators.definitions import catalogue  # noqa: E402
from fazhi.indicators.dsl import columns_of  # noqa: E402

# Share of the feed records per table (sums to 1).
SHARES = {'hotline_request': 0.40, 'inspection': 0.30, 'penalty': 0.04, 'mediation': 0.05, 'petition': 0.02,
          'hazard': 0.01, 'disclosure_request': 0.005, 'legal_aid_case': 0.005, 'legal_hotline_call': 0.02,
          'credit_grade': 0.12, 'case_file_review': 0.01, 'enforcement_exam': 0.005, 'enforcement_officer': 0.005,
          'penalty_power': 0.005, 'service_item': 0.0025, 'power_item': 0.0025}


def units() -> list[tuple[str, str, str, str, str | None]]:
    rows = [('D', '区', 'district', '/1/', None)]
    n = 2
    for i in range(40):
        rows.append((f'D{i:02d}', f'部门{i}', 'department', f'/1/{n}/', 'D'))
        n += 1
    for i in range(22):
        street = f'S{i:02d}'
        rows.append((street, f'街道{i}', 'street', f'/1/{n}/', 'D'))
        parent = n
        n += 1
        for j in range(3):
            rows.append((f'{street}-{j}', f'街道{i}科室{j}', 'office', f'/1/{parent}/{n}/', street))
            n += 1
    return rows


def generate(con: duckdb.DuckDBPyConnection, total: int) -> None:
    leaf = [u[0] for u in units() if u[2] in ('department', 'office')]
    con.execute('CREATE TABLE leaf AS SELECT unnest(?) AS code, generate_subscripts(?, 1) - 1 AS i', [leaf, leaf])
    n_leaf = len(leaf)
    u = f"(SELECT code FROM leaf WHERE i = hash(r * 7) % {n_leaf})"
    day = "DATE '2024-01-01' + CAST(hash(r * 13) % 731 AS INTEGER)"
    flag = lambda salt, pct: f'(hash(r * {salt}) % 1000 < {int(pct * 10)})'  # noqa: E731
    size = {t: max(1, int(total * s)) for t, s in SHARES.items()}
    # A district's officers and penalty powers belong to units (2,889 A-post staff and 5,876 powers in 002):
    # each unit has its own, and its acts use them.
    officers, powers = min(size['enforcement_officer'], 3000 * max(1, total // 10_000_000)), \
        min(size['penalty_power'], 6000 * max(1, total // 10_000_000))
    size['enforcement_officer'], size['penalty_power'] = officers, powers
    size['hotline_request'] += total - sum(size.values())  # keep the total exact
    per_o, per_p = max(1, officers // n_leaf), max(1, powers // n_leaf)
    ui = f'(hash(r * 7) % {n_leaf})'
    officer = f"'O' || ({ui} * {per_o} + hash(r * 31) % {per_o})"
    power = f"'P' || ({ui} * {per_p} + hash(r * 29) % {per_p})"
    owner = lambda per: f"(SELECT code FROM leaf WHERE i = ((r - 1) // {per}) % {n_leaf})"  # noqa: E731
    sql = {
        'hotline_request': f"""SELECT 'H' || r AS ticket_no, {u} AS unit_code, CAST({day} AS TIMESTAMP) AS received_at,
            '市容' AS category, {flag(3, 99)} AS dispatched, {flag(5, 98)} AS responded, {flag(7, 90)} AS resolved,
            {flag(11, 80)} AS rated, CASE WHEN hash(r * 17) % 10 < 9 THEN 'satisfied' ELSE 'dissatisfied' END AS satisfaction,
            CAST({day} + 7 AS TIMESTAMP) AS due_at, CAST({day} + CAST(hash(r * 19) % 9 AS INTEGER) AS TIMESTAMP) AS closed_at,
            {flag(23, 1)} AS excluded""",
        'inspection': f"""SELECT 'I' || r AS inspection_no, {u} AS unit_code, {power} AS power_code,
            {officer} AS officer_no, {day} AS inspected_on, {flag(37, 20)} AS is_random,
            {flag(41, 5)} AS found_violation""",
        'penalty': f"""SELECT 'F' || r AS case_no, {u} AS unit_code, {power} AS power_code,
            {officer} AS officer_no, {day} AS decided_on, CAST(hash(r) % 5000 AS DECIMAL(18,2)) AS amount,
            CASE WHEN hash(r * 43) % 10 < 7 THEN 'ordinary' ELSE 'simple' END AS procedure,
            CASE WHEN {flag(47, 95)} THEN {day} + CAST(hash(r * 53) % 12 AS INTEGER) END AS disclosed_on,
            {flag(59, 97)} AS full_process_recorded, {flag(61, 3)} AS is_major, {flag(67, 3)} AS legal_reviewed,
            CASE WHEN {flag(71, 2)} THEN 'first_violation' ELSE '' END AS no_penalty""",
        'mediation': f"""SELECT 'M' || r AS case_no, {u} AS unit_code, CASE WHEN hash(r) % 3 = 0 THEN 'people' ELSE 'administrative' END AS kind,
            {day} AS accepted_on, {day} + 20 AS closed_on, {flag(73, 90)} AS success, CAST(hash(r) % 90000 AS DECIMAL(18,2)) AS amount,
            {flag(79, 7)} AS judicial_confirmation""",
        'petition': f"""SELECT 'X' || r AS petition_no, {u} AS unit_code, {day} AS received_on, {day} + 60 AS due_on,
            CASE WHEN {flag(83, 97)} THEN {day} + 40 END AS closed_on, {flag(89, 95)} AS eligible_for_evaluation,
            {flag(97, 92)} AS evaluated, {flag(101, 98)} AS satisfied""",
        'hazard': f"""SELECT 'Z' || r AS hazard_no, {u} AS unit_code, {day} AS found_on,
            CASE WHEN {flag(103, 2)} THEN 'major' ELSE 'general' END AS level, {day} + 30 AS due_on,
            CASE WHEN {flag(107, 98)} THEN {day} + 10 END AS rectified_on""",
        'disclosure_request': f"""SELECT 'R' || r AS request_no, {u} AS unit_code, {day} AS received_on, {day} + 28 AS due_on,
            CASE WHEN {flag(109, 97)} THEN {day} + 20 END AS replied_on, '予以公开' AS outcome""",
        'legal_aid_case': f"""SELECT 'L' || r AS case_no, {u} AS unit_code, {day} AS applied_on, {day} + 5 AS decided_on,
            {flag(113, 90)} AS granted, CASE WHEN hash(r) % 4 = 0 THEN 'criminal' ELSE 'civil' END AS kind, NULL::DATE AS closed_on""",
        'legal_hotline_call': f"""SELECT 'K' || r AS call_no, {u} AS unit_code, CAST({day} AS TIMESTAMP) AS received_at, '劳动' AS topic""",
        'credit_grade': f"""SELECT 'Q' || r AS enterprise_code, {u} AS unit_code, {day} AS graded_on,
            CASE hash(r) % 10 WHEN 0 THEN 'D' WHEN 1 THEN 'C' WHEN 2 THEN 'A' WHEN 3 THEN 'A' ELSE 'B' END AS grade""",
        'case_file_review': f"""SELECT 'V' || r AS review_no, {u} AS unit_code, 'F' || r AS case_no, {day} AS reviewed_on,
            CAST(hash(r) % 40 + 60 AS INTEGER) AS score,
            CASE WHEN hash(r) % 10 < 3 THEN 'excellent' WHEN hash(r) % 10 < 9 THEN 'pass' ELSE 'fail' END AS grade, {flag(127, 50)} AS sampled""",
        'enforcement_exam': f"""SELECT 'E' || r AS exam_no, 'O' || r AS officer_no, {u} AS unit_code, {day} AS exam_date, {flag(131, 97)} AS passed""",
        'enforcement_officer': f"""SELECT 'O' || (r - 1) AS officer_no, {owner(per_o)} AS unit_code, '人员' AS name, {flag(137, 90)} AS is_a_post,
            'C' || r AS certificate_no, DATE '2027-01-01' AS certificate_valid_until, {flag(139, 97)} AS active""",
        'penalty_power': f"""SELECT 'P' || (r - 1) AS power_code, {owner(per_p)} AS unit_code, '职权' AS name, 'penalty' AS kind,
            DATE '2020-01-01' AS effective_from, CASE WHEN {flag(149, 1)} THEN DATE '2024-06-30' END AS repealed_on""",
        'service_item': f"""SELECT 'G' || r AS item_code, {u} AS unit_code, '事项' AS name, {flag(151, 99)} AS online_available,
            {flag(157, 80)} AS fully_online, DATE '2021-01-01' AS effective_from, NULL::DATE AS repealed_on""",
        'power_item': f"""SELECT 'W' || r AS item_code, {u} AS unit_code, '权责' AS name, '行政检查' AS category,
            DATE '2021-01-01' AS effective_from, NULL::DATE AS repealed_on""",
    }
    for table, select in sql.items():
        con.execute(f'CREATE TABLE {table} AS {select} FROM range(1, {size[table] + 1}) t(r)')
    for name, frame in store.unit_frames(units()).items():
        con.register('_f', frame)
        con.execute(f'CREATE TABLE {name} AS SELECT * FROM _f')
    con.register('_f', store.workday_frame(WorkCalendar(), dt.date(2024, 1, 1), dt.date(2026, 12, 31)))
    con.execute('CREATE TABLE workday AS SELECT CAST(day AS DATE) AS day, workday_index FROM _f')


def plain_scan(con: duckdb.DuckDBPyConnection) -> float:
    """One aggregate pass over every column the catalogue reads: the practical floor."""
    used: dict[str, set[str]] = {}
    for indicator in catalogue().values():
        for m in indicator.measures:
            for table in {'enforcement_act': ['inspection', 'penalty'],
                          'penalty_disclosure': ['penalty']}.get(m.source, [m.source]):
                cols = used.setdefault(table, set())
                cols |= {c for c in columns_of(m.where) | {m.date, m.column, m.unit_column, *(m.active or ())}
                         if c and c in {r[0] for r in con.execute(f'DESCRIBE {table}').fetchall()}}
    started = time.perf_counter()
    for table, cols in used.items():
        # hash() forces every value to be read (count(col) can be answered from statistics)
        con.execute(f'SELECT {", ".join(f"sum(hash({c}))" for c in sorted(cols))} FROM {table}').fetchall()
    return time.perf_counter() - started


def naive(con: duckdb.DuckDBPyConnection, combos: int, window: engine.Window) -> tuple[float, int]:
    """Per indicator × unit × month: pandas boolean masks over the loaded tables. Returns seconds per combo."""
    import pandas as pd
    from fazhi.indicators import sources
    import ibis
    icon = ibis.duckdb.from_connection(con)
    ancestors = con.execute('SELECT * FROM unit_ancestor').df()
    subtree = ancestors.groupby('ancestor_code')['unit_code'].apply(set).to_dict()
    frames = {}
    indicators = [i for i in catalogue().values() if all(not m.is_list for m in i.measures)]
    for i in indicators:
        for m in i.measures:
            if m.source not in frames:
                frames[m.source] = sources.table(icon, m.source).to_pandas()
    months = window.months
    all_combos = [(i, u, k) for i in indicators for u in subtree for k in months]
    sample = random.Random(1).sample(all_combos, min(combos, len(all_combos)))
    started = time.perf_counter()
    for indicator, unit, month in sample:
        for m in indicator.measures:
            f = frames[m.source]
            dates = pd.to_datetime(f[m.date])
            mask = f[m.unit_column].isin(subtree[unit]) & ((dates.dt.year * 100 + dates.dt.month) == month)
            for leaf in _leaves(m.where):
                mask &= _mask(f, leaf, window)
            (mask.sum() if m.kind == 'count' else f.loc[mask, m.column].nunique() if m.kind == 'count_distinct'
             else f.loc[mask, m.column].sum())
    per_combo = (time.perf_counter() - started) / len(sample)
    full = sum(len(subtree) * len(months) for i in catalogue().values())
    return per_combo, full


def _leaves(cond):
    if cond is None:
        return []
    if isinstance(cond, list):
        return cond
    return cond.get('all', [cond]) if 'any' not in cond else [cond]


def _mask(f, leaf, window):
    import pandas as pd
    if 'any' in leaf:
        out = pd.Series(False, index=f.index)
        for part in leaf['any']:
            out |= _mask(f, part, window)
        return out
    if 'not' in leaf:
        return ~_mask(f, leaf['not'], window)
    col = f[leaf['column']]
    op, arg = next((k, v) for k, v in leaf.items() if k != 'column')
    arg = pd.Timestamp(window.as_of) if arg == '$as_of' else arg
    if op == 'eq':
        return col == arg
    if op == 'in':
        return col.isin(arg)
    if op == 'blank':
        return col.isna() | (col == '')
    if op in ('not_null',):
        return col.notna()
    if op in ('lt', 'le', 'gt', 'ge'):
        return getattr(pd.to_datetime(col) if isinstance(arg, pd.Timestamp) else col, f'__{op}__')(arg)
    if op.endswith('_column'):
        return getattr(pd.to_datetime(col), f'__{op[:-7]}__')(pd.to_datetime(f[arg]))
    return pd.Series(True, index=f.index)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--records', type=int, default=10_000_000)
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--naive-combos', type=int, default=60)
    parser.add_argument('--no-naive', action='store_true')
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / 'bench.duckdb'
        con = duckdb.connect(str(path), config={'threads': args.threads, 'memory_limit': '2GB'})
        started = time.perf_counter()
        generate(con, args.records)
        rows = sum(con.execute(f'SELECT count(*) FROM {t}').fetchall()[0][0] for t in SHARES)
        print(f'生成 {rows:,} 条记录（{len(SHARES)} 张表），用时 {time.perf_counter() - started:.1f} 秒')
        floor = plain_scan(con)
        print(f'基线（一次普通 DuckDB 扫描所涉列）：{floor:.2f} 秒')
        window = engine.Window(dt.date(2024, 1, 1), dt.date(2025, 12, 31), dt.date(2026, 1, 31))
        import ibis
        icon = ibis.duckdb.from_connection(con)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started, cpu = time.perf_counter(), time.process_time()
        result = engine.compute(icon, catalogue().values(), window)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f'指标引擎：{len(catalogue())} 项指标 × {result.unit_code.nunique()} 个单位 × 月/季/年，'
              f'{len(result):,} 个数值，用时 {seconds:.2f} 秒（目标 ≤ {10 if args.records <= 10_000_000 else 60} 秒），'
              f'进程峰值内存 {peak:,.0f} MB（目标 ≤ 2048 MB；计算前 {rss_before / 1024:,.0f} MB）')
        print(f'CPU 时间 {cpu:.2f} 秒（{args.threads} 线程；机器负载 {os.getloadavg()[0]:.1f}，负载高时墙钟时间偏大）')
        print(f'引擎 / 普通扫描 = {seconds / floor:.1f} 倍')
        if not args.no_naive:
            per_combo, combos = naive(con, args.naive_combos, window)
            naive_total = per_combo * combos
            print(f'朴素 DataFrame 实现（逐指标×单位×月布尔筛选）：每组合 {per_combo * 1000:.0f} 毫秒 × {combos:,} 个组合'
                  f' ≈ {naive_total:,.0f} 秒（按 {args.naive_combos} 个随机组合外推）')
            print(f'加速比：{naive_total / seconds:,.0f} 倍（目标 ≥ 20 倍）')
        con.close()


if __name__ == '__main__':
    main()
