"""The command-line entry points."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

from fazhi.intel.cli import audit_main, benchmark_main, extract_main

from .seeds import REPO, seed_path


def test_extract_json_to_stdout(capsys):
    assert extract_main([str(seed_path("003_98a81501e618baf7"))]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert any(f["value"] == 5663 and f["unit"] == "项" for f in facts)


def test_extract_csv_to_file(tmp_path):
    out = tmp_path / "facts.csv"
    files = [str(seed_path("000_ce5d56d33ca0cb0e")), str(seed_path("004_15d93f3a6553327b"))]
    assert extract_main(files + ["--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["region"] for r in rows} == {"通州区", "海门区"}
    assert all(r["start"].isdigit() for r in rows)


def test_extract_unreadable_file(tmp_path, capsys):
    assert extract_main([str(tmp_path / "none.pdf")]) == 2
    assert "错误" in capsys.readouterr().err


def test_audit_exit_codes(capsys):
    assert audit_main([str(seed_path("003_98a81501e618baf7"))]) == 0
    assert "未发现问题" in capsys.readouterr().out
    assert audit_main([str(seed_path("004_15d93f3a6553327b"))]) == 1
    assert "段落重复" in capsys.readouterr().out


def test_benchmark_directory(tmp_path, capsys):
    for stem in ("001_db1df324d5669997", "002_93c369c24ed71b42"):
        shutil.copy(seed_path(stem), tmp_path)
    xlsx = tmp_path / "out.xlsx"
    assert benchmark_main([str(tmp_path), "--xlsx", str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "指标\t朝阳区\t通州区"
    assert xlsx.exists()


def test_python_dash_m():
    done = subprocess.run([sys.executable, "-m", "fazhi.intel", "audit-report", str(seed_path("002_93c369c24ed71b42"))],
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 1
    assert "数量级不合理" in done.stdout
