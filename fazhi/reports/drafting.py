"""Creating, rendering, checking and publishing reports — the one path used by pages, API, CLI and the demo.

Every write goes through fazhi.core.services (permission check and audit entry); rendering reads figures only
from the indicator engine.
"""
from __future__ import annotations

import hashlib
import time
from typing import Any, Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from fazhi.core import services, workflow
from fazhi.core.context import current_actor
from fazhi.indicators import service as indicator_service
from fazhi.indicators.periods import Period

from . import checks, lifecycle, pdf, readback  # noqa: F401  (lifecycle: the workflow of Report)
from .choices import ReportKind, ReportState
from .compose import CONTEXT, Composer
from .docx_writer import write_docx
from .document import Draft
from .figures import FigureBook
from .html_writer import write_html
from .models import NarrativeRevision, NarrativeSection, Report, ReportFigure, ReportVersion
from .spec import Spec, get_spec

Progress = Callable[[int, str], None]
TEMPLATE_AUTHOR = '模板初稿'


def _quiet(percent: int, phase: str) -> None:
    return None


def kind_for(kind: str, unit: Any) -> str:
    """`fazhi report annual --unit <a department>` means the department version."""
    if kind == ReportKind.ANNUAL and unit.kind != 'district':
        return ReportKind.DEPARTMENT
    return kind


def period_of(report: Report) -> Period:
    return Period.parse(report.period_label)


def default_title(kind: str, unit: Any, year: int, month: int = 0) -> str:
    spec = get_spec(kind)
    title = CONTEXT.sub(lambda m: {'unit': unit.name, 'unit_short': unit.short_name or unit.name, 'year': str(year)}
                        .get(m.group(1), m.group(0)), spec.title)
    if kind == ReportKind.BULLETIN:
        title = f'{unit.short_name or unit.name}{title}（{year}年第{month}期）'
    elif kind == ReportKind.WHITEPAPER:
        title = f'{title}（{year}版）'
    return title


def _context_words(report: Report) -> dict[str, str]:
    unit = report.unit
    return {'year': str(report.year), 'prev_year': str(report.year - 1), 'next_year': str(report.year + 1),
            'unit': unit.name, 'unit_short': unit.short_name or unit.name,
            'scope': '全区' if unit.kind == 'district' else '本单位', 'month': str(report.month or ''),
            'period': report.period_display}


def _default_text(report: Report, template: str) -> str:
    words = _context_words(report)
    return CONTEXT.sub(lambda m: words.get(m.group(1), m.group(0)), template or '')


def create_report(kind: str, unit: Any, year: int, month: int = 0, title: str = '') -> Report:
    """A new report with the first drafts of its narrative sections (a refused attempt stays in the audit trail)."""
    kind = kind_for(kind, unit)
    actor = current_actor()
    report = Report(kind=kind, unit=unit, year=year, month=month or 0,
                    title=title or default_title(kind, unit, year, month), created_by_name=actor.name if actor else '')
    report = services.create(report, message='创建报告')  # own transaction: a refusal is audited, not rolled back
    ensure_narratives(report)  # (also on every rendering, so a report is never left without its sections)
    return report


@transaction.atomic
def ensure_narratives(report: Report) -> list[NarrativeSection]:
    """The narrative sections the template names, each with its first draft (template defaults)."""
    spec = get_spec(report.kind)
    have = set(report.narratives.values_list('key', flat=True))
    created = []
    for n in spec.narratives:
        if n.key in have:
            continue
        section = services.create(NarrativeSection(report=report, key=n.key, title=n.title,
                                                   text=_default_text(report, n.default), revision=1,
                                                   updated_by_name=TEMPLATE_AUTHOR, is_default=True),
                                  message='模板初稿', enforce=False)
        services.create(NarrativeRevision(section=section, number=1, text=section.text, author_name=TEMPLATE_AUTHOR,
                                          note='模板初稿'), enforce=False)
        created.append(section)
    return created


class StaleRevision(Exception):
    """Someone saved the section after the editor opened it."""


