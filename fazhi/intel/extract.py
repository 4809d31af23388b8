"""Extraction of every quantitative fact of a report.

Rule-based: every number the numeral scanner finds is kept when a unit follows it (or it is a
percentage, a rank, or a table cell) and none of the exclusion rules applies: dates, years,
ordinals and list markers, document and phone numbers, numbers inside 《titles》 and short quoted
slogans, idiomatic 一, grades and levels, counts that only restate an enumeration, narrative
spans of time. Each fact gets its subject (the words around it), catalogue indicator, qualifier,
comparison, period and region, and its exact span in the original text.
"""

from __future__ import annotations

import re
from functools import cached_property

from .context import detect_issuer, detect_region
from .facts import Fact
from .lexicon import MAX_UNIT_LEN, UNITS
from .numbers import scan_numbers
from .rules import candidate
from .reading import Document
from .segment import Segmentation
from .subjects import clean_subject, map_indicator
from . import grid, postprocess, tables

_MARKER = (r"(同比|环比|较去年同期|较去年|较上年|较上一年度|较上一年|较年初|较同期|比去年|比上年|较\d{4}年|与\d{4}年相比|"
           r"与去年相比)")
_VERB = r"(增长|上升|提高|提升|增加|下降|减少|降低|回落|下滑)了?$"
_COMPARISON = re.compile(_MARKER + r"[^，,。;；\d]{0,6}?" + _VERB)
_CHANGE = re.compile(_VERB)
_TO = re.compile(r"(提高|提升|上升|增长|增加|下降|降低|减少|压缩|缩短|缩减|减|降)(至|到|为)[^，,。;；\d]{0,8}$")
_FROM = re.compile(r"(由|从)[^，,。;；]{0,10}$")


_ATTACHED_YEAR = re.compile(r"((?:19|20)\d{2})年(?:度)?(?:的|为|是|共|有)?$")


class DocumentContext:
    """Working text, segmentation and document-level facts (region, main period) of a Document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.norm = doc.normalized
        self.w = self.norm.text
        noise = [(self.to_working(s), self.to_working(e)) for s, e in doc.noise]
        self.seg = Segmentation(self.w, noise)

    def to_working(self, original: int) -> int:
        if self.norm.to_original is None:
            return original
        from bisect import bisect_left

        return bisect_left(self.norm.to_original, original)

    @cached_property
    def region(self) -> str | None:
        return detect_region(self.w)

    @cached_property
    def issuer(self) -> str | None:
        return detect_issuer(self.w, self.region)

    @cached_property
    def main_year(self) -> int | None:
        return self.seg.main_year()

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.norm.span(start, end)
        return s, e, self.doc.text[s:e]


def extract(doc: Document) -> list[Fact]:
    """Every quantitative fact of `doc`, in text order."""
    ctx = DocumentContext(doc)
    tokens = scan_numbers(ctx.w)
    table_facts, table_lines = tables.extract(ctx, tokens)
    grid_facts, grid_lines = grid.extract(ctx)
    table_facts += grid_facts
    table_lines |= grid_lines
    candidates = []
    taken_until = -1
    for tok in tokens:
        if tok.core_start < taken_until or ctx.seg.line(tok.core_start)[0] in table_lines:
            continue
        cand = candidate(ctx, tok)
        if cand is not None:
            candidates.append(cand)
            taken_until = cand.end
    facts = postprocess.build(ctx, candidates) + table_facts
    for f in facts:
        f.issuer = ctx.issuer
    facts.sort(key=lambda f: (f.start, f.end))
    return facts


def comparison(w: str, start: int, clause_start: int) -> tuple[str | None, int | None]:
    """The change wording right before a number: ('同比增长', 1), ('提高至', None), …"""
    head = w[max(clause_start, start - 20):start]
    head = re.sub(r"(约为|约|近|超过|达到|达)$", "", head)
    m = _COMPARISON.search(head)
    marker, verb = (m.group(1), m.group(2)) if m else ("", None)
    if verb is None:
        m = _CHANGE.search(head)
        verb = m.group(1) if m else None
    if verb:
        sign = -1 if verb in ("下降", "减少", "降低", "回落", "下滑") else 1
        return marker + verb, sign
    m = _TO.search(head)
    if m:
        return m.group(1) + m.group(2), None
    m = _FROM.search(head)
    return (m.group(1), None) if m else (None, None)


def subject_parts(ctx: DocumentContext, start: int, end: int) -> tuple[str, str, str]:
    """(subject, words after, clause) around a number spanning [start, end) in the working text."""
    w = ctx.w
    c_start = _subject_start(w, start)
    c_end = _subject_end(w, end)
    left = _after_last_number(w[c_start:start])
    right = w[end:min(c_end, end + 16)]
    return clean_subject(left, right), right, w[c_start:c_end]


_OPENING = {")": "(（", "）": "(（", "”": "“", "」": "「"}
_SUBJECT_BREAKS = set("，,。;；:：\n、!！?？")


def _subject_start(w: str, pos: int) -> int:
    """Start of the words naming what a number counts: back to the last clause break (not brackets)."""
    i = pos - 1
    floor = max(0, pos - 30)
    while i >= floor and w[i] not in _SUBJECT_BREAKS:
        if w[i] in ")）”」":
            opening = max(w.rfind(c, floor, i) for c in _OPENING[w[i]])
            i = opening if opening >= 0 else i
        i -= 1
    return i + 1


def _subject_end(w: str, pos: int) -> int:
    i = pos
    ceiling = min(len(w), pos + 30)
    while i < ceiling and w[i] not in _SUBJECT_BREAKS - {"、"}:
        i += 1
    return i


def _after_last_number(left: str) -> str:
    """Drop everything up to the last number (and its unit) in the words before a number."""
    m = None
    for m in re.finditer(r"[\d.%]+[^\d\u4e00-\u9fff]{0,2}", left):
        pass
    if m is None:
        return left
    rest = left[m.end():].lstrip("余多")
    for k in range(MAX_UNIT_LEN, 0, -1):
        if rest[:k] in UNITS:
            return rest[k:].lstrip("和及与、")
    return rest


def indicator(ctx: DocumentContext, subject: str, right: str, unit: str, pos: int) -> str | None:
    s, e = ctx.seg.sentence(pos)
    p_start, p_end = ctx.seg.line(pos)
    return map_indicator(subject, right, unit, ctx.w[s:e], ctx.w[p_start:p_end], ctx.w[p_start:pos])


def period(ctx: DocumentContext, pos: int) -> int | None:
    """The year written last before the number in its sentence, else paragraph, else the document's."""
    attached = _ATTACHED_YEAR.search(ctx.w, max(0, pos - 8), pos)
    if attached:
        return int(attached.group(1))  # 较2022年558件: the figure of 2022
    s, _ = ctx.seg.sentence(pos)
    year = ctx.seg.year_before(pos, s)
    if year is None:
        year = ctx.seg.year_before(pos, ctx.seg.line(pos)[0])
    return year if year is not None else ctx.main_year
