"""Loading a report into the platform: read it, extract its facts, audit them, store all three.

`load_report(data, name, user=...)` is the one write path (pages, API, `fazhi load-reports` and the demo
use it): the report, its facts and its findings are created through `fazhi.core.services` in one
transaction, so a file either lands whole or not at all. The same file loaded twice is recognised by its
SHA-256 digest and not stored again.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import Any, Iterable

from django.core.files.base import ContentFile
from django.db import transaction

from fazhi.core import services
from fazhi.core.context import current_actor
from fazhi.core.permissions import AccessDenied, can, deny_message
from fazhi.intel import Document, Fact, ReadError, extract, load_bytes
from fazhi.intel.audit import AuditReport, audit
from fazhi.intel.extract import DocumentContext

from .models import ReportDocument, ReportFact, ReportFinding

SUFFIXES = ('.txt', '.text', '.md', '.html', '.htm', '.shtml', '.docx', '.pdf')
MAX_BYTES = 50 * 1024 * 1024
SIX_PLACES = Decimal('0.000001')
MAX_INTEGER_DIGITS = 32  # DecimalField(max_digits=38, decimal_places=6)

__all__ = ['Analysis', 'Loaded', 'ReadError', 'analyse', 'load_report', 'remove_report', 'intel_facts']


@dataclass
class Analysis:
    """What the engine read in one file."""
    doc: Document
    facts: list[Fact]
    audit: AuditReport
    region: str | None
    issuer: str | None
    year: int | None


@dataclass
class Loaded:
    report: ReportDocument
    created: bool  # False when the same file had already been loaded


def analyse(data: bytes, name: str) -> Analysis:
    """Read, extract and audit one file; ReadError (a Chinese message naming the file) when it cannot be read."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(f'文件 {name} 的格式不受支持：请上传 TXT、HTML、DOCX 或 PDF 文件')
    if len(data) > MAX_BYTES:
        raise ReadError(f'文件 {name} 超过 {MAX_BYTES // 1024 // 1024} MB，无法处理')
    if not data.strip():
        raise ReadError(f'文件 {name} 是空文件')
    doc = load_bytes(data, name, suffix)
    if not doc.text.strip():
        raise ReadError(f'文件 {name} 中没有可读取的文字')
    facts = extract(doc)
    report = audit(doc, facts)
    ctx = DocumentContext(doc)
    return Analysis(doc, facts, report, ctx.region, ctx.issuer, ctx.main_year)


def load_report(data: bytes, name: str, *, user: Any = None, region: str = '', year: int | None = None,
                title: str = '') -> Loaded:
    """Store a report with its facts and findings (or find the same file already loaded)."""
    _ensure_may_load()
    name = Path(name).name or 'report.txt'
    digest = hashlib.sha256(data).hexdigest()
    existing = ReportDocument.objects.filter(sha256=digest).first()
    if existing is not None:
        return Loaded(existing, False)
    found = analyse(data, name)
    doc = found.doc
    region = (region or found.region or '').strip()
    issuer = found.issuer if not region or region == found.region or not found.issuer else region
    year = year or found.year
    report = ReportDocument(
        title=(title or doc.title or _fallback_title(name, region, year))[:300], file_name=name[:255],
        format=doc.format, encoding=doc.encoding or '', size=len(data), sha256=digest,
        traditional=bool(doc.traditional), region=region[:40], issuer=(issuer or '')[:80], year=year, text=doc.text,
        noise=[list(span) for span in doc.noise], checks=[c.as_dict() for c in found.audit.checks],
        uploaded_by=user if getattr(user, 'is_authenticated', False) else None)
    facts = [f for f in (_fact(report, n, f, year) for n, f in enumerate(found.facts, 1)) if f is not None]
    findings = list(_findings(report, found.audit))
    report.fact_count, report.finding_count = len(facts), len(findings)
    report.file.save(name, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            services.create(report, message=f'载入报告“{name}”')
            services.bulk_create(facts, message=f'提取自报告“{name}”')
            services.bulk_create(findings, message=f'核查报告“{name}”')
    except Exception:
        report.file.storage.delete(report.file.name)
        raise
    return Loaded(report, True)


def _fallback_title(name: str, region: str, year: int | None) -> str:
    """For a report without a headline: what it is about, and which file it was."""
    stem = Path(name).stem
    return f'{region}{year}年报告（{stem}）' if region and year else stem


def _ensure_may_load() -> None:
    """Refuse (with its own audit entry) before anything is read or written."""
    actor = current_actor()
    if actor is not None and not actor.is_system and not can(actor.user, 'add', ReportDocument):
        message = deny_message(ReportDocument, 'add')
        services.record_event(None, f'add reports_intel.reportdocument: {message}', action='denied')
        raise AccessDenied(message)


def remove_report(report: ReportDocument) -> None:
    """Delete a report with its facts and findings (one audit entry), and its stored file."""
    stored = report.file.name
    storage = report.file.storage
    services.delete(report, message=f'删除报告及其 {report.fact_count} 条数量事实、'
                                    f'{report.finding_count} 条核查发现')
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))


