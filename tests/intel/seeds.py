"""Where the seed documents and their hand annotations are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / ".." / "shared" / "seeds"
ANNOTATIONS = Path(__file__).resolve().parent / "annotations"
STEMS = sorted(p.stem for p in ANNOTATIONS.glob("*.jsonl"))


def seed_path(stem: str) -> Path:
    path = SEEDS / f"{stem}.txt"
    if not path.exists():
        pytest.skip(f"seed document {path} not available")
    return path


def annotations(stem: str) -> list[dict]:
    lines = (ANNOTATIONS / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
