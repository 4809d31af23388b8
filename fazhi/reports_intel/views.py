"""Pages: the report library, upload, one report (highlighted text, facts, findings, reconciliation),
the regions × indicators benchmark, and the pre-publication check of a draft."""
from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.encoding import escape_uri_path
from django.views import generic

from fazhi.core.permissions import can
from fazhi.core.views import ObjectDetailView, ObjectListView, ScopedViewMixin
from fazhi.intel import ReadError, to_csv, to_json

from . import benchmarking, highlight, reconciliation
from .checking import check_with_facts
from .forms import ACCEPT, MAX_FILES, CheckForm, UploadForm
from .loading import intel_facts, load_report, remove_report
from .models import ReportDocument, ReportFact, ReportFinding

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


class ReportListView(ObjectListView):
    model = ReportDocument
    template_name = 'reports_intel/report_list.html'
    columns = ('title', 'region', 'year', 'format', 'fact_count', 'finding_count', 'file_name', 'uploaded_by',
               'created_at')
    search_fields = ('title', 'file_name', 'region', 'issuer')
    filters = ('region', 'year', 'format')
    add_url_name = 'reports_intel:upload'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('uploaded_by').defer('text', 'noise', 'checks')


class UploadView(ScopedViewMixin, generic.TemplateView):
    """Upload one or several reports; each is read, extracted, audited and stored on its own."""
    model = ReportDocument
    action = 'add'
    template_name = 'reports_intel/upload.html'

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault('form', UploadForm())
        context.update(accept=ACCEPT, max_files=MAX_FILES)
        return context

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        form = UploadForm(request.POST)
        files = request.FILES.getlist('files')
        errors: list[str] = []
        if not files:
            errors.append('请选择要上传的报告文件（可一次选择多个）。')
        elif len(files) > MAX_FILES:
            errors.append(f'一次最多上传 {MAX_FILES} 个文件，本次选择了 {len(files)} 个。')
        if errors or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, errors=errors), status=400)
        loaded = []
        for upload in files:
            try:
                result = load_report(upload.read(), upload.name, user=request.user,
                                     region=form.cleaned_data['region'] or '', year=form.cleaned_data['year'])
            except ReadError as exc:
                errors.append(str(exc))
                continue
            loaded.append(result)
        for result in loaded:
            r = result.report
            if result.created:
                messages.success(request, f'已载入“{r.file_name}”：提取数量事实 {r.fact_count} 条，'
                                          f'发现问题 {r.finding_count} 处。')
            else:
                messages.info(request, f'“{r.file_name}”此前已载入（报告编号 {r.pk}），未重复保存。')
        if errors:
            context = self.get_context_data(form=form, errors=errors, loaded=[r.report for r in loaded])
            return self.render_to_response(context, status=400 if not loaded else 200)
        if len(loaded) == 1:
            return redirect(loaded[0].report.get_absolute_url())
        return redirect('reports_intel:report_list')


class ReportDetailView(ObjectDetailView):
    model = ReportDocument
    template_name = 'reports_intel/report_detail.html'
    fields = ('title', 'file_name', 'format', 'encoding', 'traditional', 'region', 'issuer', 'year', 'size',
              'uploaded_by', 'created_at', 'sha256')

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        fmt = request.GET.get('export')
        if fmt in ('csv', 'json'):
            report = self.get_object()
            facts = intel_facts(ReportFact.objects.visible_to(request.user).filter(report=report))
            for f in facts:
                f.source = report.file_name
            if fmt == 'csv':
                response = HttpResponse('\ufeff' + to_csv(facts), content_type='text/csv; charset=utf-8')
            else:
                response = HttpResponse(to_json(facts), content_type='application/json; charset=utf-8')
            response['Content-Disposition'] = (f"attachment; filename*=UTF-8''"
                                               f"{escape_uri_path(report.file_name)}.facts.{fmt}")
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        report, user = self.object, self.request.user
        facts = list(ReportFact.objects.visible_to(user).filter(report=report))
        findings = list(ReportFinding.objects.visible_to(user).filter(report=report))
        focus = self.request.GET.get('focus', '')
        context.update(analysis_context(report.text, facts, findings, report.noise),
                       indicator_facts=sum(1 for f in facts if f.indicator),
                       reconciliation=reconciliation.reconcile_report(report),
                       can_delete=can(user, 'delete', ReportDocument), focus=int(focus) if focus.isdigit() else None)
        return context


