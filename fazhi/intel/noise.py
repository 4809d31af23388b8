"""Boilerplate lines of scraped pages: navigation, metadata, share buttons, footers, advertising,
tables of contents. They stay in the text (offsets must not move) but are listed as noise spans."""

from __future__ import annotations

import re

_NAV = re.compile(
    r"(当前位置|您的位置|您现在的位置|首页\s*[>›»/]|上一篇|下一篇|分享到|打印本页|关闭窗口|【打印】|【关闭】|扫一扫|"
    r"二维码|字体[:：\s]|字号|责任编辑|^编辑[:：]|^审核[:：]|^来源[:：]|发布时间|发布日期|浏览次数|阅读次数|点击数|"
    r"信息来源|版权所有|Copyright|©|主办单位|承办单位|网站标识码|ICP备|公网安备|技术支持|联系我们|网站地图|"
    r"注册会员|会员|搜本站|站内搜索|手机版|有害信息举报|咨询热线|客服|^搜索$|^list$|^意\s*见$|^反\s*馈$|"
    r"^在\s*线$|^沟\s*通$|标讯|招标网|www\.|https?://|\.pdf$|\.docx?$|查看完整版本|发表于|^页\s*[:：])",
    re.I,
)
_TOC = re.compile(r"(\.{2,}|…+|·{3,}|-{3,})\s*\d+\s*$")
_TAIL_MARKERS = re.compile(r"(扫一扫在手机|二维码|分享到|【打印本页】|【关闭窗口】|上一篇|下一篇|相关链接|相关阅读|"
                           r"责任编辑|^编辑[:：]|版权所有|本条信息受|信息来源[:：])")
_SHORT = 60
_TAIL_MAX = 3000  # characters: a page footer is never longer
_TAIL_LINE_MAX = 160  # a footer has no paragraph longer than this


def detect_noise(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of boilerplate lines, plus everything after a page-chrome marker near the end."""
    spans: list[tuple[int, int]] = []
    lines = list(_lines(text))
    tail_from = _tail_start(lines, len(text))
    for start, end, line in lines:
        if start >= tail_from:
            break
        if _is_noise_line(line):
            spans.append((start, end))
    if tail_from < len(text):
        spans.append((tail_from, len(text)))
    return tuple(_merge(spans))


def _lines(text: str):
    pos = 0
    for raw in text.split("\n"):
        yield pos, pos + len(raw), raw.strip()
        pos += len(raw) + 1


def _is_noise_line(line: str) -> bool:
    if not line:
        return False
    if _TOC.search(line):
        return True
    return len(line) <= _SHORT and bool(_NAV.search(line))


def _tail_start(lines, length: int) -> int:
    """Start of the page footer: the first chrome marker line near the end after which no
    paragraph of article length follows."""
    longest_after = 0
    tail = length
    for start, _end, line in reversed(lines):
        if length - start > _TAIL_MAX:
            break
        if start >= length * 0.6 and len(line) <= 120 and _TAIL_MARKERS.search(line) \
                and longest_after <= _TAIL_LINE_MAX:
            tail = start
        longest_after = max(longest_after, len(line))
    return tail


def _merge(spans):
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def guess_title(text: str, noise) -> str | None:
    """The first short non-boilerplate line that reads like a headline."""
    noisy = [range(s, e + 1) for s, e in noise]
    for start, _end, line in _lines(text[:5000]):
        if any(start in r for r in noisy) or not line:
            continue
        if 8 <= len(line) <= 60 and not line.endswith(("。", ";", ";", ",", ",")):
            return line
        if len(line) > 60:
            return None
    return None
