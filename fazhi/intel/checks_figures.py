"""Audit checks of single figures: implausible magnitudes, rates above 100%, the same figure stated
twice with different values, and duplicated paragraphs."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from .audit import Finding
from .checks import bigrams, is_count, is_count_like_rate, num, places, sentence_of, strip_years
from .facts import Fact

_SCOPE = re.compile(r"区属[\u4e00-\u9fff]{0,4}部门|垂直管理部门|街道办事处|乡人民政府|乡镇|街乡|街道|派出所|"
                    r"\d+个[\u4e00-\u9fff]{1,6}?(?:部门|单位)")
_LINE_LABEL = re.compile(r"\s*([^，,。；;:：\n]{2,14})[:：]")
# (words in what is counted, units, the most a district could report)
_LIMITS = (
    (re.compile(r"调解|调处|纠纷|受案"), {"件", "起", "宗", "件次"}, 2_000_000, "矛盾纠纷调解"),
    (re.compile(r"复议"), {"件"}, 100_000, "行政复议"),
    (re.compile(r"诉讼|应诉"), {"件"}, 100_000, "行政诉讼"),
    (re.compile(r"法律援助"), {"件"}, 500_000, "法律援助"),
    (re.compile(r""), {"件", "起", "宗", "例", "件次"}, 50_000_000, "案件和事项"),
    (re.compile(r""), {"人", "名"}, 30_000_000, "人数"),
    (re.compile(r""), {"户", "家"}, 10_000_000, "户数和单位数"),
)


def magnitudes(ctx, facts):
    findings = []
    for f in facts:
        if f.unit == "%" and is_count_like_rate(f) and f.subject.endswith("率") and f.value > 100 \
                and not re.search(r"增长率|增幅|增速", f.subject):
            findings.append(Finding("rate_over_100", f"“{f.subject}”为{f.text}，比率不应超过100%。",
                                    [(f.start, f.end)], [f.text], "error", [f]))
            continue
        limit = _limit(f, 1 if ctx.region else 100)
        if limit and f.value > limit[0]:
            findings.append(Finding("implausible_magnitude", _magnitude_message(ctx, facts, f, *limit),
                                    [(f.start, f.end)], [f.text], "error", [f]))
    return findings, []


def _limit(f: Fact, scale: int):
    """(limit, label) for a count; limits are for a district, `scale` widens them for a city, a
    province or the country (reports that name no district)."""
    if not is_count(f):
        return None
    what = f.subject + f.right[:8]
    for rx, units, limit, label in _LIMITS:
        if f.unit in units and rx.search(what):
            return limit * scale, label
    return None


def _magnitude_message(ctx, facts, f: Fact, limit: int, label: str) -> str:
    level = "一个区（县）" if ctx.region else "一个省（市）"
    msg = (f"“{f.subject}{f.text}”即{_human(f.value)}{f.unit}，远超{level}{label}的合理量级"
           f"（不超过约{_human(limit)}{f.unit}）。")
    s = sentence_of(ctx, f)
    peers = [g for g in facts if sentence_of(ctx, g) == s and g is not f and is_count(g) and g.unit == f.unit]
    if peers:
        g = peers[0]
        msg += f"同句“{g.subject}{g.text}”仅为其{g.value / f.value * 100:.4f}%。"
    if re.search(r"\d{4,}(?:\.\d+)?万", f.text):
        msg += f"疑为误写“万”字（应为{num(f.value / 10000)}{f.unit}）。"
    return msg


def _human(v) -> str:
    v = Decimal(v)
    if v >= 10**8:
        return f"{num((v / 10**8).quantize(Decimal('0.01')))}亿"
    if v >= 10**4:
        return f"{num((v / 10**4).quantize(Decimal('0.01')))}万"
    return num(v)


# ---------------------------------------------------------------- repeated figures

def repeats(ctx, facts):
    """The same figure (same indicator, period, unit, scope and nearly the same wording) stated
    with values that do not agree even after rounding."""
    findings = []
    groups = defaultdict(list)
    for f in facts:
        if f.indicator and not f.comparison and f.direction is None and f.kind != "rank" and f.high is None:
            groups[(f.indicator, f.period, f.unit, _scope(ctx, f))].append(f)
    seen: set[int] = set()
    for (code, period, _unit, _scope_), group in groups.items():
        for i, a in enumerate(group):
            clash = [b for b in group[i + 1:] if id(b) not in seen and _same_figure(a, b) and not _agree(a, b)
                     and ctx.seg.line(a.w_start) != ctx.seg.line(b.w_start)]  # a restatement is elsewhere
            if not clash or id(a) in seen:
                continue
            members = [a] + clash
            seen.update(id(x) for x in members)
            listing = "；".join(_shown(f) for f in members)
            findings.append(Finding("inconsistent_repeat", f"同一指标（{code}，{period}年）前后出现不同数值：{listing}。",
                                    [(f.start, f.end) for f in members], [f.text for f in members], "warning",
                                    members))
    return findings, []


def _is_table(f: Fact) -> bool:
    return (f.note or "").startswith("表格:")


def _same_figure(a: Fact, b: Fact) -> bool:
    """Nearly the same subject words; a table's short column header need only be contained."""
    ga, gb = bigrams(strip_years(a.subject)), bigrams(strip_years(b.subject))
    if not ga or not gb:
        return False
    common = len(ga & gb)
    if _is_table(a) != _is_table(b):
        return common / min(len(ga), len(gb)) >= 0.5
    return common / len(ga | gb) >= 0.6