@transaction.atomic
def save_narrative(section: NarrativeSection, text: str, *, base_revision: int | None = None,
                   note: str = '') -> NarrativeSection:
    """A new revision of a narrative section, by the acting user (the previous text stays in its history)."""
    text = text.replace('\r\n', '\n').strip()
    current = NarrativeSection.objects.select_for_update().get(pk=section.pk)
    if base_revision is not None and current.revision != base_revision:
        raise StaleRevision(f'“{current.title}”已被 {current.updated_by_name} 修改为第{current.revision}稿，'
                            f'您编辑的是第{base_revision}稿：请刷新后在最新稿上修改。')
    if text == current.text:
        return current
    actor = current_actor()
    user = actor.user if actor and actor.user is not None and actor.user.is_authenticated else None
    name = (getattr(user, 'full_name', '') or actor.name) if actor else 'system'
    current = services.update(current, {'text': text, 'revision': current.revision + 1, 'updated_by_name': name,
                                        'is_default': False}, message=note or '修改文字段落')
    services.create(NarrativeRevision(section=current, number=current.revision, text=text, author=user,
                                      author_name=name, note=note))
    return current


def narratives_of(report: Report) -> dict[str, tuple[str, int]]:
    return {s.key: (s.text, s.revision) for s in report.narratives.all()}


# -- rendering -----------------------------------------------------------------------------------


def compose(report: Report, con: Any, *, progress: Progress = _quiet, draw_charts: bool = True) -> Draft:
    spec: Spec = get_spec(report.kind)
    period = period_of(report)
    unit = report.unit
    children = list(unit.children.filter(is_active=True).order_by('sort_order', 'code'))
    book = FigureBook(unit, period, children).load(con, spec.indicator_codes(), progress)
    progress(45, '组织文稿、绘制图表')
    return Composer(spec, unit=unit, year=report.year, month=report.month, book=book,
                    narratives=narratives_of(report), draw_charts=draw_charts).compose()


def toc_pages(draft: Draft, pdf_bytes: bytes) -> dict[str, int]:
    """Page numbers of the headings, from the PDF's bookmarks, counted from the first page of the body."""
    marks = pdf.outline(pdf_bytes)
    headings = draft.headings()
    pages: dict[str, int] = {}
    if not marks or not headings:
        return pages
    titles = [t.replace(' ', '').replace('\u3000', '') for t, _ in marks]
    first = headings[0].heading_text.replace(' ', '').replace('\u3000', '')
    start = next((marks[i][1] for i, t in enumerate(titles) if t == first), marks[0][1])
    cursor = 0
    for block in headings:
        wanted = block.heading_text.replace(' ', '').replace('\u3000', '')
        for i in range(cursor, len(titles)):
            if titles[i] == wanted:
                pages[block.anchor] = marks[i][1] - start + 1
                cursor = i + 1
                break
    return pages


def render_files(draft: Draft, *, make_pdf: bool = True, progress: Progress = _quiet) -> dict[str, Any]:
    progress(55, '生成 Word 文档')
    docx = write_docx(draft)
    pdf_bytes, pdf_error = b'', ''
    if make_pdf:
        progress(65, '转换 PDF')
        try:
            pdf_bytes = pdf.convert(docx)
            if draft.toc:
                progress(80, '编排目录页码')
                docx = write_docx(draft, toc_pages(draft, pdf_bytes))
                pdf_bytes = pdf.convert(docx)
        except pdf.PdfUnavailable as exc:
            pdf_error = str(exc)
    progress(90, '生成网页版')
    html = write_html(draft)
    return {'docx': docx, 'pdf': pdf_bytes, 'html': html, 'pdf_error': pdf_error,
            'pages': pdf.page_count(pdf_bytes) if pdf_bytes else 0}


def _slug(report: Report) -> str:
    return f'{report.kind}-{report.unit.code}-{report.period_label}'


