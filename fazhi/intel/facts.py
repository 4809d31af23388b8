"""A quantitative fact and its JSON / CSV forms."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal

CSV_FIELDS = ("source", "region", "issuer", "period", "indicator", "subject", "value", "high", "unit", "qualifier",
              "comparison", "direction", "kind", "confidence", "start", "end", "text", "note")


@dataclass
class Fact:
    """One figure a report states. `start`/`end` are offsets into the document's original text."""

    text: str
    start: int
    end: int
    value: Decimal
    unit: str
    subject: str = ""
    qualifier: str | None = None
    high: Decimal | None = None
    indicator: str | None = None
    comparison: str | None = None
    direction: int | None = None
    period: int | None = None
    region: str | None = None
    source: str = ""
    kind: str = "count"
    confidence: str = "high"
    note: str | None = None
    # working-text offsets and context, for the audit; not serialised
    w_start: int = field(default=0, repr=False, compare=False)
    w_end: int = field(default=0, repr=False, compare=False)
    right: str = field(default="", repr=False, compare=False)
    issuer: str | None = None  # city and district when the text names both (包头市青山区), else the district

    @property
    def number(self) -> float:
        return float(self.value)

    def as_dict(self) -> dict:
        d = asdict(self)
        for k in ("w_start", "w_end", "right"):
            d.pop(k)
        d["value"] = plain(self.value)
        d["high"] = plain(self.high) if self.high is not None else None
        return d


def plain(v: Decimal | None):
    """A Decimal as an int when it is whole, else a float."""
    if v is None:
        return None
    v = Decimal(v)
    return int(v) if v == v.to_integral_value() else float(v.normalize())


def to_json(facts, indent: int | None = 2) -> str:
    """Facts as a JSON array (UTF-8 text, Chinese kept as is)."""
    return json.dumps([f.as_dict() for f in facts], ensure_ascii=False, indent=indent)


def to_csv(facts) -> str:
    """Facts as CSV with a header row."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for f in facts:
        writer.writerow({k: ("" if v is None else v) for k, v in f.as_dict().items()})
    return buf.getvalue()
