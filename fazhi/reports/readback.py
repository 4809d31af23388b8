"""Reading a rendered DOCX back: its body text in reading order (paragraphs and table rows), for the
consistency audit before publication and for the tests that compare every figure with the engine."""
from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn

APPENDIX_TITLE = '附：数据来源说明'


def _paragraph_text(p) -> str:  # type: ignore[no-untyped-def]
    out = []
    for run in p.iter(qn('w:r')):
        for el in run:
            if el.tag == qn('w:t'):
                out.append(el.text or '')
            elif el.tag == qn('w:tab'):
                out.append('\t')
    return ''.join(out)


def _is_heading(p) -> bool:  # type: ignore[no-untyped-def]
    style = p.find(f'{qn("w:pPr")}/{qn("w:pStyle")}')
    return style is not None and style.get(qn('w:val'), '').lower().startswith('heading')


def blocks(docx: bytes) -> list[tuple[str, object]]:
    """('p', text) and ('table', [[cell text]]) in document order."""
    doc = Document(io.BytesIO(docx))
    out: list[tuple[str, object]] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn('w:p'):
            out.append(('h' if _is_heading(child) else 'p', _paragraph_text(child)))
        elif child.tag == qn('w:tbl'):
            rows = []
            for tr in child.iter(qn('w:tr')):
                rows.append([''.join(_paragraph_text(p) for p in tc.iter(qn('w:p'))) for tc in tr.iter(qn('w:tc'))])
            out.append(('table', rows))
    return out


def body_text(docx: bytes, *, skip_front: bool = False) -> str:
    """The text before the provenance appendix. skip_front: start at the first heading (past a cover and a
    table of contents)."""
    lines: list[str] = []
    started = not skip_front
    for kind, value in blocks(docx):
        if kind == 'h' and value == APPENDIX_TITLE:
            break
        if kind == 'h':
            started = True
        if not started:
            continue
        if kind == 'table':
            lines.extend('\t'.join(row) for row in value)  # type: ignore[union-attr]
        elif value:
            lines.append(value)  # type: ignore[arg-type]
    return '\n'.join(lines)


def appendix_rows(docx: bytes) -> list[list[str]]:
    """The rows of the provenance table (without its header)."""
    seen = False
    for kind, value in blocks(docx):
        if kind == 'h' and value == APPENDIX_TITLE:
            seen = True
        elif seen and kind == 'table':
            return value[1:]  # type: ignore[index]
    return []
