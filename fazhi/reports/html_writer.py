"""HTML of a drafted document, for the preview and the public portal: a self-contained fragment (charts inline as
PNG data) in which every figure links to the records behind it and to its line in the provenance appendix,
which in turn links to the indicator's page.
"""
from __future__ import annotations

import base64
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import escape

from .document import Block, Draft, Figure, Run


def indicator_url(f: Figure | dict) -> str:
    code, unit, period = (f.indicator, f.unit_code, f.period) if isinstance(f, Figure) else (
        f['indicator'], f['unit_code'], f['period'])
    return reverse('indicators:indicator', args=[code]) + '?' + urlencode({'unit': unit, 'period': period})


def records_url(f: Figure) -> str:
    return reverse('indicators:records', args=[f.indicator]) + '?' + urlencode(
        {'unit': f.unit_code, 'period': f.period, 'part': f.drill_part})


class HtmlWriter:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.figures = {f.ref: f for f in draft.figures}

    def runs(self, runs: list[Run]) -> str:
        out = []
        for run in runs:
            text = escape(run.text)
            if run.ref is not None and run.ref in self.figures:
                f = self.figures[run.ref]
                title = escape(f'{f.indicator_name}（{f.indicator}），{f.unit_name}，{f.period}'
                               + (f'，记录{f.records}条' if f.records is not None else '') + '。点击查看明细记录')
                out.append(f'<a class="fz-fig" id="fig-{f.ref}" href="{escape(records_url(f))}" title="{title}" '
                           f'data-ref="{f.ref}" data-indicator="{escape(f.indicator)}">{text}</a>')
            elif run.gap:
                out.append(f'<mark class="fz-gap">{text}</mark>')
            elif run.bold:
                out.append(f'<strong>{text}</strong>')
            else:
                out.append(text)
        return ''.join(out)

    def block(self, block: Block) -> str:
        if block.kind == 'heading':
            tag = f'h{block.level + 1}'
            return f'<{tag} id="{block.anchor}" class="fz-h{block.level}">{escape(block.heading_text)}</{tag}>'
        if block.kind == 'paragraph':
            edit = f' data-narrative="{escape(block.narrative)}"' if block.narrative else ''
            return f'<p{edit}>{self.runs(block.runs)}</p>'
        if block.kind == 'table':
            head = ''.join(f'<th>{escape(h)}</th>' for h in block.header)
            body = ''.join('<tr>' + ''.join(f'<td>{self.runs(cell)}</td>' for cell in row) + '</tr>'
                           for row in block.rows)
            return (f'<div class="table-responsive"><table class="table table-sm table-bordered fz-table">'
                    f'<caption>{escape(block.caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
                    f'</table></div>')
        if block.kind == 'chart' and block.chart is not None and block.chart.png:
            data = base64.b64encode(block.chart.png).decode()
            return (f'<figure class="fz-chart"><img src="data:image/png;base64,{data}" alt="{escape(block.caption)}">'
                    f'<figcaption>{escape(block.caption)}</figcaption></figure>')
        if block.kind == 'toc':
            items = ''.join(f'<li class="fz-toc{b.level}"><a href="#{b.anchor}">{escape(b.heading_text)}</a></li>'
                            for b in self.draft.headings() if b.in_toc)
            return f'<nav class="fz-toc"><h2>目　录</h2><ul>{items}</ul></nav>'
        return ''

    def appendix(self, block: Block) -> str:
        rows = []
        for f in self.draft.figures:
            counts = f'{f.numerator:g} / {f.denominator:g}' if f.denominator is not None and f.part != 'change' else (
                f'{f.numerator:g}' if f.numerator is not None and f.part != 'change' else '')
            period = escape(f.period if not f.compared_period else f'{f.period} 较 {f.compared_period}')
            rows.append(
                f'<tr id="src-{f.ref}"><td><a href="#fig-{f.ref}">{f.ref}</a></td><td>{escape(f.text)}</td>'
                f'<td><a href="{escape(indicator_url(f))}">{escape(f.indicator_name)}</a><br>'
                f'<code>{escape(f.indicator)}</code></td><td>{escape(f.unit_name)}</td><td>{period}</td>'
                f'<td>{counts}</td>'
                f'<td>{"" if f.records is None else f.records}</td>'
                f'<td><a href="{escape(records_url(f))}">明细记录</a></td></tr>')
        charts = ''.join(
            f'<tr><td>图{c.number}</td><td><a href="{escape(indicator_url(s))}">{escape(s["name"])}</a></td>'
            f'<td>{escape(s["unit"])}</td><td>{escape(s["period"])}</td></tr>'
            for c in self.draft.charts for s in c.sources)
        gaps = ''.join(f'<li>{escape(g.section)}：{escape(g.message)}</li>' for g in self.draft.missing)
        as_of = self.draft.data_as_of
        return (f'<section class="fz-appendix" id="sources"><h2>{escape(block.text)}</h2>'
                f'<p class="small">本文中的数字均由平台指标引擎根据业务记录自动生成'
                f'{f"（数据截至{as_of:%Y年%m月%d日 %H:%M}）" if as_of else ""}。点击正文中的数字可查看其所依据的明细记录。</p>'
                f'<div class="table-responsive"><table class="table table-sm table-striped small fz-sources">'
                f'<thead><tr>'
                f'<th>序号</th><th>表述</th><th>指标</th><th>统计单位</th><th>期间</th><th>分子 / 分母</th><th>记录数</th>'
                f'<th>明细</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
                + (f'<h3 class="h6">图表数据来源</h3><table class="table table-sm small"><tbody>{charts}</tbody></table>'
                   if charts else '')
                + (f'<h3 class="h6">暂缺数据</h3><ul class="small">{gaps}</ul>' if gaps else '') + '</section>')

    def write(self) -> str:
        d = self.draft
        parts = ['<article class="fz-report">']
        if d.kind == 'bulletin':
            parts.append(f'<header class="fz-masthead"><h1>{escape(d.title)}</h1>'
                         f'<p class="fz-issue">{escape(d.subtitle)}</p><p class="fz-issuer"><span>{escape(d.issuer)}'
                         f'</span><span>{escape(d.date_line)}</span></p></header>')
        else:
            parts.append(f'<header><h1 class="fz-title">{escape(d.title)}</h1>'
                         + (f'<p class="fz-subtitle">{escape(d.subtitle)}</p>' if d.subtitle else '') + '</header>')
        for block in d.blocks:
            if block.kind == 'appendix':
                if d.kind != 'whitepaper':
                    parts.append(f'<p class="fz-signature">{escape(d.issuer)}<br>{escape(d.date_line)}</p>')
                parts.append(self.appendix(block))
            else:
                parts.append(self.block(block))
        parts.append('</article>')
        return '\n'.join(p for p in parts if p)


