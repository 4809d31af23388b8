"""Reading reports: plain text (UTF-8 / GBK / GB18030 / Big5), HTML, DOCX and the text layer of PDF.

Every loader returns a `Document` whose `text` is the text every fact's span points into.
For plain text that is the file's own text; for HTML, DOCX and PDF it is the text this module
extracts (block by block, table cells separated by tabs so that tables are not flattened).
Boilerplate lines (navigation, share buttons, footers, advertising, tables of contents) are
kept in the text but listed in `Document.noise`, so offsets stay true to the source.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .noise import detect_noise, guess_title
from .normalize import Normalized, looks_traditional, normalize

HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php"}
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多"
    "定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由"
    "其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意"
    "建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统"
    "這國為個們來時會發動過說產種後學經進著電裡兩體機當點從業還現實開應對於與關間樣數質氣變條沒結問黨總員設長頭資邊級圖統"
)


class ReadError(ValueError):
    """A file that cannot be read; the message is in Chinese and names the file."""


@dataclass
class Document:
    """A report as text. `text` is what fact spans index into."""

    text: str
    source: str = "<text>"
    title: str | None = None
    format: str = "text"
    encoding: str | None = None
    noise: tuple[tuple[int, int], ...] = ()
    meta: dict = field(default_factory=dict)

    @cached_property
    def traditional(self) -> bool:
        return looks_traditional(self.text)

    @cached_property
    def normalized(self) -> Normalized:
        """Simplified-script, ASCII-digit working text with a map back to `text` offsets."""
        return normalize(self.text)


def from_text(text: str, source: str = "<text>", fmt: str = "text", encoding: str | None = None,
              title: str | None = None) -> Document:
    """Wrap a text already in memory, detecting its boilerplate lines and title."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    noise = detect_noise(text)
    return Document(text, source, title or guess_title(text, noise), fmt, encoding, noise)


def load(path: str | Path) -> Document:
    """Load a report from a file, choosing the reader by suffix (and sniffing HTML in text files)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"无法读取文件 {p}:{exc.strerror or exc}") from exc
    return load_bytes(data, str(p), p.suffix.lower())


def load_bytes(data: bytes, source: str, suffix: str = "") -> Document:
    """Load a report from bytes; `suffix` (such as '.docx') chooses the reader."""
    if suffix == ".docx" or (not suffix and data[:2] == b"PK"):
        return read_docx(data, source)
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return read_pdf(data, source)
    text, encoding = decode(data, source)
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        return read_html(text, source, encoding)
    return from_text(text, source, "text", encoding)


def decode(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes of a Chinese text: BOMs, then UTF-8, then the best of GB18030 and Big5."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_common_share(text), enc, text))
    if not candidates:
        raise ReadError(f"无法识别文件 {source} 的字符编码(已尝试 UTF-8、GB18030、Big5)")
    _, enc, text = max(candidates)
    return text, enc


def _common_share(text: str) -> float:
    cjk = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    return sum(c in _COMMON for c in cjk) / len(cjk) if cjk else 0.0


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith("<") and any(t in head for t in ("<html", "<body", "<!doctype", "<div", "<p"))


def read_html(html: str, source: str = "<html>", encoding: str | None = None) -> Document:
    from .html import html_to_text

    text, title = html_to_text(html)
    return from_text(text, source, "html", encoding, title)


def read_docx(data: bytes, source: str = "<docx>") -> Document:
    """Paragraphs and tables of a DOCX body, in document order; cells separated by tabs."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        d = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for broken files
        raise ReadError(f"无法读取 DOCX 文件 {source}:{exc}") from exc
    lines: list[str] = []
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, d).text)
        elif tag == "tbl":
            lines.extend("\t".join(c.text.strip() for c in row.cells) for row in Table(child, d).rows)
    title = (d.core_properties.title or "").strip() or None
    return from_text("\n".join(lines), source, "docx", None, title)


def read_pdf(data: bytes, source: str = "<pdf>") -> Document:
    """The text layer of a PDF, with hard-wrapped lines inside paragraphs joined."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many types for damaged files
        raise ReadError(f"无法读取 PDF 文件 {source}:{exc}") from exc
    text = "\n".join(_join_wrapped(p) for p in pages)
    if not text.strip():
        raise ReadError(f"PDF 文件 {source} 没有文本层(可能是扫描件),无法提取")
    meta_title = (reader.metadata.title if reader.metadata else None) or None
    return from_text(text, source, "pdf", None, meta_title)


_SENTENCE_END = "。！？!?：:；;”」』)）"


def _join_wrapped(page: str) -> str:
    """Join lines of a PDF page that were wrapped inside a paragraph."""
    out: list[str] = []
    for line in page.splitlines():
        line = line.rstrip()
        if re.fullmatch(r"\s*[-—–]?\s*\d+\s*[-—–]?\s*|\s*第\s*\d+\s*页.*", line):
            continue
        if out and out[-1] and len(out[-1]) >= 15 and out[-1][-1] not in _SENTENCE_END and line[:1].strip():
            out[-1] += line.strip()
        else:
            out.append(line.strip())
    return "\n".join(out)