def _agree(a: Fact, b: Fact) -> bool:
    """Equal once the more precise value is rounded like the less precise one (and 约 widens)."""
    digits = min(places(a), places(b))
    ra, rb = (round(x.value, digits) for x in (a, b))
    if ra == rb:
        return True
    if a.qualifier in ("约", "近") or b.qualifier in ("约", "近"):
        return abs(a.value - b.value) <= max(abs(a.value), abs(b.value)) * Decimal("0.05")
    return False


def _shown(f: Fact) -> str:
    if not (f.note or "").startswith("表格:"):
        return f"“{f.subject}”{f.text}"
    label = f.note[3:].split("|")[0]
    doubt = "，由连写数字拆分，置信度低" if f.confidence == "low" else ""
    return f"表格“{label}”行“{f.subject}”{f.text}{f.unit}（{doubt.lstrip('，') or '表格'}）"


def _scope(ctx, f: Fact) -> str | None:
    """Which part of the administration a figure is about (街道, 垂直管理部门 …), if the text says."""
    if f.note and f.note.startswith("表格:"):
        label = f.note[3:].split("|")[0]
        return None if re.match(r"(?:19|20)\d{2}", label) else label
    p_start, _ = ctx.seg.line(f.w_start)
    label = _LINE_LABEL.match(ctx.w, p_start)
    if label and label.end() <= f.w_start:
        return label.group(1)  # 涡阳县：…  利辛县：…
    s_start, _ = ctx.seg.sentence(f.w_start)
    for floor in (s_start, p_start):
        found = list(_SCOPE.finditer(ctx.w, floor, f.w_start))
        if found:
            return re.sub(r"\d+个", "", found[-1].group())
    return None


# ---------------------------------------------------------------- duplicated paragraphs

def paragraphs(ctx, facts):
    doc = ctx.doc
    noisy = [range(s, e + 1) for s, e in doc.noise]
    seen = defaultdict(list)
    pos = 0
    for line in doc.text.split("\n"):
        key = re.sub(r"\s+", "", line)
        if len(key) >= 30 and not any(pos in r for r in noisy):
            seen[key].append((pos, pos + len(line)))
        pos += len(line) + 1
    findings = []
    for key, spans in seen.items():
        if len(spans) > 1:
            findings.append(Finding("duplicate_paragraph",
                                    f"以下段落重复出现{len(spans)}次：“{key[:30]}……”（共{len(key)}字）。",
                                    spans, [key[:30]] * len(spans), "warning"))
    return findings, []