def _cut(value: str | None, size: int) -> str:
    return (value or '')[:size]


def _decimal(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    with localcontext() as c:
        c.prec = 80
        value = Decimal(value).quantize(SIX_PLACES, rounding=ROUND_HALF_UP)
    if value.adjusted() >= MAX_INTEGER_DIGITS:
        return None
    return value


def _fact(report: ReportDocument, seq: int, f: Fact, year: int | None) -> ReportFact | None:
    value = _decimal(f.value)
    if value is None:  # a digit run too long to be a figure
        return None
    return ReportFact(
        report=report, seq=seq, text=_cut(f.text, 500), start=f.start, end=f.end, value=value,
        high=_decimal(f.high), unit=_cut(f.unit, 20), subject=_cut(f.subject, 200), qualifier=_cut(f.qualifier, 10),
        indicator=_cut(f.indicator, 80), comparison=_cut(f.comparison, 30), direction=f.direction,
        period=f.period or year, region=report.region or _cut(f.region, 40), issuer=report.issuer or _cut(f.issuer, 80),
        kind=_cut(f.kind, 20), confidence=_cut(f.confidence, 10), note=_cut(f.note, 200))


def _findings(report: ReportDocument, result: AuditReport) -> Iterable[ReportFinding]:
    for n, f in enumerate(result.findings, 1):
        yield ReportFinding(report=report, seq=n, kind=f.kind, severity=f.severity or 'warning', message=f.message,
                            spans=[list(s) for s in f.spans], texts=list(f.texts))


def intel_facts(rows: Iterable[ReportFact], region_of: dict[int, str] | None = None) -> list[Fact]:
    """Stored facts as the engine's `Fact`s (source = the report's id), for benchmarking, export, reconciliation."""
    out = []
    for r in rows:
        region = (region_of or {}).get(r.report_id) or r.region or None
        out.append(Fact(text=r.text, start=r.start, end=r.end, value=_exact(r.value), unit=r.unit,
                        subject=r.subject, qualifier=r.qualifier or None,
                        high=None if r.high is None else _exact(r.high), indicator=r.indicator or None,
                        comparison=r.comparison or None, direction=r.direction, period=r.period, region=region,
                        source=str(r.report_id), kind=r.kind or 'count', confidence=r.confidence or 'high',
                        note=r.note or None, issuer=r.issuer or None))
    return out


def _exact(value: Decimal) -> Decimal:
    """A stored value without the padding zeros of its column (24.200000 -> 24.2, 766000.000000 -> 766000)."""
    value = Decimal(value).normalize()
    return value.quantize(Decimal(1)) if value.as_tuple().exponent > 0 else value
