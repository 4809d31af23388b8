"""DOCX in official-document layout (GB/T 9704-2012 党政机关公文格式, as far as a report follows it).

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 方正小标宋简体 二号; body 仿宋_GB2312 三号
(16 pt) at 22 lines a page, first line indented two characters; headings 黑体 (一、), 楷体_GB2312 (（一）) and
仿宋 bold (1.); page numbers 四号 as “— 1 —”, odd pages right and even pages left. Font names are the official
ones, each with an East-Asian fallback in the font table (Word and WPS use them when installed; the PDF
converter maps them to the Noto CJK fonts from Debian). The white paper has a cover, a table of contents
with page numbers (a TOC field whose cached entries carry the page numbers found by the PDF pass) and its
body numbered from page 1. Every document ends with the appendix listing each figure's provenance.
"""
from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from .document import Block, Draft, Run

TITLE_FONT = '方正小标宋简体'
BODY_FONT = '仿宋_GB2312'
HEI = '黑体'
KAI = '楷体_GB2312'
SONG = '宋体'
LATIN = 'Times New Roman'
# Font table fallbacks (w:altName) for machines without the official fonts.
ALT_NAMES = {TITLE_FONT: '宋体', BODY_FONT: '仿宋', KAI: '楷体', HEI: 'SimHei'}
BODY_SIZE = Pt(16)  # 三号
LINE = Pt(29)  # 22 lines in the 225 mm text block
INDENT = Pt(32)  # two characters
RED = RGBColor(0xC0, 0x00, 0x00)
TEXT_WIDTH = Mm(210 - 28 - 26)
PLACEHOLDER_PAGE = '00'


def set_font(run_or_style: Any, east_asian: str, size: Any = None, *, bold: bool | None = None,
             latin: str = LATIN, color: RGBColor | None = None) -> None:
    font = run_or_style.font
    font.name = latin
    element = run_or_style.element if hasattr(run_or_style, 'element') else run_or_style._element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn('w:rFonts'))
    if fonts is None:
        fonts = OxmlElement('w:rFonts')
        rpr.insert(0, fonts)
    for attr in ('w:asciiTheme', 'w:hAnsiTheme', 'w:eastAsiaTheme', 'w:cstheme'):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn('w:ascii'), latin)
    fonts.set(qn('w:hAnsi'), latin)
    fonts.set(qn('w:eastAsia'), east_asian)
    fonts.set(qn('w:hint'), 'eastAsia')
    if size is not None:
        font.size = size
    if bold is not None:
        font.bold = bold
    font.color.rgb = color or RGBColor(0, 0, 0)


def _exact(paragraph_format: Any, line: Any = LINE) -> None:
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph_format.line_spacing = line
    paragraph_format.space_before = Pt(0)
    paragraph_format.space_after = Pt(0)


def _field(paragraph: Any, instruction: str, shown: str, run_font: tuple[str, Any]) -> None:
    """A complex field (PAGE, TOC…) with its cached result."""
    def run() -> Any:
        r = paragraph.add_run()
        set_font(r, run_font[0], run_font[1], latin=SONG)
        return r
    for kind in ('begin', None, 'separate', 'result', 'end'):
        r = run()
        if kind == 'result':
            r.text = shown
            continue
        if kind is None:
            text = OxmlElement('w:instrText')
            text.set(qn('xml:space'), 'preserve')
            text.text = f' {instruction} '
            r._r.append(text)
            continue
        char = OxmlElement('w:fldChar')
        char.set(qn('w:fldCharType'), kind)
        r._r.append(char)


def _fld_char(paragraph: Any, kind: str, instruction: str | None = None) -> None:
    r = paragraph.add_run()
    char = OxmlElement('w:fldChar')
    char.set(qn('w:fldCharType'), kind)
    r._r.append(char)
    if instruction:
        r2 = paragraph.add_run()
        text = OxmlElement('w:instrText')
        text.set(qn('xml:space'), 'preserve')
        text.text = f' {instruction} '
        r2._r.append(text)
        r3 = paragraph.add_run()
        sep = OxmlElement('w:fldChar')
        sep.set(qn('w:fldCharType'), 'separate')
        r3._r.append(sep)


