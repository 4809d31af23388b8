"""Report intelligence: read published reports, extract every quantitative fact, audit, benchmark.

Pure Python, no Django. Entry points:

    doc = load("report.docx")            # or load_bytes(data, name, ".pdf"), from_text(text)
    facts = extract(doc)                 # list[Fact], spans are offsets into doc.text
    findings = audit(doc, facts)         # list[Finding], explanations in Chinese
    to_json(facts), to_csv(facts)
"""

from .extract import extract
from .facts import Fact, to_csv, to_json
from .reading import Document, ReadError, from_text, load, load_bytes

__all__ = ["Document", "Fact", "ReadError", "extract", "from_text", "load", "load_bytes", "to_csv", "to_json"]
