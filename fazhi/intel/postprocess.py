"""Turning candidates into facts: shared units, distributed values (均), parallel lists."""

from __future__ import annotations

import copy
import re

from .facts import Fact
from .subjects import clean_subject

_JOINERS = ("、", "和", "或", "及", "至")
_JUN = re.compile(r"均(?:为|是|达到?|(?:提升|提高|上升|增长|下降|降低|减少)了?)?(?:约为|约|近|超过)?$")
_ITEM_SPLIT = re.compile(r"、|以及|和(?!谐)|及(?!时)|(?<![参给])与(?!会)")
_YEAR_LIST = re.compile(r"\s*((?:19|20)\d{2}年度?、)+(?:19|20)\d{2}年度?\s*")
_NAME_LIST = re.compile(r"(?:[\u4e00-\u9fffA-Za-z]{1,12}、)+[\u4e00-\u9fffA-Za-z]{1,12}")
_NAME_STOP = re.compile(r"(由|从|分别|均|较|比|同比|在|为|达).*$")


def build(ctx, candidates) -> list[Fact]:
    from .extract import comparison, indicator, period, subject_parts

    _share_units(ctx.w, candidates)
    facts = []
    for c in candidates:
        if c.unit is None:
            continue
        start, end, text = ctx.span(c.value_start, c.end)
        subject, right, _clause = subject_parts(ctx, c.value_start, c.end)
        comp, direction = comparison(ctx.w, c.tok.start, ctx.seg.clause(c.tok.start)[0])
        kind = "change" if direction is not None else c.kind
        fact = Fact(text, start, end, c.tok.value, c.unit, subject, c.qualifier, c.tok.high, None, comp, direction,
                    period(ctx, c.value_start), ctx.region, ctx.doc.source, kind, "high", None,
                    c.value_start, c.end, right)
        facts.append(fact)
    facts = _distribute(ctx, facts)
    _parallel_subjects(ctx, facts)
    for f in facts:
        if f.direction is None and f.kind != "rank":
            f.indicator = indicator(ctx, f.subject, f.right, f.unit, f.w_start)
    return facts


def _share_units(w: str, candidates) -> None:
    """3、5、7件 and 1个、2个、20个工作日: earlier members of a list take the last member's unit."""
    for i in range(len(candidates) - 2, -1, -1):
        c, nxt = candidates[i], candidates[i + 1]
        if w[c.end:nxt.tok.start] not in _JOINERS or nxt.unit is None:
            continue
        if c.unit is None or (c.written_unit == "个" and len(nxt.written_unit) > 1 and nxt.written_unit[0] == "个"):
            c.unit, c.written_unit, c.kind = nxt.unit, nxt.written_unit, nxt.kind


def _distribute(ctx, facts: list[Fact]) -> list[Fact]:
    """报备率、及时率、规范率均达100% is three facts; so is 2021年度、2020年度…均为100%."""
    out = []
    w = ctx.w
    for f in facts:
        m = _JUN.search(w, max(0, f.w_start - 8), f.w_start)
        if not m:
            out.append(f)
            continue
        c_start = _clause_start(w, m.start())
        items = [x for x in _ITEM_SPLIT.split(w[c_start:m.start()]) if x.strip()]
        if len(items) >= 2:
            out.extend(_copies(f, [clean_subject(x, "") or x for x in items], "subject"))
            continue
        prev_start = _clause_start(w, c_start - 1) if c_start > 0 else c_start
        prev = w[prev_start:max(prev_start, c_start - 1)]
        if _YEAR_LIST.fullmatch(prev):
            years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", prev)]
            out.extend(_copies(f, years, "period"))
        else:
            out.append(f)
    return out


def _clause_start(w: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and w[i] not in "，,。;；:：\n!?！？":
        i -= 1
    return i + 1


def _copies(f: Fact, values, attr: str) -> list[Fact]:
    out = []
    for v in values:
        g = copy.copy(f)
        setattr(g, attr, v)
        out.append(g)
    return out


def _parallel_subjects(ctx, facts: list[Fact]) -> None:
    """响应率、解决率、满意率由88.13%、73.43%、79.94%…: zip a list of names with a list of values."""
    w = ctx.w
    i = 0
    while i < len(facts):
        j = i
        while j + 1 < len(facts) and w[facts[j].w_end:facts[j + 1].w_start] == "、" \
                and facts[j + 1].unit == facts[i].unit:
            j += 1
        group = facts[i:j + 1]
        if len(group) >= 2 and len({f.w_start for f in group}) == len(group):
            names = _names_before(ctx, group[0].w_start, len(group))
            if names:
                for f, name in zip(group, names):
                    f.subject = name
                    f.comparison = f.comparison or group[0].comparison
        i = j + 1


def _names_before(ctx, pos: int, k: int) -> list[str] | None:
    w = ctx.w
    s, _ = ctx.seg.sentence(pos)
    lists = [m for m in _NAME_LIST.finditer(w, s, pos) if m.group().count("、") == k - 1]
    if not lists:
        return None
    items = lists[-1].group().split("、")
    items[-1] = _NAME_STOP.sub("", items[-1])
    items = [clean_subject(x, "") or x for x in items]
    return items if all(items) else None
