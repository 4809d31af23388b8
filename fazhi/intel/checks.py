"""Audit checks of rates against counts and of parts against totals, and helpers shared by the other
check modules. Each check takes (context, facts) and returns (findings, checks made)."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from .audit import Check, Finding
from .facts import Fact, plain

_COUNT_EXCLUDED_UNITS = {"%", "个百分点", "位次", "名次"}
_SHARE = re.compile(r"(占比|比例|比重)$")


def num(v) -> str:
    return str(plain(Decimal(v)))


def is_count(f: Fact) -> bool:
    return f.unit not in _COUNT_EXCLUDED_UNITS and f.direction is None and not f.comparison and f.high is None


def sentence_of(ctx, f: Fact) -> tuple[int, int]:
    return ctx.seg.sentence(f.w_start)


def by_sentence(ctx, facts):
    groups = defaultdict(list)
    for f in facts:
        groups[sentence_of(ctx, f)].append(f)
    return groups


def tolerance(rate: Fact) -> Decimal:
    exponent = rate.value.normalize().as_tuple().exponent
    tol = Decimal(5) * Decimal(10) ** (min(exponent, 0) - 1)
    if rate.qualifier in ("约", "近"):
        tol = max(tol * 2, Decimal("0.5"))
    return tol


def _rate_ok(rate: Fact, computed: Decimal) -> bool:
    tol = tolerance(rate)
    if rate.qualifier in ("以上", "超过", "不少于"):
        return computed >= rate.value - tol
    if rate.qualifier in ("不足", "以下", "不超过"):
        return computed <= rate.value + tol
    return abs(computed - rate.value) <= tol + Decimal("1e-9")


def _pct(n: Fact, d: Fact) -> Decimal:
    return n.value / d.value * 100


# ---------------------------------------------------------------- rates vs counts

def rates(ctx, facts):
    findings, made = [], []
    sentences = by_sentence(ctx, facts)
    for r in facts:
        if r.unit != "%" or not is_count_like_rate(r):
            continue
        share = bool(_SHARE.search(r.subject))
        if not share and not r.subject.endswith("率"):
            continue
        if share and _external_share(ctx, r):
            continue
        before = [f for f in sentences[sentence_of(ctx, r)] if f.w_end <= r.w_start and is_count(f)]
        numerator = before[-1] if share and before else None if share else _numerator(r, before)
        if numerator is None:
            continue
        pool = _share_denominators(ctx, facts, numerator) if share else \
            [f for f in before if f.w_end <= numerator.w_start and f.unit == numerator.unit and f.value >= numerator.value]
        if pool:
            _judge_rate(r, numerator, pool, findings, made)
    return findings, made


def is_count_like_rate(r: Fact) -> bool:
    return r.direction is None and not r.comparison and r.high is None and r.kind == "rate"


def _external_share(ctx, r: Fact) -> bool:
    s, _ = sentence_of(ctx, r)
    clause = ctx.w[max(s, r.w_start - 12):r.w_start]
    return bool(re.search(r"占(全|总|本)", clause))


def _numerator(rate: Fact, before: list[Fact]) -> Fact | None:
    """The count the rate is made of: the last one before it naming the rate's action (纠错 → 纠错率)."""
    name = rate.subject[:-1]
    if len(name) < 2:
        return None
    key = name[-2:]
    for f in reversed(before):
        if key in f.subject + f.right[:10]:
            return f
    return None


def _share_denominators(ctx, facts, numerator: Fact) -> list[Fact]:
    """Totals a share (占比) could be of: larger counts of the same unit earlier in the paragraph that
    are not themselves parts with their own share."""
    p_start, _ = ctx.seg.line(numerator.w_start)
    shared = {id(f) for f, nxt in zip(facts, facts[1:]) if nxt.unit == "%" and _SHARE.search(nxt.subject)}
    return [f for f in facts if p_start <= f.w_start and f.w_end <= numerator.w_start and is_count(f)
            and f.unit == numerator.unit and f.value > numerator.value and id(f) not in shared]


def _judge_rate(r: Fact, n: Fact, pool: list[Fact], findings, made) -> None:
    results = [(d, _pct(n, d)) for d in pool]
    ok = [(d, p) for d, p in results if _rate_ok(r, p)]
    spans = [(r.start, r.end), (n.start, n.end)]
    if ok:
        d, p = ok[-1]
        made.append(Check("rate", "consistent", f"“{r.subject}”{r.text}与{n.text}÷{d.text}={p:.2f}%相符",
                          spans + [(d.start, d.end)]))
    elif len(results) == 1:
        d, p = results[0]
        findings.append(Finding(
            "rate_mismatch",
            f"“{r.subject}”写为{r.text}，但{n.subject}{n.text}÷{d.subject}{d.text}={p:.2f}%，"
            f"按所写的小数位应约为{p:.{places(r)}f}%，与所写比率不符。",
            spans + [(d.start, d.end)], [r.text, n.text, d.text], "error", [r, n, d]))
    else:
        tried = "、".join(f"{n.text}÷{d.text}={p:.1f}%" for d, p in results)
        made.append(Check("rate", "not_checkable",
                          f"“{r.subject}”{r.text}：以{n.text}为分子，可能的分母均不能得出该比率（{tried}），"
                          f"原文未说明分母，无法核验。", spans + [(d.start, d.end) for d, _ in results]))