@transaction.atomic
def save_version(report: Report, draft: Draft, files: dict[str, Any], *, source: str, seconds: float) -> ReportVersion:
    actor = current_actor()
    number = (report.versions.order_by('-number').values_list('number', flat=True).first() or 0) + 1
    version = ReportVersion(report=report, number=number, source=source, created_by_name=actor.name if actor else '',
                            data_as_of=timezone.make_aware(draft.data_as_of) if draft.data_as_of else timezone.now(),
                            figure_count=len(draft.figures), gap_count=len(draft.missing), pages=files['pages'],
                            narratives=draft.narratives, seconds=round(seconds, 2),
                            gaps=[{'section': g.section, 'message': g.message, 'indicator': g.indicator,
                                   'narrative': g.narrative, 'omitted': g.omitted} for g in draft.gaps])
    digest = []
    slug = _slug(report)
    for field, suffix, content in (('docx', 'docx', files['docx']), ('pdf', 'pdf', files['pdf']),
                                   ('html', 'html', files['html'].encode('utf-8'))):
        if content:
            version.save_file(field, f'{slug}-v{number}.{suffix}', content)
            digest.append(f'{suffix}:{hashlib.sha256(content).hexdigest()[:16]}')
    version.content_sha256 = ' '.join(digest)
    version.text = readback.body_text(files['docx'], skip_front=draft.toc)
    version = services.create(version, message=f'生成第{number}版' + (f'（PDF未生成：{files["pdf_error"]}）'
                                                                    if files['pdf_error'] else ''))
    services.bulk_create([ReportFigure(
        version=version, ref=f.ref, section=f.section[:200], text=f.text[:100], part=f.part, indicator=f.indicator,
        indicator_name=f.indicator_name[:100], unit_code=f.unit_code, unit_name=f.unit_name[:100], period=f.period,
        compared_period=f.compared_period, value=f.value, numerator=f.numerator, denominator=f.denominator,
        records=f.records, small_sample=f.small_sample) for f in draft.figures], message=f'第{number}版数字来源')
    fresh = Report.objects.get(pk=report.pk)  # the caller's instance may predate a publication
    services.update(fresh, {'current_version': version, 'state': ReportState.DRAFT},
                    message=f'生成第{number}版，回到草稿状态')
    report.current_version, report.state = version, ReportState.DRAFT
    return version


def render(report: Report, *, source: str = 'web', progress: Progress = _quiet,
           make_pdf: bool | None = None) -> ReportVersion:
    """Draft the report from live data and store the new version (DOCX, PDF, HTML, figures' provenance).
    make_pdf None: unless the FAZHI_REPORTS_PDF setting is False."""
    if make_pdf is None:
        make_pdf = getattr(settings, 'FAZHI_REPORTS_PDF', True)
    started = time.perf_counter()
    progress(2, '准备')
    ensure_narratives(report)
    with indicator_service.store() as con:
        draft = compose(report, con, progress=progress)
    files = render_files(draft, make_pdf=make_pdf, progress=progress)
    progress(95, '保存版本')
    version = save_version(report, draft, files, source=source, seconds=time.perf_counter() - started)
    progress(100, '完成')
    return version


# -- checking and publishing ---------------------------------------------------------------------


def check(report: Report) -> ReportVersion:
    """Run the pre-publication check on the current version and record its findings; the report becomes
    'checked' (publication still needs no blocking findings, or an override)."""
    report = Report.objects.get(pk=report.pk)
    version = report.current_version
    if version is None:
        raise workflow.TransitionRefused('报告还没有生成任何版本，请先生成。')
    workflow.check(report, 'check')
    result = checks.run(version)
    actor = current_actor()
    with transaction.atomic():
        services.update(version, {'findings': result.findings, 'checks': result.passed, 'checked_at': timezone.now(),
                                  'checked_by_name': actor.name if actor else ''},
                        message=f'发布前校核：发现 {len(result.findings)} 个问题')
        workflow.apply(report, 'check', note=f'发现 {len(result.findings)} 个问题')
    version.refresh_from_db()
    return version


def publish(report: Report, *, override_reason: str = '') -> Report:
    report = Report.objects.get(pk=report.pk)
    actor = current_actor()
    data = {'override_reason': override_reason, 'user': actor.user if actor else None}
    workflow.check(report, 'publish', data)
    version = report.current_version
    today = timezone.localdate()
    with transaction.atomic():
        changes: dict[str, Any] = {'published_at': timezone.now(), 'published_by_name': actor.name if actor else ''}
        if version.blocking_findings:
            changes.update(override_reason=override_reason.strip(), override_by_name=actor.name if actor else '')
        note = f'（带{len(version.blocking_findings)}个问题发布，理由：{override_reason.strip()}）' \
            if version.blocking_findings else ''
        services.update(version, changes, message=f'发布{note}')
        if version.blocking_findings:
            services.record_event(version, f'批准带问题发布：{override_reason.strip()}')
        report.published_version = version
        report.published_on = today
        report = workflow.apply(report, 'publish', on=today, note=f'发布第{version.number}版', **data)
    return report