def analysis_context(text: str, facts: list[ReportFact], findings: list[ReportFinding],
                     noise: Any = ()) -> dict[str, Any]:
    """What _analysis.html needs: the highlighted text and the facts' and findings' details for the script."""
    names = benchmarking.indicator_names()
    for f in facts:
        f.indicator_name = names.get(f.indicator, f.indicator)
    return {
        'facts': facts, 'findings': findings,
        'highlighted': highlight.render(text, facts, findings, noise, names),
        'fact_data': {f.pk: {'value': f.value_text, 'unit': f.unit, 'qualifier': f.qualifier, 'subject': f.subject,
                             'indicator': f.indicator, 'indicator_name': f.indicator_name, 'period': f.period,
                             'comparison': f.comparison, 'text': f.text} for f in facts},
        'finding_data': {g.seq: {'label': g.get_kind_display(), 'message': g.message} for g in findings},
    }


class ReportDeleteView(ScopedViewMixin, generic.View):
    model = ReportDocument
    action = 'delete'

    def post(self, request: Any, pk: int) -> Any:
        report = self.get_object()
        name = report.file_name
        remove_report(report)
        messages.success(request, f'已删除报告“{name}”及其数量事实和核查发现。')
        return redirect('reports_intel:report_list')


class OriginalFileView(ScopedViewMixin, generic.View):
    """The file as it was uploaded (never served from a public media URL)."""
    model = ReportDocument

    def get(self, request: Any, pk: int) -> Any:
        report = self.get_object()
        try:
            handle = report.file.open('rb')
        except (FileNotFoundError, ValueError):
            raise Http404('原始文件已不存在')
        return FileResponse(handle, as_attachment=True, filename=report.file_name)


class BenchmarkView(ScopedViewMixin, generic.TemplateView):
    model = ReportDocument
    template_name = 'reports_intel/benchmark.html'

    def year(self) -> int | None:
        value = self.request.GET.get('year', '')
        return int(value) if value.isdigit() else None

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        fmt = request.GET.get('export')
        if fmt in ('xlsx', 'csv'):
            table = benchmarking.table(request.user, self.year())
            name = f'报告指标横向对比{self.year() or ""}'
            if fmt == 'xlsx':
                response = HttpResponse(table.xlsx(), content_type=XLSX)
            else:
                response = HttpResponse('\ufeff' + table.csv(), content_type='text/csv; charset=utf-8')
            response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(name)}.{fmt}"
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        table = benchmarking.table(self.request.user, self.year())
        context.update(table=table, rows=table.rows(), regions=table.bench.regions, charts=table.charts(),
                       years=benchmarking.years(self.request.user), year=self.year(),
                       report_count=len(table.reports))
        return context


class CheckView(ScopedViewMixin, generic.FormView):
    """Pre-publication check of a draft: paste the text, see its figures and findings; nothing is stored."""
    model = ReportDocument
    action = 'add'
    template_name = 'reports_intel/check.html'
    form_class = CheckForm

    def form_valid(self, form: Any) -> Any:
        doc, facts, result = check_with_facts(form.cleaned_data['text'])
        rows = [_unsaved_fact(n, f) for n, f in enumerate(facts, 1)]
        found = [ReportFinding(pk=n, seq=n, kind=f.kind, severity=f.severity, message=f.message,
                               spans=[list(s) for s in f.spans], texts=list(f.texts))
                 for n, f in enumerate(result.findings, 1)]
        context = self.get_context_data(
            form=form, checked=True, **analysis_context(doc.text, rows, found, doc.noise),
            not_checkable=[c for c in result.checks if c.status == 'not_checkable'],
            consistent=[c for c in result.checks if c.status == 'consistent'])
        return self.render_to_response(context)


def _unsaved_fact(n: int, f: Any) -> ReportFact:
    return ReportFact(pk=n, seq=n, text=f.text, start=f.start, end=f.end, value=f.value, high=f.high, unit=f.unit,
                      subject=f.subject, qualifier=f.qualifier or '', indicator=f.indicator or '',
                      comparison=f.comparison or '', direction=f.direction, period=f.period)
