"""The pre-publication check: audit a draft's figures without storing anything (see the package docstring)."""
from __future__ import annotations

from fazhi.intel import extract, from_text
from fazhi.intel.audit import AuditReport, audit


def check_text(text: str, source: str = '待发布稿') -> AuditReport:
    """Audit the figures of a draft text. Spans are offsets into `text` (after \\r\\n became \\n)."""
    return audit(from_text(text, source))


def check_with_facts(text: str, source: str = '待发布稿') -> tuple[object, list, AuditReport]:
    """The document, its facts and its audit (for the check page, which also highlights the facts)."""
    doc = from_text(text, source)
    facts = extract(doc)
    return doc, facts, audit(doc, facts)
