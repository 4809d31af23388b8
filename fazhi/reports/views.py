"""Pages: the list of reports, a new report, a report (versions, narrative, check, publish), the narrative editor
with its history, rendering with a progress bar, a version's preview with its figures' provenance, downloads."""
from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.encoding import escape_uri_path
from django.views.decorators.http import require_POST

from fazhi.core import workflow
from fazhi.core.permissions import AccessDenied, can, can_on_object, deny_message
from fazhi.core.views import ObjectListView, forbidden

from . import drafting, jobs
from .choices import ReportKind, ReportState
from .forms import NarrativeForm, PublishForm, ReportForm
from .html_writer import STYLE, standalone
from .models import OVERRIDE_ROLES, NarrativeSection, RenderJob, Report, ReportVersion

CONTENT_TYPES = {'docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                 'pdf': 'application/pdf', 'html': 'text/html; charset=utf-8'}


class ReportListView(ObjectListView):
    model = Report
    columns = ('title', 'kind', 'unit', 'year', 'state', 'published_on')
    search_fields = ('title', 'unit__name')
    filters = ('kind', 'state', 'year')
    template_name = 'reports/report_list.html'

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not request.user.is_authenticated:  # the public reads published reports on the portal
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit', 'current_version')

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(kinds=ReportKind.choices, states=ReportState.choices,
                       can_create=can(self.request.user, 'add', Report))
        return context


def _report(request: Any, pk: int, action: str = 'view') -> Report:
    report = Report.objects.select_related('unit', 'current_version', 'published_version').filter(pk=pk).first()
    if report is None:
        raise Http404('报告不存在')
    if not can_on_object(request.user, action, report):
        raise AccessDenied(deny_message(Report, action))
    return report


def guarded(view: Any) -> Any:
    """Login required; AccessDenied becomes the 403 page, a refused transition a message on the report."""
    @login_required
    def wrapper(request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return view(request, *args, **kwargs)
        except AccessDenied as exc:
            return forbidden(request, str(exc))
    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@guarded
def report_create(request: Any) -> Any:
    if not can(request.user, 'add', Report):
        return forbidden(request, deny_message(Report, 'add'))
    form = ReportForm(request.POST or None, user=request.user)
    if request.method == 'POST' and form.is_valid():
        data = form.cleaned_data
        report = drafting.create_report(data['kind'], data['unit'], data['year'], data.get('month') or 0)
        job = jobs.start(report, request.user)
        return redirect('reports:job_detail', report.pk, job.pk)
    return render(request, 'reports/report_form.html', {'form': form}, status=400 if form.errors else 200)


@guarded
def report_detail(request: Any, pk: int) -> Any:
    report = _report(request, pk)
    user = request.user
    may_change = can_on_object(user, 'change', report)
    version = report.current_version
    return render(request, 'reports/report_detail.html', {
        'report': report, 'version': version, 'versions': report.versions.order_by('-number'),
        'narratives': report.narratives.order_by('id'), 'may_change': may_change,
        'may_override': getattr(user, 'role', None) in OVERRIDE_ROLES,
        'running': report.jobs.filter(state__in=['queued', 'running']).first(),
        'publish_form': PublishForm(), 'timeline': workflow.timeline(report),
    })


@require_POST
@guarded
def report_render(request: Any, pk: int) -> Any:
    report = _report(request, pk, 'change')
    job = jobs.start(report, request.user)
    return redirect('reports:job_detail', report.pk, job.pk)


@guarded
def job_detail(request: Any, pk: int, job_id: int) -> Any:
    report = _report(request, pk)
    job = RenderJob.objects.filter(pk=job_id, report=report).first()
    if job is None:
        raise Http404('生成任务不存在')
    return render(request, 'reports/job.html', {'report': report, 'job': job})


@guarded
def job_status(request: Any, pk: int, job_id: int) -> Any:
    report = _report(request, pk)
    job = RenderJob.objects.filter(pk=job_id, report=report).first()
    if job is None:
        raise Http404('生成任务不存在')
    return JsonResponse({'state': job.state, 'percent': job.percent, 'phase': job.phase, 'final': job.is_final,
                         'message': job.message, 'version': job.version.number if job.version else None})


@guarded
def narrative_edit(request: Any, pk: int, key: str) -> Any:
    report = _report(request, pk)
    section = report.narratives.filter(key=key).first()
    if section is None:
        raise Http404('没有这个文字段落')
    may_change = can_on_object(request.user, 'change', section)
    form = NarrativeForm(request.POST or None, initial={'text': section.text, 'base_revision': section.revision})
    status = 200
    if request.method == 'POST':
        if not may_change:
            return forbidden(request, deny_message(NarrativeSection, 'change'))
        if form.is_valid():
            try:
                drafting.save_narrative(section, form.cleaned_data['text'], note=form.cleaned_data['note'],
                                        base_revision=form.cleaned_data['base_revision'])
            except drafting.StaleRevision as exc:
                form.add_error(None, str(exc))
                status = 409
            else:
                messages.success(request, f'“{section.title}”已保存。重新生成报告后，新的文字将进入文稿，其他段落和数字不受影响。')
                return redirect('reports:report_detail', report.pk)
        else:
            status = 400
    return render(request, 'reports/narrative_form.html', {
        'report': report, 'section': section, 'form': form, 'may_change': may_change,
        'revisions': section.revisions.order_by('-number')}, status=status)


@require_POST
@guarded
def report_check(request: Any, pk: int) -> Any:
    report = _report(request, pk, 'change')
    try:
        version = drafting.check(report)
    except workflow.TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        if version.blocking_findings:
            messages.warning(request, f'校核发现 {len(version.blocking_findings)} 个问题，见下方清单。')
        else:
            messages.success(request, '校核通过，可以发布。')
    return redirect('reports:report_detail', report.pk)


@require_POST
@guarded
def report_publish(request: Any, pk: int) -> Any:
    report = _report(request, pk, 'change')
    form = PublishForm(request.POST)
    form.is_valid()
    try:
        report = drafting.publish(report, override_reason=form.cleaned_data.get('override_reason', ''))
    except workflow.TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f'已发布第{report.published_version.number}版，公众可在“法治政府建设报告”公开页面查看和下载。')
    return redirect('reports:report_detail', report.pk)


def _version(report: Report, number: int) -> ReportVersion:
    version = report.versions.filter(number=number).first()
    if version is None:
        raise Http404('版本不存在')
    return version


@guarded
def version_detail(request: Any, pk: int, number: int) -> Any:
    report = _report(request, pk)
    version = _version(report, number)
    return render(request, 'reports/version_detail.html', {
        'report': report, 'version': version, 'document': version.html_text, 'style': STYLE,
        'figures': version.figures.order_by('ref')})


def download(version: ReportVersion, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404('未知的格式')
    content = version.read_file(fmt)
    if not content:
        raise Http404('该版本没有这种格式的文件')
    name = f'{version.report.title}（第{version.number}版）.{fmt}'
    if fmt == 'html':
        content = standalone(version.report.title, content)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(name)}"
    return response


@guarded
def version_download(request: Any, pk: int, number: int, fmt: str) -> Any:
    report = _report(request, pk)
    return download(_version(report, number), fmt)

