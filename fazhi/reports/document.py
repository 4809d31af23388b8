"""The drafted document, independent of its output format: blocks of runs, each figure run pointing to its
provenance. The DOCX, HTML and text writers all read this one structure, so the three outputs say the same.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Run:
    text: str
    ref: int | None = None  # figure number (1-based) in Draft.figures
    bold: bool = False
    gap: bool = False  # a note that data is missing


@dataclass
class Figure:
    """One figure stated in the document and where it comes from."""
    ref: int
    text: str
    part: str  # value | numerator | denominator | previous | change | overdue
    indicator: str
    indicator_name: str
    unit_code: str
    unit_name: str
    period: str
    section: str = ''
    compared_period: str = ''
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    records: int | None = None
    small_sample: bool = False

    @property
    def drill_part(self) -> str:
        return 'denominator' if self.part in ('denominator', 'overdue') else 'numerator'


@dataclass
class Chart:
    number: int
    caption: str
    png: bytes
    sources: list[dict[str, str]]  # indicator, name, unit, period, grain


@dataclass
class Block:
    kind: str  # heading | paragraph | table | chart | toc | pagebreak | cover | appendix
    runs: list[Run] = field(default_factory=list)
    level: int = 0
    number: str = ''  # 一、 / （一） / 1.
    anchor: str = ''
    narrative: str = ''  # key of the narrative section the paragraph comes from
    header: list[str] = field(default_factory=list)
    rows: list[list[list[Run]]] = field(default_factory=list)
    caption: str = ''
    chart: Chart | None = None
    in_toc: bool = True
    align: str = ''  # center | right for special paragraphs (cover, signature)

    @property
    def text(self) -> str:
        return ''.join(r.text for r in self.runs)

    @property
    def heading_text(self) -> str:
        return f'{self.number}{self.text}'


@dataclass
class Gap:
    message: str
    section: str
    indicator: str = ''
    narrative: str = ''
    omitted: bool = False  # the template leaves the sentence out when there is no data (not a defect)


@dataclass
class Draft:
    title: str
    kind: str
    unit_code: str
    unit_name: str
    period: str
    period_display: str
    subtitle: str = ''
    cover: list[str] = field(default_factory=list)
    issuer: str = ''
    date_line: str = ''
    toc: bool = False
    blocks: list[Block] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    narratives: dict[str, int] = field(default_factory=dict)  # key → revision used
    data_as_of: Any = None

    @property
    def missing(self) -> list[Gap]:
        """Gaps the reader sees (a note in the text), as opposed to sentences the template leaves out."""
        return [g for g in self.gaps if not g.omitted]

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == 'heading']

    def body_text(self) -> str:
        """The text of the body (without the provenance appendix): what the consistency audit reads."""
        lines = [self.title]
        if self.subtitle:
            lines.append(self.subtitle)
        for block in self.blocks:
            if block.kind == 'appendix':
                break
            if block.kind in ('heading', 'paragraph'):
                lines.append(block.heading_text if block.kind == 'heading' else block.text)
            elif block.kind == 'table':
                if block.caption:
                    lines.append(block.caption)
                lines.append('\t'.join(block.header))
                lines.extend('\t'.join(''.join(r.text for r in cell) for cell in row) for row in block.rows)
            elif block.kind == 'chart' and block.chart is not None:
                lines.append(block.chart.caption)
        return '\n'.join(lines)
