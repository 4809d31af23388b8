"""HTML pages to text: drop site chrome, keep the article, keep table cells apart."""

from __future__ import annotations

import re

_DROP_TAGS = ("script", "style", "noscript", "iframe", "nav", "header", "footer", "aside", "form", "button",
              "select", "input", "textarea", "svg", "canvas", "template", "object", "embed", "map")
_NOISE_TOKENS = {
    "nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "share", "sharing", "bdshare",
    "footer", "foot", "copyright", "sidebar", "side", "aside", "ad", "ads", "advert", "advertisement", "banner",
    "comment", "comments", "qrcode", "qr", "ewm", "toolbar", "login", "search", "related", "recommend",
    "pagination", "pager", "print", "top", "topbar", "header", "head", "dh", "daohang", "weixin", "wechat",
    "position", "location", "fenxiang", "guanggao", "links", "friendlink",
}
_BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
           "table", "tbody", "thead", "tr", "blockquote", "pre", "dl", "dt", "dd", "center", "figure",
           "figcaption", "address", "body"}
_CELLS = {"td", "th"}
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text of an HTML page (blocks on their own lines, cells tab-separated) and its title."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    title = _title(soup)
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_noise):
        tag.decompose()
    root = _main_container(soup) or soup.body or soup
    parts: list[str] = []
    _walk(root, parts)
    return _tidy("".join(parts)), title


def _title(soup) -> str | None:
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return h1.get_text(" ", strip=True)
    if soup.title and soup.title.string:
        return re.split(r"\s*[-_|｜—]\s*", soup.title.string.strip())[0] or None
    return None


def _is_noise(tag) -> bool:
    if tag.name in ("html", "body") or not hasattr(tag, "attrs") or tag.attrs is None:
        return False
    names = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
    tokens = {t.lower() for t in _TOKEN_SPLIT.split(names) if t}
    return bool(tokens & _NOISE_TOKENS)


def _main_container(soup):
    """The element with the most Chinese text outside links, preferring <article>/<main>."""
    best, best_score = None, 0
    for tag in soup.find_all(("article", "main", "div", "section", "td")):
        text = tag.get_text("", strip=True)
        cjk = len(_CJK.findall(text))
        if cjk < 50:
            continue
        linked = sum(len(_CJK.findall(a.get_text("", strip=True))) for a in tag.find_all("a"))
        score = cjk - 3 * linked
        score *= 1.2 if tag.name in ("article", "main") else 1.0
        # prefer the deepest container that still holds most of the text
        if score > best_score * 1.1 or (best is not None and tag in best.descendants and score > 0.85 * best_score):
            best, best_score = tag, score
    return best


def _walk(node, parts: list[str]) -> None:
    from bs4 import NavigableString, Tag

    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child).__name__ in ("Comment", "Doctype", "ProcessingInstruction", "Declaration"):
                continue
            parts.append(re.sub(r"\s+", " ", str(child)))
        elif isinstance(child, Tag):
            if child.name == "br":
                parts.append("\n")
                continue
            block = child.name in _BLOCKS
            if block:
                parts.append("\n")
            _walk(child, parts)
            if child.name in _CELLS:
                parts.append("\t")
            elif block:
                parts.append("\n")


def _tidy(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"[ \u00a0\u3000]+", " ", line).strip(" ")
        line = re.sub(r" *\t *", "\t", line).strip("\t ")
        if line:
            lines.append(line)
    return "\n".join(lines)