def _border_bottom(paragraph: Any, color: str = 'C00000', size: int = 18) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement('w:pBdr')
    bottom = OxmlElement('w:bottom')
    for key, value in (('w:val', 'single'), ('w:sz', str(size)), ('w:space', '4'), ('w:color', color)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


class DocxWriter:
    def __init__(self, draft: Draft, toc_pages: dict[str, int] | None = None) -> None:
        self.draft = draft
        self.toc_pages = toc_pages or {}
        self.doc = Document()
        self.style = draft.kind if draft.kind in ('whitepaper', 'bulletin') else 'report'

    # -- setup ---------------------------------------------------------------------

    def setup(self) -> None:
        doc = self.doc
        section = doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.footer_distance = Mm(28) - Mm(7)  # page number 7 mm below the text block, in the 35 mm margin
        doc.settings.odd_and_even_pages_header_footer = True
        normal = doc.styles['Normal']
        set_font(normal, BODY_FONT, BODY_SIZE)
        _exact(normal.paragraph_format)
        normal.paragraph_format.first_line_indent = INDENT
        normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        normal.paragraph_format.widow_control = False
        for level, (font, bold) in {1: (HEI, False), 2: (KAI, False), 3: (BODY_FONT, True)}.items():
            style = doc.styles[f'Heading {level}']
            set_font(style, font, BODY_SIZE, bold=bold)
            style.font.italic = False
            _exact(style.paragraph_format)
            style.paragraph_format.first_line_indent = INDENT
            style.paragraph_format.left_indent = Pt(0)
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        if self.style == 'whitepaper':
            h1 = doc.styles['Heading 1']
            set_font(h1, HEI, Pt(18))
            h1.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            h1.paragraph_format.first_line_indent = Pt(0)
            h1.paragraph_format.space_after = Pt(14)
            _exact(h1.paragraph_format, Pt(36))
        self._font_table()

    def _font_table(self) -> None:
        """Declare the official fonts with East-Asian alternates (w:altName) in the font table."""
        part = self.doc.part
        font_part = next((rel.target_part for rel in part.rels.values() if rel.reltype.endswith('/fontTable')), None)
        if font_part is None:
            return
        from docx.oxml import parse_xml
        root = parse_xml(font_part.blob)
        for name, alt in ALT_NAMES.items():
            font = OxmlElement('w:font')
            font.set(qn('w:name'), name)
            alt_el = OxmlElement('w:altName')
            alt_el.set(qn('w:val'), alt)
            font.append(alt_el)
            charset = OxmlElement('w:charset')
            charset.set(qn('w:val'), '86')  # GB2312
            font.append(charset)
            family = OxmlElement('w:family')
            family.set(qn('w:val'), 'modern' if name == HEI else 'roman')
            font.append(family)
            root.append(font)
        from lxml import etree
        font_part._blob = etree.tostring(root, xml_declaration=True, encoding='UTF-8', standalone=True)

    def page_numbers(self, section: Any, restart: bool = False) -> None:
        sides = ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
        for footer, align in sides:  # 单页码居右、双页码居左
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            for r in list(paragraph.runs):
                r._r.getparent().remove(r._r)
            paragraph.alignment = align
            fmt = paragraph.paragraph_format
            fmt.first_line_indent = Pt(0)
            fmt.left_indent = Pt(14) if align == WD_ALIGN_PARAGRAPH.LEFT else Pt(0)
            fmt.right_indent = Pt(14) if align == WD_ALIGN_PARAGRAPH.RIGHT else Pt(0)
            _exact(fmt, Pt(20))
            dash = paragraph.add_run('— ')
            set_font(dash, SONG, Pt(14), latin=SONG)
            _field(paragraph, 'PAGE', '1', (SONG, Pt(14)))
            dash = paragraph.add_run(' —')
            set_font(dash, SONG, Pt(14), latin=SONG)
        if restart:
            number = OxmlElement('w:pgNumType')
            number.set(qn('w:start'), '1')
            section._sectPr.append(number)

    def blank_footers(self, section: Any) -> None:
        for footer in (section.footer, section.even_page_footer):
            footer.is_linked_to_previous = False

    # -- paragraphs ------------------------------------------------------------------

    def para(self, runs: list[Run] | str, *, font: str = BODY_FONT, size: Any = BODY_SIZE, bold: bool = False,
             align: Any = None, indent: bool = True, line: Any = LINE, style: str | None = None) -> Any:
        paragraph = self.doc.add_paragraph(style=style)
        if align is not None:
            paragraph.alignment = align
        if not indent:
            paragraph.paragraph_format.first_line_indent = Pt(0)
        _exact(paragraph.paragraph_format, line)
        for run in ([Run(runs)] if isinstance(runs, str) else runs):
            r = paragraph.add_run(run.text)
            set_font(r, font, size, bold=bold or run.bold, color=RED if run.gap else None)
            if run.gap:
                r.font.highlight_color = 7  # yellow: the data is missing here
        return paragraph

    def title(self) -> None:
        draft = self.draft
        if self.style == 'bulletin':
            self.para(draft.title, font=TITLE_FONT, size=Pt(36), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
                      line=Pt(54))
            for run in self.doc.paragraphs[-1].runs:
                run.font.color.rgb = RED
            self.para(draft.subtitle, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
            head = self.para(f'{draft.issuer}\t{draft.date_line}', indent=False)
            head.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
            _border_bottom(head)
            self.para('', indent=False)
            return
        self.para(draft.title, font=TITLE_FONT, size=Pt(22), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
                  line=Pt(36))
        if draft.subtitle:
            self.para(draft.subtitle, font=KAI, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        self.para('', indent=False)

    def cover(self) -> None:
        draft = self.draft
        first = self.para(draft.title, font=TITLE_FONT, size=Pt(36), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
                          line=Pt(54))
        first.paragraph_format.space_before = Pt(150)
        if draft.subtitle:
            self.para(draft.subtitle, font=TITLE_FONT, size=Pt(22), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
                      line=Pt(40))
        issuer = self.para(draft.issuer, font=KAI, size=Pt(18), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
                           line=Pt(32))
        issuer.paragraph_format.space_before = Pt(220)
        self.para(draft.date_line, font=KAI, size=Pt(18), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, line=Pt(32))

    def toc(self) -> None:
        self.para('目　录', font=HEI, size=Pt(22), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, line=Pt(40))
        entries = [b for b in self.draft.headings() if b.in_toc]
        for i, block in enumerate(entries):
            paragraph = self.doc.add_paragraph()
            fmt = paragraph.paragraph_format
            fmt.first_line_indent = Pt(0)
            fmt.left_indent = Pt(16 * 2 * (block.level - 1))
            _exact(fmt, Pt(26))
            fmt.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            if i == 0:
                _fld_char(paragraph, 'begin', 'TOC \\o "1-3" \\h \\z \\u')
            page = self.toc_pages.get(block.anchor)
            r = paragraph.add_run(f'{block.heading_text}\t{page if page is not None else PLACEHOLDER_PAGE}')
            set_font(r, HEI if block.level == 1 else BODY_FONT, Pt(15) if block.level == 1 else Pt(14))
            if i == len(entries) - 1:
                _fld_char(paragraph, 'end')

    def heading(self, block: Block, page_break: bool = False) -> None:
        paragraph = self.doc.add_paragraph(style=f'Heading {block.level}')
        paragraph.paragraph_format.page_break_before = page_break
        r = paragraph.add_run(block.heading_text)
        style_font = {1: HEI, 2: KAI, 3: BODY_FONT}[block.level]
        size = Pt(18) if self.style == 'whitepaper' and block.level == 1 else BODY_SIZE
        set_font(r, style_font, size, bold=block.level == 3)

    def table(self, block: Block, size: Any = Pt(12), widths: list[float] | None = None) -> None:
        if block.caption:
            caption = self.para(block.caption, font=HEI, size=Pt(14), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False,
                                line=Pt(24))
            caption.paragraph_format.keep_with_next = True
        table = self.doc.add_table(rows=1 + len(block.rows), cols=len(block.header))
        table.style = 'Table Grid'
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        n = len(block.header)
        if widths is None:
            first = 0.34 if n > 2 else 0.5
            widths = [first] + [(1 - first) / (n - 1)] * (n - 1) if n > 1 else [1.0]
        sizes = [int(TEXT_WIDTH * share) for share in widths]
        for column, width in zip(table.columns, sizes):
            column.width = width
        # Row by row (table.cell(i, j) rescans the whole table each time: quadratic on the appendix).
        contents = [[[Run(text)] for text in block.header]] + block.rows
        for i, (row, data) in enumerate(zip(table.rows, contents)):
            for j, (cell, runs) in enumerate(zip(row.cells, data)):
                cell.width = sizes[j]
                self._cell(cell, runs, HEI if i == 0 else BODY_FONT, size, center=i == 0 or j > 0)
        self.para('', indent=False, line=Pt(12))

    def _cell(self, cell: Any, runs: list[Run], font: str, size: Any, center: bool) -> None:
        paragraph = cell.paragraphs[0]
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Pt(0)
        _exact(fmt, Pt(size.pt + 6))
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        for run in runs:
            r = paragraph.add_run(run.text)
            set_font(r, font, size, color=RED if run.gap else None)

    def chart(self, block: Block) -> None:
        chart = block.chart
        if chart is None or not chart.png:
            return
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run().add_picture(io.BytesIO(chart.png), width=Cm(15))
        self.para(chart.caption, font=KAI, size=Pt(14), align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, line=Pt(24))

    def signature(self) -> None:
        self.para('', indent=False)
        issuer = self.para(self.draft.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        issuer.paragraph_format.right_indent = Pt(32)
        date = self.para(self.draft.date_line, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        date.paragraph_format.right_indent = Pt(64)

    def appendix(self, block: Block) -> None:
        paragraph = self.doc.add_paragraph(style='Heading 1')
        paragraph.paragraph_format.page_break_before = True
        r = paragraph.add_run(block.text)
        set_font(r, HEI, BODY_SIZE)
        as_of = self.draft.data_as_of
        when = f'{as_of:%Y年%m月%d日 %H:%M}' if as_of else ''
        self.para(f'本文中的数字均由平台指标引擎根据业务记录自动生成（数据截至{when}）。下表按出现顺序列出每个数字的指标、'
                  f'统计单位、期间和所依据的记录数；网页版中每个数字均可点击查看指标及其明细记录。',
                  size=Pt(12), line=Pt(20))
        rows = []
        for f in self.draft.figures:
            counts = ''
            if f.denominator is not None and f.part in ('value', 'previous', 'difference'):
                counts = f'{f.numerator:g} / {f.denominator:g}'
            elif f.part in ('value', 'previous'):
                counts = f'{f.numerator:g}'
            period = f.period if not f.compared_period else f'{f.period} 较 {f.compared_period}'
            rows.append([[Run(str(f.ref))], [Run(f.text)], [Run(f'{f.indicator_name}（{f.indicator}）')],
                         [Run(f.unit_name)], [Run(period)], [Run(counts)],
                         [Run('' if f.records is None else str(f.records))]])
        self.table(Block('table', header=['序号', '表述', '指标（编码）', '统计单位', '期间', '分子 / 分母', '记录数'],
                         rows=rows), size=Pt(9), widths=[0.07, 0.17, 0.28, 0.14, 0.12, 0.12, 0.10])
        if self.draft.charts:
            rows = [[[Run(f'图{c.number}')], [Run(f'{s["name"]}（{s["indicator"]}）')], [Run(s['unit'])],
                     [Run(s['period'])], [Run({'month': '按月', 'year': '按年'}.get(s['grain'], s['grain']))]]
                    for c in self.draft.charts for s in c.sources]
            self.table(Block('table', caption='图表数据来源', header=['图', '指标（编码）', '统计单位', '期间', '粒度'],
                             rows=rows), size=Pt(9))
        if self.draft.missing:
            self.para('暂缺数据：', font=HEI, size=Pt(12), line=Pt(20))
            for gap in self.draft.missing:
                self.para(f'· {gap.section}：{gap.message}', size=Pt(10.5), line=Pt(18))

    # -- the whole document -----------------------------------------------------------

    def write(self) -> bytes:
        self.setup()
        doc = self.doc
        if self.draft.toc:
            self.blank_footers(doc.sections[0])
            self.cover()
            toc_section = doc.add_section(WD_SECTION.NEW_PAGE)
            self.blank_footers(toc_section)
            self.toc()
            body = doc.add_section(WD_SECTION.NEW_PAGE)
            self.page_numbers(body, restart=True)
        else:
            self.page_numbers(doc.sections[0])
            self.title()
        first_heading, page_break = True, False
        for block in self.draft.blocks:
            if block.kind == 'heading':
                self.heading(block, page_break and not first_heading)
                first_heading = page_break = False
            elif block.kind == 'paragraph':
                self.para(block.runs)
            elif block.kind == 'table':
                self.table(block)
            elif block.kind == 'chart':
                self.chart(block)
            elif block.kind == 'pagebreak':
                page_break = True
            elif block.kind == 'appendix':
                if self.draft.kind != 'whitepaper':
                    self.signature()
                self.appendix(block)
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()


def write_docx(draft: Draft, toc_pages: dict[str, int] | None = None) -> bytes:
    return DocxWriter(draft, toc_pages).write()
