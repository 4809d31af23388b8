"""Tables whose cells are still apart: rows split by '|' or tabs (HTML and DOCX readers, Markdown,
exported statistics). A row of numbers takes its column names from the nearest header row above
with the same number of cells, and its units from the header cells ("罚没金额(万元)") or from a
caption line just above the header ("行政处罚实施数量(宗)")."""

from __future__ import annotations

import re
from decimal import Decimal

from .facts import Fact
from .lexicon import UNITS

_SPLIT = re.compile(r"\s*[|｜\t]\s*")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?%?")
_UNIT_IN = re.compile(r"[(（]\s*([^()（）]{1,6}?)\s*[)）]")
_SCALES = {"万元": ("元", 10**4), "亿元": ("元", 10**8), "万人": ("人", 10**4), "万件": ("件", 10**4)}


def extract(ctx) -> tuple[list[Fact], set[int]]:
    """Facts from delimited table rows, and the working offsets of those rows' lines."""
    lines = _lines(ctx.w)
    facts: list[Fact] = []
    used: set[int] = set()
    for i, (start, text) in enumerate(lines):
        cells = _cells(text)
        if len(cells) < 2 or not all(_NUMBER.fullmatch(c) for _, c in cells[1:]):
            continue
        label = None if _NUMBER.fullmatch(cells[0][1]) else cells[0][1]
        numbers = cells[1:] if label else cells
        header = _header(lines, i, len(cells), len(numbers))
        if header is None:
            continue
        names, caption_unit = header
        row = _row_facts(ctx, start, label, numbers, names, caption_unit)
        if row:
            facts.extend(row)
            used.add(start)
    return facts, used


def _lines(w: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for raw in w.split("\n"):
        out.append((pos, raw))
        pos += len(raw) + 1
    return out


def _cells(line: str) -> list[tuple[int, str]]:
    """(offset, text) of the non-empty cells of a delimited line; [] when it is not delimited."""
    if not ("|" in line or "｜" in line or "\t" in line):
        return []
    out, pos = [], 0
    for part in re.split(r"([|｜\t])", line):
        if part not in ("|", "｜", "\t") and part.strip():
            out.append((pos + len(part) - len(part.lstrip()), part.strip()))
        pos += len(part)
    return out


def _header(lines, i: int, n_cells: int, n_numbers: int):
    """Column names for the numbers of row i, and a caption unit, from the lines above."""
    for j in range(i - 1, max(-1, i - 4), -1):
        cells = [c for _, c in _cells(lines[j][1])]
        if not cells or all(_NUMBER.fullmatch(c) for c in cells):
            continue
        if len(cells) in (n_cells, n_numbers):
            names = cells[-n_numbers:]
            caption = next((u for k in range(j - 1, max(-1, j - 3), -1)
                            for u in _UNIT_IN.findall(lines[k][1]) if _known(u)), None)
            return names, caption
    return None


def _known(unit: str) -> bool:
    return unit in UNITS or unit in _SCALES or unit in ("%", "％")


def _row_facts(ctx, line_start, label, numbers, names, caption_unit) -> list[Fact]:
    facts = []
    for (offset, text), name in zip(numbers, names):
        own = [u for u in _UNIT_IN.findall(name) if _known(u)]
        unit = own[-1] if own else ("%" if text.endswith("%") else caption_unit)
        if unit is None:
            continue
        value = Decimal(text.rstrip("%").replace(",", ""))
        norm, scale = _SCALES.get(unit, (UNITS.get(unit, unit.replace("％", "%")), 1))
        ws = line_start + offset
        start, end, original = ctx.span(ws, ws + len(text))
        subject = _UNIT_IN.sub("", name).strip()
        fact = Fact(original, start, end, value * scale, norm, f"{label or ''}{subject}", None, None, None, None,
                    None, ctx.main_year, ctx.region, ctx.doc.source, "rate" if norm == "%" else "count", "high",
                    f"表格:{label or ''}|{subject}", ws, ws + len(text), "")
        from .extract import indicator

        fact.indicator = indicator(ctx, fact.subject, "", norm, ws)
        facts.append(fact)
    return facts
