"""The audit's checks. Each takes (context, facts) and returns (findings, checks made)."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from .audit import Check, Finding
from .facts import Fact, plain

_COUNT_EXCLUDED_UNITS = {"%", "个百分点", "位次", "名次"}
_UP = ("提高", "提升", "上升", "增长", "增加")
_DOWN = ("下降", "降低", "减少", "压缩", "缩短", "缩减", "减至", "降至")
_SHARE = re.compile(r"(占比|比例|比重)$")
_SCOPE = re.compile(r"区属[\u4e00-\u9fff]{0,4}部门|垂直管理部门|街道办事处|乡人民政府|乡镇|街乡|街道|派出所|"
                    r"\d+个[\u4e00-\u9fff]{1,6}?(?:部门|单位)")
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


def _num(v) -> str:
    return str(plain(Decimal(v)))


def _is_count(f: Fact) -> bool:
    return f.unit not in _COUNT_EXCLUDED_UNITS and f.direction is None and not f.comparison and f.high is None


def _sentence(ctx, f: Fact) -> tuple[int, int]:
    return ctx.seg.sentence(f.w_start)


def _by_sentence(ctx, facts):
    groups = defaultdict(list)
    for f in facts:
        groups[_sentence(ctx, f)].append(f)
    return groups


def _tolerance(rate: Fact) -> Decimal:
    exponent = rate.value.normalize().as_tuple().exponent
    tol = Decimal(5) * Decimal(10) ** (min(exponent, 0) - 1)
    if rate.qualifier in ("约", "近"):
        tol = max(tol * 2, Decimal("0.5"))
    return tol


def _rate_ok(rate: Fact, computed: Decimal) -> bool:
    tol = _tolerance(rate)
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
    sentences = _by_sentence(ctx, facts)
    for r in facts:
        if r.unit != "%" or not _is_count_like_rate(r):
            continue
        share = bool(_SHARE.search(r.subject))
        if not share and not r.subject.endswith("率"):
            continue
        if share and _external_share(ctx, r):
            continue
        before = [f for f in sentences[_sentence(ctx, r)] if f.w_end <= r.w_start and _is_count(f)]
        numerator = before[-1] if share and before else None if share else _numerator(r, before)
        if numerator is None:
            continue
        pool = _share_denominators(ctx, facts, numerator) if share else \
            [f for f in before if f.w_end <= numerator.w_start and f.unit == numerator.unit and f.value >= numerator.value]
        if pool:
            _judge_rate(r, numerator, pool, findings, made)
    return findings, made


def _is_count_like_rate(r: Fact) -> bool:
    return r.direction is None and not r.comparison and r.high is None and r.kind == "rate"


def _external_share(ctx, r: Fact) -> bool:
    s, _ = _sentence(ctx, r)
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
    return [f for f in facts if p_start <= f.w_start and f.w_end <= numerator.w_start and _is_count(f)
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
            f"按所写的小数位应约为{p:.{_places(r)}f}%，与所写比率不符。",
            spans + [(d.start, d.end)], [r.text, n.text, d.text], "error", [r, n, d]))
    else:
        tried = "、".join(f"{n.text}÷{d.text}={p:.1f}%" for d, p in results)
        made.append(Check("rate", "not_checkable",
                          f"“{r.subject}”{r.text}：以{n.text}为分子，可能的分母均不能得出该比率（{tried}），"
                          f"原文未说明分母，无法核验。", spans + [(d.start, d.end) for d, _ in results]))


def _places(r: Fact) -> int:
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
        before = [f for f in facts if floor <= f.w_start and f.w_end <= m.start() and _is_count(f)]
        if not before:
            continue
        total = before[-1]
        if floor < s_start and sum(f.unit == total.unit for f in before) > 1:
            continue  # "…A 48件，B 150件。其中…": which figure is the total is not said
        members = [f for f in facts if m.end() <= f.w_start and f.w_end <= s_end and _is_count(f)
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
    listing = "+".join(_num(f.value) for f in members)
    if s == total.value:
        made.append(Check("parts", "consistent", f"{listing}={_num(s)}，与总数{total.text}相符", spans))
    elif s > total.value or word in ("包括", "分为"):
        kind = "parts_exceed_total" if s > total.value else "parts_total_mismatch"
        findings.append(Finding(
            kind, f"总数“{total.subject}{total.text}”，其后分项{listing}={_num(s)}{total.unit}，"
                  f"{'超过' if s > total.value else '不等于'}总数。", spans,
            [total.text] + [f.text for f in members], "error", [total] + members))
    else:
        made.append(Check("parts", "not_checkable",
                          f"分项{listing}={_num(s)}小于总数{total.text}，原文未说明分项是否穷尽，未作判断。", spans))


# ---------------------------------------------------------------- changes

def changes(ctx, facts):
    findings, made = [], []
    for group in _by_sentence(ctx, facts).values():
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
    for group in _by_sentence(ctx, facts).values():
        for i, c in enumerate(group):
            if c.direction is None or c.unit not in ("%", "个百分点") or not re.search(r"同比|较|比|相比", c.comparison or ""):
                continue
            base = next((f for f in reversed(group[:i]) if f.direction is None and not f.comparison), None)
            if base is None or base.period is None:
                continue
            prior = _prior_value(facts, base, _base_year(c, base))
            if prior is not None:
                _judge_growth(c, base, prior, findings, made)


def _base_year(c: Fact, base: Fact) -> int:
    m = re.search(r"((?:19|20)\d{2})年", c.comparison or "")
    return int(m.group(1)) if m else base.period - 1


def _prior_value(facts, base: Fact, year: int) -> Fact | None:
    for f in facts:
        if f is base or f.period != year or f.unit != base.unit or f.comparison or f.direction is not None:
            continue
        if (base.indicator and f.indicator == base.indicator) or _similar(f.subject, base.subject):
            return f
    return None


def _similar(a: str, b: str) -> bool:
    a, b = _strip_years(a), _strip_years(b)
    if not a or not b:
        return False
    if a == b:
        return True
    ga = {a[i:i + 2] for i in range(len(a) - 1)}
    gb = {b[i:i + 2] for i in range(len(b) - 1)}
    return bool(ga and gb) and len(ga & gb) / len(ga | gb) >= 0.6


def _strip_years(s: str) -> str:
    return re.sub(r"(?:19|20)\d{2}年度?|年初|年底|年末", "", s)


def _judge_growth(c: Fact, base: Fact, prior: Fact, findings, made) -> None:
    if prior.value == 0:
        return
    relative = (base.value - prior.value) / prior.value * 100
    points = base.value - prior.value
    candidates = [points] if c.unit == "个百分点" else [relative] + ([points] if base.unit == "%" else [])
    stated = c.value * c.direction
    tol = _tolerance(c)
    spans = [(prior.start, prior.end), (base.start, base.end), (c.start, c.end)]
    if any(abs(x - stated) <= tol for x in candidates):
        made.append(Check("change", "consistent", f"{prior.text}→{base.text}，{c.comparison}{c.text}相符", spans))
        return
    findings.append(Finding(
        "change_contradiction",
        f"{prior.period}年为{prior.text}、{base.period}年为{base.text}，按此计算变化为{candidates[0]:+.2f}"
        f"{'个百分点' if c.unit == '个百分点' else '%'}，与所写“{c.comparison}{c.text}”不符。",
        spans, [prior.text, base.text, c.text], "error", [prior, base, c]))


# ---------------------------------------------------------------- magnitudes

def magnitudes(ctx, facts):
    findings = []
    for f in facts:
        if f.unit == "%" and _is_count_like_rate(f) and f.subject.endswith("率") and f.value > 100 \
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
    if not _is_count(f):
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
    s = _sentence(ctx, f)
    peers = [g for g in facts if _sentence(ctx, g) == s and g is not f and _is_count(g) and g.unit == f.unit]
    if peers:
        g = peers[0]
        msg += f"同句“{g.subject}{g.text}”仅为其{g.value / f.value * 100:.4f}%。"
    if re.search(r"\d{4,}(?:\.\d+)?万", f.text):
        msg += f"疑为误写“万”字（应为{_num(f.value / 10000)}{f.unit}）。"
    return msg


def _human(v) -> str:
    v = Decimal(v)
    if v >= 10**8:
        return f"{_num((v / 10**8).quantize(Decimal('0.01')))}亿"
    if v >= 10**4:
        return f"{_num((v / 10**4).quantize(Decimal('0.01')))}万"
    return _num(v)


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
            clash = [b for b in group[i + 1:] if id(b) not in seen and _same_figure(a, b) and not _agree(a, b)]
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
    ga, gb = _bigrams(_strip_years(a.subject)), _bigrams(_strip_years(b.subject))
    if not ga or not gb:
        return False
    common = len(ga & gb)
    if _is_table(a) != _is_table(b):
        return common / min(len(ga), len(gb)) >= 0.5
    return common / len(ga | gb) >= 0.5


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _agree(a: Fact, b: Fact) -> bool:
    """Equal once the more precise value is rounded like the less precise one (and 约 widens)."""
    places = min(_places(a), _places(b))
    ra, rb = (round(x.value, places) for x in (a, b))
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