def places(r: Fact) -> int:
    return max(0, -r.value.normalize().as_tuple().exponent)


# ---------------------------------------------------------------- parts vs totals

def parts(ctx, facts):
    findings, made = [], []
    w = ctx.w
    for m in re.finditer(r"其中|包括|分为", w):
        s_start, s_end = ctx.seg.sentence(m.start())
        floor = s_start
        if not w[s_start:m.start()].strip(" ,，:：(（"):
            floor = ctx.seg.sentence(max(0, s_start - 1))[0]
        before = [f for f in facts if floor <= f.w_start and f.w_end <= m.start() and is_count(f)]
        if not before:
            continue
        total = before[-1]
        if floor < s_start and sum(f.unit == total.unit for f in before) > 1:
            continue  # "…A 48件，B 150件。其中…": which figure is the total is not said
        members = [f for f in facts if m.end() <= f.w_start and f.w_end <= s_end and is_count(f)
                   and f.unit == total.unit and not _status_word(ctx, f)]
        if members:
            _judge_parts(ctx, m.group(), total, members, findings, made)
    return findings, made


def _status_word(ctx, f: Fact) -> bool:
    """已落地57个 after 其中外资项目125个 is a part of the part, not a sibling."""
    i = f.w_start - 1
    while i >= 0 and ctx.w[i] not in "，,。;；、:：":
        i -= 1
    return ctx.w[i + 1:f.w_start].startswith(("已", "均", "全部"))


_OUTCOMES = ("审结", "办结", "结案", "胜诉", "败诉", "维持", "撤销", "驳回", "纠错", "化解", "调解成功", "成功",
             "通过", "完成", "落地", "办复", "答复", "整改", "受理", "立案", "采纳", "满意")


def _outcome(ctx, f: Fact) -> bool:
    i = f.w_start - 1
    while i >= 0 and ctx.w[i] not in "，,。;；、:：":
        i -= 1
    head = re.sub(r"^(其中|已|共|均|全部)+", "", ctx.w[i + 1:f.w_start])
    return head.startswith(_OUTCOMES)


def _judge_parts(ctx, word: str, total: Fact, members: list[Fact], findings, made) -> None:
    too_big = [f for f in members if f.value > total.value]
    spans = [(total.start, total.end)] + [(f.start, f.end) for f in members]
    for f in too_big:
        findings.append(Finding(
            "part_exceeds_total",
            f"“{word}”之后的分项“{f.subject}{f.text}”大于其前的总数“{total.subject}{total.text}”，分项不应超过总数。",
            [(total.start, total.end), (f.start, f.end)], [total.text, f.text], "error", [total, f]))
    if too_big or len(members) < 2 or any(f.qualifier for f in members + [total]):
        return
    if any(_outcome(ctx, f) for f in members):
        return  # 审结30件，胜诉29件: outcomes nest inside each other, they are not siblings
    s = sum(f.value for f in members)
    listing = "+".join(num(f.value) for f in members)
    if s == total.value:
        made.append(Check("parts", "consistent", f"{listing}={num(s)}，与总数{total.text}相符", spans))
    elif s > total.value or word in ("包括", "分为"):
        kind = "parts_exceed_total" if s > total.value else "parts_total_mismatch"
        findings.append(Finding(
            kind, f"总数“{total.subject}{total.text}”，其后分项{listing}={num(s)}{total.unit}，"
                  f"{'超过' if s > total.value else '不等于'}总数。", spans,
            [total.text] + [f.text for f in members], "error", [total] + members))
    else:
        made.append(Check("parts", "not_checkable",
                          f"分项{listing}={num(s)}小于总数{total.text}，原文未说明分项是否穷尽，未作判断。", spans))


def similar(a: str, b: str) -> bool:
    a, b = strip_years(a), strip_years(b)
    if not a or not b:
        return False
    if a == b:
        return True
    ga = {a[i:i + 2] for i in range(len(a) - 1)}
    gb = {b[i:i + 2] for i in range(len(b) - 1)}
    return bool(ga and gb) and len(ga & gb) / len(ga | gb) >= 0.6


def strip_years(s: str) -> str:
    return re.sub(r"(?:19|20)\d{2}年度?|年初|年底|年末", "", s)


def bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}
