"""The public portal: published reports (latest published version as HTML, PDF download, publication date) and
the archive of every earlier published version. No login; only what has been published."""
from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.views import generic

from .choices import ReportKind
from .html_writer import STYLE
from .models import Report, ReportVersion
from .views import download


def published() -> Any:
    return Report.objects.filter(Report.public_q).select_related('unit', 'published_version')


class PublicReportListView(generic.ListView):
    template_name = 'reports/public_list.html'
    paginate_by = 20

    def get_queryset(self) -> Any:
        qs = published().order_by('-published_on', '-id')
        if q := self.request.GET.get('q', '').strip():
            qs = qs.filter(Q(title__icontains=q) | Q(unit__name__icontains=q))
        if kind := self.request.GET.get('kind'):
            qs = qs.filter(kind=kind)
        return qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        context.update(kinds=ReportKind.choices, query=params.get('q', ''), kind=params.get('kind', ''))
        return context


def _published_version(pk: int, number: int | None) -> tuple[Report, ReportVersion]:
    report = published().filter(pk=pk).first()
    if report is None:
        raise Http404('报告不存在或尚未发布')
    version = report.published_version if number is None else \
        report.versions.filter(number=number, published_at__isnull=False).first()
    if version is None:
        raise Http404('该版本不存在或未发布')
    return report, version


def public_report(request: Any, pk: int, number: int | None = None) -> Any:
    report, version = _published_version(pk, number)
    archive = report.versions.filter(published_at__isnull=False).order_by('-number')
    return render(request, 'reports/public_detail.html', {
        'report': report, 'version': version, 'document': version.html_text, 'style': STYLE, 'archive': archive,
        'is_latest': version.pk == report.published_version_id})


def public_download(request: Any, pk: int, fmt: str, number: int | None = None) -> Any:
    if fmt not in ('pdf', 'docx', 'html'):
        raise Http404('未知的格式')
    _, version = _published_version(pk, number)
    return download(version, fmt)
