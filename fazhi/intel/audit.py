"""Consistency audit of a report's figures.

Findings (each with the spans involved and an explanation in Chinese):
- a stated rate that does not match the counts it derives from;
- parts that do not add up to (or exceed) a stated total;
- a change ("由A提高至B", "同比增长x%") contradicted by the two values stated;
- magnitudes implausible for a district (38000万余件 cases), rates above 100%;
- the same figure stated twice with different values;
- duplicated paragraphs.
No finding is made without the figures in the text; checks that were made and passed, and
checks that could not be made (ambiguous denominators), are reported separately as `checks`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .extract import DocumentContext, extract
from .facts import Fact
from .reading import Document

KIND_LABELS = {
    "rate_mismatch": "比率与计数不符",
    "parts_exceed_total": "分项之和超过总数",
    "parts_total_mismatch": "分项之和与总数不符",
    "part_exceeds_total": "分项大于总数",
    "change_contradiction": "增减表述与数值矛盾",
    "implausible_magnitude": "数量级不合理",
    "rate_over_100": "比率超过100%",
    "inconsistent_repeat": "同一数字前后不一致",
    "duplicate_paragraph": "段落重复",
}


@dataclass
class Finding:
    """A problem in the report, with the evidence (spans into the original text)."""

    kind: str
    message: str
    spans: list[tuple[int, int]]
    texts: list[str]
    severity: str = "warning"
    facts: list[Fact] = field(default_factory=list, repr=False)

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "label": self.label, "severity": self.severity, "message": self.message,
                "spans": [list(s) for s in self.spans], "texts": self.texts}


@dataclass
class Check:
    """A check that was made and passed ('consistent') or could not be decided ('not_checkable')."""

    kind: str
    status: str
    message: str
    spans: list[tuple[int, int]]

    def as_dict(self) -> dict:
        return {"kind": self.kind, "status": self.status, "message": self.message,
                "spans": [list(s) for s in self.spans]}


@dataclass
class AuditReport:
    source: str
    findings: list[Finding]
    checks: list[Check]

    def as_dict(self) -> dict:
        return {"source": self.source, "findings": [f.as_dict() for f in self.findings],
                "checks": [c.as_dict() for c in self.checks]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)


def audit(doc: Document, facts: list[Fact] | None = None) -> AuditReport:
    """Audit the figures of `doc` (extracting them when `facts` is not given)."""
    from . import checks, checks_change, checks_figures

    if facts is None:
        facts = extract(doc)
    ctx = DocumentContext(doc)
    findings: list[Finding] = []
    made: list[Check] = []
    for run in (checks.rates, checks.parts, checks_change.changes, checks_figures.magnitudes,
                checks_figures.repeats, checks_figures.paragraphs):
        f, c = run(ctx, facts)
        findings.extend(f)
        made.extend(c)
    findings.sort(key=lambda x: x.spans[0] if x.spans else (0, 0))
    return AuditReport(doc.source, findings, made)
