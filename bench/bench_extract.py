"""Throughput of report reading + fact extraction, in MB of text (UTF-8) per second.

The five seed documents are repeated until at least 20 MB of text, then each copy is read
(boilerplate detection, t2s normalisation) and its facts extracted, one document at a time,
as `fazhi extract` would. Target: >= 1 MB/s on the project's 2-core machine.

    .venv/bin/python bench/bench_extract.py [--mb 20] [--seeds ../shared/seeds]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fazhi.intel import extract, from_text  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--mb", type=float, default=20.0, help="megabytes of text to process (default 20)")
    p.add_argument("--seeds", default=str(REPO / ".." / "shared" / "seeds"), help="folder of seed .txt files")
    args = p.parse_args()
    texts = [f.read_text(encoding="utf-8") for f in sorted(Path(args.seeds).glob("*.txt")) if f.name[:1].isdigit()]
    if not texts:
        print(f"no seed documents in {args.seeds}", file=sys.stderr)
        return 2
    sizes = [len(t.encode("utf-8")) for t in texts]
    copies = int(args.mb * 1e6 // sum(sizes)) + 1
    extract(from_text(texts[0]))  # warm up: compile patterns, load the converter and the catalogue
    facts = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(copies):
        for text in texts:
            facts += len(extract(from_text(text)))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    megabytes = copies * sum(sizes) / 1e6
    print(f"documents: {copies * len(texts)}  text: {megabytes:.1f} MB  facts: {facts}  "
          f"wall: {elapsed:.1f} s  cpu: {cpu:.1f} s  load average: {_load()}")
    print(f"throughput: {megabytes / elapsed:.2f} MB/s wall-clock, {megabytes / cpu:.2f} MB per CPU second "
          f"(target >= 1 MB/s; single process)")
    return 0


def _load() -> str:
    try:
        import os

        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except (OSError, AttributeError):
        return "n/a"


if __name__ == "__main__":
    sys.exit(main())
