"""Precision and recall of extraction against the hand annotations of the five seed documents.

A predicted fact matches an annotated one when their spans overlap and value and unit are equal;
each annotation matches at most one prediction.
"""

from __future__ import annotations

import math

import pytest

from fazhi.intel import extract, load

from .seeds import STEMS, annotations, seed_path

MIN_PRECISION = 0.95
MIN_RECALL = 0.90


def _values(v) -> tuple[float, ...]:
    return tuple(float(x) for x in v) if isinstance(v, list) else (float(v),)


def _same_value(fact, gold) -> bool:
    predicted = (fact.number,) if fact.high is None else (fact.number, float(fact.high))
    expected = _values(gold["value"])
    return len(predicted) == len(expected) and all(math.isclose(a, b, rel_tol=1e-9) for a, b in zip(predicted, expected))


def match(facts, gold) -> tuple[list[tuple], list, list[dict]]:
    """(matched pairs, unmatched predictions, unmatched annotations)."""
    used = set()
    pairs, missed = [], []
    for g in gold:
        hit = next((i for i, f in enumerate(facts) if i not in used and f.start < g["end"] and g["start"] < f.end
                    and f.unit == g["unit"] and _same_value(f, g)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            pairs.append((facts[hit], g))
    spurious = [f for i, f in enumerate(facts) if i not in used]
    return pairs, spurious, missed


def measure(stem: str) -> dict:
    facts = extract(load(seed_path(stem)))
    gold = annotations(stem)
    pairs, spurious, missed = match(facts, gold)
    coded = [(f, g) for f, g in pairs if g.get("indicator")]
    return {"stem": stem, "tp": len(pairs), "fp": len(spurious), "fn": len(missed), "spurious": spurious,
            "missed": missed, "coded": len(coded), "coded_ok": sum(f.indicator == g["indicator"] for f, g in coded)}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


@pytest.fixture(scope="module")
def results() -> list[dict]:
    return [measure(stem) for stem in STEMS]


def test_precision_and_recall(results, capsys):
    tp = sum(r["tp"] for r in results)
    fp = sum(r["fp"] for r in results)
    fn = sum(r["fn"] for r in results)
    with capsys.disabled():
        print()
        for r in results:
            print(f"{r['stem'][:3]}  precision {_ratio(r['tp'], r['tp'] + r['fp']):.3f}  "
                  f"recall {_ratio(r['tp'], r['tp'] + r['fn']):.3f}  (tp {r['tp']}, fp {r['fp']}, fn {r['fn']}; "
                  f"indicator codes {r['coded_ok']}/{r['coded']})")
            for f in r["spurious"]:
                print(f"      spurious {f.start} {f.text!r} {f.value} {f.unit}")
            for g in r["missed"]:
                print(f"      missed   {g['start']} {g['text']!r} {g['value']} {g['unit']}")
        print(f"all  precision {_ratio(tp, tp + fp):.3f}  recall {_ratio(tp, tp + fn):.3f}  (tp {tp}, fp {fp}, fn {fn})")
    assert _ratio(tp, tp + fp) >= MIN_PRECISION
    assert _ratio(tp, tp + fn) >= MIN_RECALL


def test_indicator_codes_of_matched_facts(results):
    coded = sum(r["coded"] for r in results)
    assert coded and sum(r["coded_ok"] for r in results) / coded >= 0.9
