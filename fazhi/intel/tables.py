"""Tables flattened into text.

A header line names its columns with units in brackets — "年度区级涉企事项进驻政务中心(项)涉企事项进驻率(%)" —
and the rows below it are a label followed by the cells, either separated (tabs, spaces) or run
together into one string of digits ("2021年129098.1" is 2021 | 1290 | 98.1). Run-together rows are
split by trying every cut: cells must be well-formed numbers, percentages at most 100, and the split
is chosen by the values the text states elsewhere (high confidence), by agreement with the other
rows of the table (medium), or by weak priors only (low confidence).
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import combinations

from .facts import Fact
from .lexicon import UNITS

_HEADER_CELL = re.compile(r"([^()（）\t\n]*?)[(（]\s*([^()（）]{1,6}?)\s*[)）]")
_ROW = re.compile(r"^\s*(?P<label>(?:19|20)\d{2}\s*年度?|[\u4e00-\u9fffA-Za-z]{1,12}?)\s*(?P<cells>\d[\d.,\s\t]*?)\s*$")
_LABEL_HEAD = re.compile(r"^(年度|年份|年|单位|地区|区域|类别|类型|项目|事项|名称|部门|街乡|时间)")
_CELL = re.compile(r"0|0\.\d+|[1-9]\d*(?:\.\d+)?")
_MAX_DIGITS = 24


def extract(ctx, tokens) -> tuple[list[Fact], set[int]]:
    """Facts from every flattened table, and the working offsets of the lines they occupy.

    `tokens` are the numbers of the whole text (values stated elsewhere confirm a split)."""
    facts: list[Fact] = []
    lines: set[int] = set()
    text_values = None
    for header_start, columns, rows in _tables(ctx.w):
        if text_values is None:
            text_values = {t.value for t in tokens if not t.chinese}
        lines.add(header_start)
        lines.update(r[0] for r in rows)
        facts.extend(_table_facts(ctx, columns, rows, text_values))
    return facts, lines


def _tables(w: str):
    """(header line start, [(column name, unit)], [(line start, label, cells text, cells start)])."""
    pos = 0
    lines = []
    for raw in w.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    i = 0
    while i < len(lines):
        columns = _header(lines[i][1])
        if columns:
            rows, j = _rows(lines, i + 1)
            if rows:
                yield lines[i][0], columns, rows
                i = j
                continue
        i += 1


def _header(line: str):
    if len(line) > 200 or line.count("(") + line.count("（") < 2:
        return None
    cells = _HEADER_CELL.findall(line)
    if len(cells) < 2 or not all(u.strip() in UNITS or u.strip() in ("%", "％", "万元", "亿元", "万人") for _, u in cells):
        return None
    columns = []
    for k, (name, unit) in enumerate(cells):
        name = name.strip()
        if k == 0:
            name = _LABEL_HEAD.sub("", name) or name
        unit = unit.strip().replace("％", "%")
        columns.append((name, unit))
    return columns


def _rows(lines, i):
    rows = []
    while i < len(lines):
        start, raw = lines[i]
        if not raw.strip():
            i += 1
            continue
        m = _ROW.match(raw)
        if not m:
            break
        rows.append((start, m.group("label").strip(), m.group("cells"), start + m.start("cells")))
        i += 1
    return rows, i


def _table_facts(ctx, columns, rows, text_values) -> list[Fact]:
    splits = [_candidates(cells, columns) for _, _, cells, _ in rows]
    chosen = _choose(splits, text_values)
    facts = []
    for (line_start, label, cells, cells_start), pick in zip(rows, chosen):
        if pick is None:
            continue
        cut, confidence = pick
        facts.extend(_row_facts(ctx, columns, label, cells_start, cut, confidence))
    return facts


def _candidates(cells: str, columns) -> list[list[tuple[int, str]]]:
    """All ways to read the row's cells: [(offset in cells text, cell text)] per column."""
    parts = [(m.start(), m.group()) for m in re.finditer(r"[\d.,]+", cells)]
    k = len(columns)
    if len(parts) == k:
        return [parts] if all(_valid(p, c) for (_, p), c in zip(parts, columns)) else []
    if len(parts) != 1 or len(parts[0][1]) > _MAX_DIGITS:
        return []
    base, digits = parts[0]
    out = []
    for cuts in combinations(range(1, len(digits)), k - 1):
        bounds = (0, *cuts, len(digits))
        cellset = [(base + bounds[n], digits[bounds[n]:bounds[n + 1]]) for n in range(k)]
        if all(_valid(p, c) for (_, p), c in zip(cellset, columns)):
            out.append(cellset)
    return out


def _valid(text: str, column) -> bool:
    if not _CELL.fullmatch(text.replace(",", "")):
        return False
    return column[1] != "%" or Decimal(text) <= 100


def _choose(splits, text_values):
    """Per row: (cells, confidence) or None when nothing fits."""
    known = []
    for cands in splits:
        scored = sorted(((sum(Decimal(t) in text_values for _, t in c), c) for c in cands), key=lambda x: -x[0])
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            known.append((scored[0][1], "high" if scored[0][0] == len(scored[0][1]) else "medium"))
        elif len(cands) == 1:
            known.append((cands[0], "high"))
        else:
            known.append(None)
    shape = _shape([k[0] for k in known if k])
    out = []
    for cands, pick in zip(splits, known):
        if pick or not cands:
            out.append(pick)
            continue
        same = [c for c in cands if shape and _cell_shape(c) == shape]
        if len(same) == 1:
            out.append((same[0], "medium"))
        else:
            out.append((max(cands, key=_prior), "low"))
    return out


def _cell_shape(cells) -> tuple:
    return tuple((len(t.split(".")[0]), "." in t) for _, t in cells)


def _shape(chosen):
    shapes = {_cell_shape(c) for c in chosen}
    return shapes.pop() if len(shapes) == 1 else None


def _prior(cells) -> tuple:
    """Weak preferences: two-digit percentages and whole counts read more naturally."""
    return tuple(len(t.split(".")[0]) for _, t in cells[-1:]) + (-sum("." in t for _, t in cells[:-1]),)


def _row_facts(ctx, columns, label, cells_start, cells, confidence) -> list[Fact]:
    year = re.match(r"((?:19|20)\d{2})", label)
    facts = []
    for (offset, text), (name, unit) in zip(cells, columns):
        ws = cells_start + offset
        we = ws + len(text)
        start, end, original = ctx.span(ws, we)
        value = Decimal(text.replace(",", ""))
        norm_unit, value = _unit_value(unit, value)
        subject = name if year else f"{label}{name}"
        fact = Fact(original, start, end, value, norm_unit, subject, None, None, None, None, None,
                    int(year.group(1)) if year else ctx.main_year, ctx.region, ctx.doc.source,
                    "rate" if norm_unit == "%" else "count", confidence, f"表格:{label}|{name}", ws, we, "")
        from .extract import indicator

        fact.indicator = indicator(ctx, subject, "", norm_unit, ws)
        facts.append(fact)
    return facts


def _unit_value(unit: str, value: Decimal) -> tuple[str, Decimal]:
    if unit in ("万元", "万人"):
        return unit[1:], value * 10000
    if unit == "亿元":
        return "元", value * 10**8
    return UNITS.get(unit, unit), value
