"""Precomputed structure of a working text: sentences, clauses, lines and regions to skip."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from .lexicon import CLAUSE_BREAKS, SENTENCE_BREAKS

_SLOGAN_MAX = 25
_QUOTES = re.compile(r"“[^“”\n]{0,%d}”|「[^「」\n]{0,%d}」|『[^『』\n]{0,%d}』|\"[^\"\n]{0,%d}\"|‘[^‘’\n]{0,%d}’"
                     % ((_SLOGAN_MAX,) * 5))
_TITLES = re.compile(r"《[^《》\n]{0,120}》|〈[^〈〉\n]{0,60}〉")
_SKIP = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"  # dates
    r"|\d{1,2}:\d{2}(?::\d{2})?"  # times
    r"|(?:\d{3,4}-\d{7,8}|\d{3,4}-\d{3}-\d{3,4})(?!\d)"  # phone numbers
    r"|1[3-9]\d{9}(?!\d)"  # mobile numbers
    r"|[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*号"  # document numbers
    r"|第\s*\d+\s*[条款项章节号]"  # article numbers
    r"|\d+\s*号"  # window/room/document numbers
    r"|(?:https?://|www\.)\S+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+"  # URLs and e-mail
)
_YEAR = re.compile(r"(?<![\d较比与])((?:19|20)\d{2})(?=\s*年)")
_SENT_BREAK_RE = re.compile("[" + re.escape("".join(SENTENCE_BREAKS)) + "]")
_CLAUSE_BREAK_RE = re.compile("[" + re.escape("".join(CLAUSE_BREAKS)) + "、]")


class Spans:
    """A set of non-overlapping spans with fast membership tests."""

    def __init__(self, spans=()):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def covering(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.ends[i]:
            return self.starts[i], self.ends[i]
        return None

    def __contains__(self, pos: int) -> bool:
        return self.covering(pos) is not None


class Segmentation:
    """Sentences, clauses, lines, paragraphs and skip regions of a working text."""

    def __init__(self, text: str, noise=()):
        self.text = text
        self.sentence_breaks = [m.start() for m in _SENT_BREAK_RE.finditer(text)]
        self.clause_breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text)]
        self.line_breaks = [m.start() for m in re.finditer("\n", text)]
        self.slogans = Spans(m.span() for m in _QUOTES.finditer(text))
        self.titles = Spans(m.span() for m in _TITLES.finditer(text))
        self.skip = Spans([m.span() for m in _SKIP.finditer(text)] + list(noise))
        self.years = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(text) if not self._comparative(m.start())]
        self._year_pos = [p for p, _ in self.years]

    def _comparative(self, pos: int) -> bool:
        """A year in a comparison (较2019年、2020年均有提升) is not the period of the figures around it."""
        i = pos - 1
        while i >= 0 and pos - i < 12 and self.text[i] not in "，,。;；\n":
            i -= 1
        return bool(re.search(r"较|比|与|相比|同比", self.text[i + 1:pos]))

    def sentence(self, pos: int) -> tuple[int, int]:
        return _between(self.sentence_breaks, pos, len(self.text))

    def clause(self, pos: int) -> tuple[int, int]:
        return _between(self.clause_breaks, pos, len(self.text))

    def line(self, pos: int) -> tuple[int, int]:
        return _between(self.line_breaks, pos, len(self.text))

    def paragraph_start(self, pos: int) -> int:
        return self.line(pos)[0]

    def excluded(self, pos: int) -> bool:
        return pos in self.skip or pos in self.titles or pos in self.slogans

    def year_before(self, pos: int, floor: int) -> int | None:
        """The last year written (as '2021年') between `floor` and `pos`."""
        i = bisect_left(self._year_pos, pos) - 1
        if i >= 0 and self._year_pos[i] >= floor:
            return self.years[i][1]
        return None

    def main_year(self) -> int | None:
        """The year the text talks about most (outside titles)."""
        counts = Counter(y for p, y in self.years if p not in self.titles and p not in self.skip)
        return counts.most_common(1)[0][0] if counts else None


def _between(breaks: list[int], pos: int, length: int) -> tuple[int, int]:
    i = bisect_right(breaks, pos - 1)
    start = breaks[i - 1] + 1 if i > 0 else 0
    end = breaks[i] if i < len(breaks) else length
    return start, end
