"""Command-line entry points, for the `fazhi` CLI and `python -m fazhi.intel`.

    fazhi extract FILE... [--format json|csv] [--out PATH]
    fazhi audit-report FILE... [--json]          (exit code 1 when there are findings)
    fazhi benchmark DIR [--xlsx PATH] [--csv PATH]

Each *_main(argv) returns the process exit code: 0 success, 1 findings (audit-report only),
2 unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .audit import audit
from .benchmark import collect, compare, report_files, to_csv as bench_csv, to_xlsx
from .extract import extract
from .facts import to_csv, to_json
from .reading import ReadError, load
from .subjects import labels


def extract_main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="fazhi extract", description="提取报告中的全部数量事实（含原文位置）")
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件：TXT、HTML、DOCX 或 PDF")
    p.add_argument("--format", choices=("json", "csv"), default="json", help="输出格式（默认 json）")
    p.add_argument("--out", metavar="PATH", help="写入文件（默认输出到标准输出）")
    args = p.parse_args(argv)
    facts = []
    for name in args.files:
        try:
            facts.extend(extract(load(name)))
        except ReadError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 2
    text = to_json(facts) + "\n" if args.format == "json" else to_csv(facts)
    _write(text, args.out)
    if args.out:
        print(f"已提取 {len(facts)} 条数量事实，写入 {args.out}", file=sys.stderr)
    return 0


def audit_main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="fazhi audit-report", description="核查报告中数字的一致性（发布前检查）")
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件：TXT、HTML、DOCX 或 PDF")
    p.add_argument("--json", action="store_true", help="以 JSON 输出核查结果")
    args = p.parse_args(argv)
    reports = []
    for name in args.files:
        try:
            reports.append(audit(load(name)))
        except ReadError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps([r.as_dict() for r in reports], ensure_ascii=False, indent=2))
    else:
        for r in reports:
            print(_audit_text(r))
    return 1 if any(r.findings for r in reports) else 0


def _audit_text(report) -> str:
    lines = [f"== {report.source}"]
    if not report.findings:
        lines.append("未发现问题。")
    for n, f in enumerate(report.findings, 1):
        where = "、".join(f"第{s}-{e}字“{t}”" for (s, e), t in zip(f.spans, f.texts))
        lines.append(f"【问题{n}】{f.label}：{f.message}\n    位置：{where}")
    unsure = [c for c in report.checks if c.status == "not_checkable"]
    ok = [c for c in report.checks if c.status == "consistent"]
    for c in unsure:
        lines.append(f"【未能核验】{c.message}")
    lines.append(f"共核验一致 {len(ok)} 处，发现问题 {len(report.findings)} 处，未能核验 {len(unsure)} 处。")
    return "\n".join(lines)


def benchmark_main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="fazhi benchmark", description="多地区报告指标横向对比")
    p.add_argument("directory", metavar="DIR", help="存放报告文件的目录")
    p.add_argument("--xlsx", metavar="PATH", help="导出 Excel 对比表")
    p.add_argument("--csv", metavar="PATH", help="导出 CSV 明细")
    args = p.parse_args(argv)
    if not Path(args.directory).is_dir():
        print(f"错误：目录 {args.directory} 不存在", file=sys.stderr)
        return 2
    errors: list[str] = []
    bench = compare(collect(report_files(args.directory), errors))
    for e in errors:
        print(f"跳过：{e}", file=sys.stderr)
    print(_bench_text(bench))
    if args.xlsx:
        to_xlsx(bench, args.xlsx)
        print(f"已导出 {args.xlsx}", file=sys.stderr)
    if args.csv:
        _write(bench_csv(bench), args.csv)
    return 0


def _bench_text(bench) -> str:
    names = labels()
    rows = ["\t".join(["指标"] + bench.regions)]
    for code in bench.indicators:
        cells = []
        for region in bench.regions:
            c = bench.get(code, region)
            cells.append("" if c is None else f"{c.text}（{c.period or '?'}）")
        rows.append("\t".join([names.get(code, code)] + cells))
    return "\n".join(rows)


def _write(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


COMMANDS = {"extract": extract_main, "audit-report": audit_main, "benchmark": benchmark_main}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        print("用法：python -m fazhi.intel {extract|audit-report|benchmark} ...", file=sys.stderr)
        return 2
    return COMMANDS[argv[0]](argv[1:])
