"""Audit checks of changes: "由A提高至B" and "同比增长x%" against the values the text states."""

from __future__ import annotations

import re
from decimal import Decimal

from .audit import Check, Finding
from .checks import by_sentence, similar, tolerance
from .facts import Fact

_UP = ("提高", "提升", "上升", "增长", "增加")
_DOWN = ("下降", "降低", "减少", "压缩", "缩短", "缩减", "减至", "降至")


def changes(ctx, facts):
    findings, made = [], []
    for group in by_sentence(ctx, facts).values():
        starts = [f for f in group if f.comparison in ("由", "从")]
        ends = [f for f in group if f.comparison and f.comparison[-1] in "至到为" and len(f.comparison) > 1]
        if starts and len(starts) == len(ends):
            for a, b in zip(starts, ends):
                if a.unit == b.unit:
                    _judge_from_to(a, b, findings, made)
    _judge_year_on_year(ctx, facts, findings, made)
    return findings, made


def _mid(f: Fact) -> Decimal:
    return (f.value + f.high) / 2 if f.high is not None else f.value


def _judge_from_to(a: Fact, b: Fact, findings, made) -> None:
    verb = b.comparison[:-1]
    up = verb.startswith(_UP)
    down = verb.startswith(_DOWN)
    if not (up or down):
        return
    spans = [(a.start, a.end), (b.start, b.end)]
    wrong = (up and _mid(b) <= _mid(a)) or (down and _mid(b) >= _mid(a))
    if wrong:
        findings.append(Finding("change_contradiction",
                                f"原文称由{a.text}“{verb}”至{b.text}，但后一数值{'不大于' if up else '不小于'}前一数值。",
                                spans, [a.text, b.text], "error", [a, b]))
    else:
        made.append(Check("change", "consistent", f"由{a.text}{verb}至{b.text}，方向一致", spans))


def _judge_year_on_year(ctx, facts, findings, made) -> None:
    for group in by_sentence(ctx, facts).values():
        for i, c in enumerate(group):
            if c.direction is None or c.unit not in ("%", "个百分点") or not re.search(r"同比|较|比|相比", c.comparison or ""):
                continue
            base = next((f for f in reversed(group[:i]) if f.direction is None and not f.comparison
                         and (c.period is None or f.period == c.period)), None)
            if base is None or base.period is None:
                continue
            year = _base_year(c, base)
            prior = next((f for f in group[:i] if f is not base and f.period == year and f.unit == base.unit
                          and not f.comparison and f.direction is None), None)  # 较2022年558件 in the same sentence
            prior = prior or _prior_value(facts, base, year)
            if prior is not None:
                _judge_growth(c, base, prior, findings, made)


def _base_year(c: Fact, base: Fact) -> int:
    m = re.search(r"((?:19|20)\d{2})年", c.comparison or "")
    return int(m.group(1)) if m else base.period - 1


def _prior_value(facts, base: Fact, year: int) -> Fact | None:
    for f in facts:
        if f is base or f.period != year or f.unit != base.unit or f.comparison or f.direction is not None:
            continue
        if (base.indicator and f.indicator == base.indicator) or similar(f.subject, base.subject):
            return f
    return None


def _judge_growth(c: Fact, base: Fact, prior: Fact, findings, made) -> None:
    if prior.value == 0:
        return
    relative = (base.value - prior.value) / prior.value * 100
    points = base.value - prior.value
    candidates = [points] if c.unit == "个百分点" else [relative] + ([points] if base.unit == "%" else [])
    stated = c.value * c.direction
    tol = tolerance(c)
    spans = [(prior.start, prior.end), (base.start, base.end), (c.start, c.end)]
    if any(abs(x - stated) <= tol for x in candidates):
        made.append(Check("change", "consistent", f"{prior.text}→{base.text}，{c.comparison}{c.text}相符", spans))
        return
    findings.append(Finding(
        "change_contradiction",
        f"{prior.period}年为{prior.text}、{base.period}年为{base.text}，按此计算变化为{candidates[0]:+.2f}"
        f"{'个百分点' if c.unit == '个百分点' else '%'}，与所写“{c.comparison}{c.text}”不符。",
        spans, [prior.text, base.text, c.text], "error", [prior, base, c]))
