"""Find the header row(s) of a sheet and map its columns to schema fields.

Real files put title rows above the header and sometimes a two-row header
(a merged group cell above sub-headers).  Each candidate row, and each pair
of adjacent rows, is scored by how many schema fields its cells name; the
best candidate wins.  Names are compared after :func:`norm_header`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Sequence

from .schema import RecordSchema

MAX_SCAN_ROWS = 30
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^】]*】|〔[^〕]*〕|<[^<>]*>")
_NOISE = re.compile(r"[\s*:·•]+")


def norm_header(text: object) -> str:
    """Normalise a header: NFKC (full→half width), drop bracketed units and blanks, lower-case."""
    s = unicodedata.normalize("NFKC", "" if text is None else str(text))
    s = _BRACKETED.sub("", s)
    return _NOISE.sub("", s).lower()


def header_lookup(schema: RecordSchema) -> dict[str, str]:
    """Normalised header → field name, for every name and alias of every field."""
    lookup: dict[str, str] = {}
    for f in schema.fields:
        for h in f.headers:
            lookup.setdefault(norm_header(h), f.name)
    return lookup


@dataclass
class HeaderMatch:
    first_row: int  # index of the first header row in the scanned rows
    height: int  # 1, or 2 for a group header above sub-headers
    columns: dict[str, int] = field(default_factory=dict)  # field name → column index
    width: int = 0  # number of columns in the header

    @property
    def data_start(self) -> int:
        return self.first_row + self.height

    def missing(self, schema: RecordSchema) -> list[str]:
        return [f.verbose_name for f in schema.fields if f.required and f.name not in self.columns]


def find_header(rows: Sequence[Sequence[object]], schema: RecordSchema) -> HeaderMatch | None:
    """Best header among the first rows; ``None`` when no cell names any field."""
    lookup = header_lookup(schema)
    scan = [[_cell(c) for c in r] for r in rows[:MAX_SCAN_ROWS]]
    cands = [c for i, row in enumerate(scan) for c in _candidates(i, row, scan[i + 1 : i + 2], lookup)]
    best = max(cands, key=lambda c: (len(c.columns), -c.height, -c.first_row), default=None)
    return best if best and best.columns else None


def _candidates(i: int, row: list[str], below: list[list[str]], lookup: dict[str, str]):
    yield HeaderMatch(i, 1, _match(row, lookup), _width(row))
    for low in below:
        yield HeaderMatch(i, 2, _match_two(row, low, lookup), max(_width(row), _width(low)))


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _width(row: list[str]) -> int:
    return max((j + 1 for j, c in enumerate(row) if c.strip()), default=0)


def _match(cells: Sequence[str], lookup: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for j, c in enumerate(cells):
        name = lookup.get(norm_header(c))
        if name and name not in found:
            found[name] = j
    return found


def _match_two(upper: list[str], lower: list[str], lookup: dict[str, str]) -> dict[str, int]:
    """Match a two-row header: sub-header, own upper cell, or group + sub-header."""
    found: dict[str, int] = {}
    group = ""
    for j in range(max(len(upper), len(lower))):
        up = upper[j] if j < len(upper) else ""
        low = lower[j] if j < len(lower) else ""
        group = up if up.strip() else group
        for text in (low, up, group + low):
            name = lookup.get(norm_header(text))
            if name:
                found.setdefault(name, j)
                break
    return found