STYLE = """
.fz-report{max-width:52rem;margin:0 auto;font-size:1.05rem;line-height:1.9;
  font-family:"Noto Serif CJK SC","FangSong","仿宋",serif}
.fz-report p{text-indent:2em;margin:0 0 .4rem}
.fz-report .fz-title,.fz-masthead h1{text-align:center;font-weight:700;font-size:1.6rem;margin:1rem 0}
.fz-masthead h1{color:#c00000;font-size:2rem}
.fz-masthead .fz-issue{text-align:center;text-indent:0}
.fz-masthead .fz-issuer{display:flex;justify-content:space-between;border-bottom:3px solid #c00000;text-indent:0}
.fz-report .fz-subtitle{text-align:center;text-indent:0}
.fz-report h2,.fz-report h3,.fz-report h4{font-size:1.1rem;margin:1rem 0 .4rem;text-indent:2em}
.fz-report h2.fz-h1{font-family:"Noto Sans CJK SC","SimHei",sans-serif}
.fz-report a.fz-fig{color:inherit;text-decoration:underline dotted #9b1c1c}
.fz-report mark.fz-gap{background:#fff3cd;color:#b00020}
.fz-report figure{text-align:center;margin:1rem 0}.fz-report figure img{max-width:100%}
.fz-report figcaption,.fz-report caption{text-align:center;caption-side:top;font-size:.9rem;color:#333}
.fz-report .fz-toc ul{list-style:none;padding-left:0}
.fz-report .fz-toc2{padding-left:1.5em}.fz-report .fz-toc3{padding-left:3em}
.fz-report .fz-signature{text-align:right;text-indent:0;margin-top:1.5rem}
.fz-report .fz-appendix{margin-top:2rem;border-top:1px solid #ccc;font-family:sans-serif}
.fz-report .fz-appendix p{text-indent:0}
"""


def write_html(draft: Draft) -> str:
    return HtmlWriter(draft).write()


def standalone(title: str, fragment: bytes) -> bytes:
    """A stored fragment as a whole page (downloads and the CLI's --out)."""
    head = (f'<!doctype html><html lang="zh-hans"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<style>{STYLE}</style></head><body>')
    return head.encode('utf-8') + fragment + b'</body></html>'
