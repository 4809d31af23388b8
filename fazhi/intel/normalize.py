"""Normalised working text with a map back to the original offsets.

Extraction runs on a simplified-script, ASCII-digit copy of the document. OpenCC's ``t2s`` is
almost always one character for one character; where a phrase conversion changes the length
the two versions are aligned with difflib so every working offset still maps to an offset in the
original text. Full-width digits and signs are mapped one to one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from .numbers import normalize_digits

_TRADITIONAL_HINTS = "區國發這個們來時為與對於說會後長門問間開關見視讓學習實體現經業產當聯進選義資們項條戶與復議訴審應糾務據"
_SIMPLIFIED_HINTS = "区国发这个们来时为与对于说会后长门问间开关见视让学习实体现经业产当联进选义资们项条户与复议诉审应纠务据"
_CHUNK = re.compile(r"[^\n]*\n|[^\n]+$")


@dataclass(frozen=True)
class Normalized:
    """`text` is the working text; `to_original[i]` is the original offset of working offset i."""

    text: str
    to_original: tuple[int, ...] | None  # None means identity
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a working span [start, end) to the original text."""
        if self.to_original is None:
            return start, end
        if start >= end:
            o = self._at(start)
            return o, o
        return self._at(start), self._at(end - 1) + 1

    def _at(self, i: int) -> int:
        if i >= len(self.to_original):
            return self.original_length
        return self.to_original[i]


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def looks_traditional(text: str, sample: int = 20000) -> bool:
    """True when traditional-only characters outnumber their simplified counterparts."""
    head = text[:sample]
    trad = sum(head.count(c) for c in set(_TRADITIONAL_HINTS))
    simp = sum(head.count(c) for c in set(_SIMPLIFIED_HINTS) - set(_TRADITIONAL_HINTS))
    return trad > simp


def normalize(text: str) -> Normalized:
    """Simplified script and ASCII digits, with an offset map back to `text`.

    t2s leaves simplified text unchanged, so it is applied to every text: documents that mix
    scripts, or quote a traditional passage, are read like any other."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return _repair(Normalized(normalize_digits(converted), None, len(text)))
    return _repair(_chunked(text))


_DECIMAL_STOP = re.compile(r"(?<=\d)。(?=\d+\s*[%‰])")
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def _repair(norm: Normalized) -> Normalized:
    """Undo two artefacts of scraped pages: 11。3% (a full stop as decimal point) and pinyin glosses
    inserted after characters (復(fù)議). The first keeps the length; the second is removed, with
    the offset map adjusted."""
    text = _DECIMAL_STOP.sub(".", norm.text)
    glosses = [m.span() for m in _PINYIN_GLOSS.finditer(text)]
    if not glosses:
        return Normalized(text, norm.to_original, norm.original_length)
    keep: list[int] = []
    pos = 0
    for s, e in glosses:
        keep.extend(range(pos, s))
        pos = e
    keep.extend(range(pos, len(text)))
    mapping = norm.to_original
    return Normalized("".join(text[i] for i in keep), tuple(mapping[i] if mapping else i for i in keep),
                      norm.original_length)


def _chunked(text: str) -> Normalized:
    """Convert line by line; align only the lines whose length changed."""
    cc = _converter()
    parts: list[str] = []
    mapping: list[int] = []
    for m in _CHUNK.finditer(text):
        chunk, base = m.group(), m.start()
        out = cc.convert(chunk)
        parts.append(out)
        mapping.extend(range(base, base + len(chunk)) if len(out) == len(chunk) else _align(chunk, out, base))
    return Normalized(normalize_digits("".join(parts)), tuple(mapping), len(text))


def _align(original: str, converted: str, base: int) -> list[int]:
    """Map each converted character to an original offset (equal blocks 1:1, others linearly)."""
    out: list[int] = []
    matcher = difflib.SequenceMatcher(None, original, converted, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        width = j2 - j1
        for k in range(width):
            if tag == "equal":
                out.append(base + i1 + k)
            else:
                out.append(base + i1 + min(i2 - i1 - 1, (k * max(i2 - i1, 1)) // max(width, 1)) if i2 > i1 else base + i1)
    return out
