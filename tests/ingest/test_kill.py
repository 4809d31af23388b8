"""kill -9 in the middle of an import leaves the store as it was (or, at worst, fully landed), and a retry works."""
from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time

import pytest

from fazhi.core.ingest import import_file
from fazhi.core.ingest.progress import PHASES

from .conftest import HEADER, SAMPLE_YAML, query, row, write_csv

ROWS, OVERLAP = 200_000, 1_000
CHILD = """
import sys, time
from fazhi.core.ingest import import_file, load_schema
path, db, phase, schema_yaml = sys.argv[1:5]
start = None
if phase != "free":
    lo, hi = {phases}["csv"][phase]
    start = lo + (hi - lo) * 0.06  # inside the phase: for 'land', once the INSERT is running
def progress(done, total):
    print("PROGRESS", done, flush=True)
    if start is not None and done > start:  # the statement goes on running on its worker thread
        print("KILLME", flush=True)
        time.sleep(600)
import_file(path, load_schema(schema_yaml), db, progress=progress)
print("FINISHED", flush=True)
""".replace("{phases}", repr(PHASES))


def big_file(path):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for i in range(ROWS):
            writer.writerow(row(code=f"K{i:07d}", note=f"第{i}条 新内容", day="2023年5月6日"))
    return path


def fingerprint(store):
    return query(store, "SELECT count(*), sum(hash(code, seq, note, amount, _batch_id)) FROM sample_record"), \
        query(store, "SELECT id, status FROM import_batch ORDER BY id")


@pytest.fixture
def prepared(tmp_path, sample, store):
    old = [HEADER] + [row(code=f"K{i:07d}", note="旧内容") for i in range(OVERLAP)]
    assert import_file(write_csv(tmp_path / "old.csv", old), sample, store).ok
    return big_file(tmp_path / "big.csv"), fingerprint(store)


def run_child(path, store, phase):
    return subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(store), phase, SAMPLE_YAML],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(proc, predicate, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"child ended early: {proc.stderr.read()[-2000:]}")
        if predicate(line.split()):
            return line
    raise AssertionError("child too slow")


def kill(proc):
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(30) == -signal.SIGKILL


def retry(path, sample, store):
    result = import_file(path, sample, store)
    assert result.ok and result.rows == ROWS
    assert query(store, "SELECT count(*) FROM sample_record") == [(ROWS,)]
    assert query(store, "SELECT note FROM sample_record WHERE code = 'K0000000'") == [("第0条 新内容",)]
    return result


@pytest.mark.parametrize("phase", ["validate", "land"])
def test_kill_mid_import_leaves_store_unchanged(prepared, sample, store, phase):
    path, before = prepared
    proc = run_child(path, store, phase)
    wait_for(proc, lambda words: words[0] == "KILLME")
    kill(proc)
    assert fingerprint(store) == before
    result = retry(path, sample, store)
    assert (result.inserted, result.updated) == (ROWS - OVERLAP, OVERLAP)


def test_kill_at_an_arbitrary_moment_is_all_or_nothing(prepared, sample, store):
    path, before = prepared
    land_start = PHASES["csv"]["land"][0]
    proc = run_child(path, store, "free")
    wait_for(proc, lambda words: words[0] == "FINISHED" or int(words[1]) > land_start + 40)
    kill(proc) if proc.poll() is None else proc.wait()
    after_kill = fingerprint(store)
    assert after_kill == before or after_kill[0][0][0] == ROWS  # never half-written
    assert retry(path, sample, store).updated in (OVERLAP, ROWS)
