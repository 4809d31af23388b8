"""The original text of a report as HTML, with every fact and every finding's spans highlighted.

The text is cut at every span boundary; each piece is wrapped in a <span> that names the facts and
findings covering it (`data-facts`, `data-findings`), so overlapping spans (three facts sharing one
“均达100%”, a fact inside a duplicated paragraph) need no nesting. Hovering shows the facts' values in
the `title`; the page's script shows the details on click.
"""
from __future__ import annotations

from typing import Any, Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import ReportFact, ReportFinding


def fact_title(f: ReportFact, names: dict[str, str]) -> str:
    parts = [f'数值：{f.value_text}{f.unit}' + (f'（{f.qualifier}）' if f.qualifier else '')]
    if f.subject:
        parts.append(f'主题：{f.subject}')
    if f.indicator:
        parts.append(f'指标：{names.get(f.indicator, f.indicator)}（{f.indicator}）')
    if f.comparison:
        parts.append(f'比较：{f.comparison}')
    parts.append(f'年份：{f.period or "未识别"}')
    return '；'.join(parts)


def render(text: str, facts: Iterable[ReportFact], findings: Iterable[ReportFinding],
           noise: Iterable[Iterable[int]] = (), names: dict[str, str] | None = None) -> SafeString:
    names = names or {}
    facts = list(facts)
    findings = list(findings)
    size = len(text)
    # boundary -> (facts starting, facts ending, finding places starting, ending)
    marks: dict[int, list[list[Any]]] = {}

    def add(pos: int, slot: int, item: Any) -> None:
        marks.setdefault(max(0, min(size, pos)), [[], [], [], []])[slot].append(item)

    for f in facts:
        if f.end > f.start:
            add(f.start, 0, f)
            add(f.end, 1, f)
    for g in findings:
        for n, (s, e) in enumerate(g.spans):
            if e > s:
                add(s, 2, (g, n))
                add(e, 3, (g, n))
    for s, e in noise:
        marks.setdefault(max(0, min(size, s)), [[], [], [], []])
        marks.setdefault(max(0, min(size, e)), [[], [], [], []])
    noise_spans = sorted((s, e) for s, e in noise)
    cuts = sorted({0, size, *marks})
    open_facts: dict[int, ReportFact] = {}
    open_places: dict[tuple[int, int], ReportFinding] = {}
    anchored: set[int] = set()
    anchored_places: set[tuple[int, int]] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        ends_and_starts = marks.get(a)
        if ends_and_starts:
            for f in ends_and_starts[1]:
                open_facts.pop(f.pk, None)
            for g, n in ends_and_starts[3]:
                open_places.pop((g.pk, n), None)
            for f in ends_and_starts[0]:
                open_facts[f.pk] = f
            for g, n in ends_and_starts[2]:
                open_places[(g.pk, n)] = g
        piece = escape(text[a:b])
        in_noise = any(s <= a < e for s, e in noise_spans)
        if not open_facts and not open_places:
            out.append(f'<span class="noise">{piece}</span>' if in_noise else piece)
            continue
        classes = ['hl']
        attrs = []
        ids = []
        if open_facts:
            classes.append('hl-fact')
            keys = sorted(open_facts)
            attrs.append(f'data-facts="{",".join(map(str, keys))}"')
            attrs.append(f'title="{escape(" ｜ ".join(fact_title(open_facts[k], names) for k in keys))}"')
            for k in keys:
                if k not in anchored and open_facts[k].start == a:
                    anchored.add(k)
                    ids.append(f'fact-{k}')
        if open_places:
            classes.append('hl-finding')
            seqs = sorted({g.seq for g in open_places.values()})
            attrs.append(f'data-findings="{",".join(map(str, seqs))}"')
            for (pk, n), g in sorted(open_places.items()):
                if (pk, n) not in anchored_places and g.spans[n][0] == a:
                    anchored_places.add((pk, n))
                    ids.append(f'finding-{g.seq}' if n == 0 else f'finding-{g.seq}-{n}')
        if in_noise:
            classes.append('noise')
        anchors = ''.join(f'<a id="{i}" class="hl-anchor"></a>' for i in ids)
        out.append(f'{anchors}<span class="{" ".join(classes)}" {" ".join(attrs)} tabindex="0">{piece}</span>')
    return mark_safe(''.join(out))
