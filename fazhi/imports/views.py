"""Import pages: upload (runs on a background thread), a job page that polls its progress, the history,
templates per record type and the downloadable error report."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.encoding import escape_uri_path
from django.views import View

from fazhi.core.ingest import errors_to_csv, errors_to_xlsx, template_csv, template_xlsx
from fazhi.core.permissions import can
from fazhi.core.views import ObjectListView, forbidden
from fazhi.legality.ledger_import import template_xlsx as ledger_template

from . import runner
from .choices import JobSource, JobState
from .models import ImportJob
from .registry import ImportType, can_import, get_type, importable_types
from .reports import job_result

MAX_UPLOAD_BYTES = 512 * 1024 * 1024
XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


class UploadForm(forms.Form):
    type = forms.ChoiceField(label='记录类型', error_messages={'required': '请选择要导入的记录类型。',
                                                           'invalid_choice': '您不能导入这种记录类型。'})
    file = forms.FileField(label='导入文件（Excel 或 CSV）', error_messages={'required': '请选择要导入的文件。',
                                                                    'empty': '文件是空的。'})
    unit = forms.ChoiceField(label='限定单位范围', required=False,
                             help_text='选择后，文件中只能包含该单位及其下级单位的记录；单位填报员只能导入本单位及下级单位的记录。')

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from fazhi.organization.models import Unit
        groups: dict[str, list[tuple[str, str]]] = {}
        for t in importable_types(user):
            groups.setdefault(t.group, []).append((t.name, t.verbose_name))
        self.fields['type'].choices = [('', '请选择')] + list(groups.items())
        units = Unit.objects.visible_to(user).filter(is_active=True)
        self.fields['unit'].choices = [('', '不限（按本人权限）')] + [(u.code, u.name) for u in units]
        self.units = {u.code: u for u in units}
        for name, field in self.fields.items():
            field.widget.attrs['class'] = 'form-select' if name in ('type', 'unit') else 'form-control'
        self.fields['file'].widget.attrs['accept'] = '.xlsx,.xlsm,.xls,.ods,.csv,.txt'

    def clean_file(self) -> Any:
        upload = self.cleaned_data['file']
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f'文件超过 {MAX_UPLOAD_BYTES // 1024 // 1024} MB，请分成几个文件导入。')
        return upload

    def clean_unit(self) -> Any:
        code = self.cleaned_data.get('unit')
        return self.units.get(code) if code else None


class LoginRequiredView(View):
    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)


class UploadView(LoginRequiredView):
    template_name = 'imports/upload.html'

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not importable_types(request.user):
            return forbidden(request, '您没有权限导入数据。')
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: Any) -> Any:
        chosen = request.GET.get('type', '')
        form = UploadForm(user=request.user, initial={'type': chosen})
        return self.render_page(form, get_type(chosen))

    def post(self, request: Any) -> Any:
        form = UploadForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.render_page(form, get_type(request.POST.get('type', '')), status=400)
        import_type = get_type(form.cleaned_data['type'])
        upload = form.cleaned_data['file']
        stored, size = runner.store_upload(upload)
        job = runner.create_job(import_type, upload.name, stored, size, request.user, form.cleaned_data['unit'],
                                JobSource.WEB)
        runner.start(job)
        return redirect(job.get_absolute_url())

    def render_page(self, form: UploadForm, chosen: ImportType | None, status: int = 200) -> Any:
        types = importable_types(self.request.user)
        return render(self.request, self.template_name, {
            'form': form, 'chosen': chosen if chosen in types else None, 'types': types,
            'recent': ImportJob.objects.visible_to(self.request.user).select_related('unit')[:10]}, status=status)


def _visible_job(request: Any, pk: int) -> ImportJob:
    job = ImportJob.objects.visible_to(request.user).filter(pk=pk).select_related('unit', 'user').first()
    if job is None:
        raise Http404('导入记录不存在或您无权查看')
    return job


class JobView(LoginRequiredView):
    def get(self, request: Any, pk: int) -> Any:
        runner.mark_interrupted()
        job = _visible_job(request, pk)
        import_type = get_type(job.type_name)
        return render(request, 'imports/job.html', {
            'job': job, 'import_type': import_type, 'errors': job.errors[:200],
            'can_retry': job.state in (JobState.FAILED, JobState.INTERRUPTED, JobState.REJECTED)
            and import_type is not None and can_import(request.user, import_type)
            and Path(job.stored_file).is_file()})

    def post(self, request: Any, pk: int) -> Any:
        """Import the same stored file again (after an interruption, or once the units exist)."""
        job = _visible_job(request, pk)
        import_type = get_type(job.type_name)
        if import_type is None or not can_import(request.user, import_type) or not Path(job.stored_file).is_file():
            return forbidden(request, '不能重新导入这份文件。')
        again = runner.create_job(import_type, job.file_name, job.stored_file, job.size, request.user, job.unit,
                                  JobSource.WEB)
        runner.start(again)
        return redirect(again.get_absolute_url())


def status_payload(job: ImportJob) -> dict[str, Any]:
    return {'id': job.pk, 'type': job.type_name, 'type_label': job.type_label, 'file_name': job.file_name,
            'state': job.state, 'state_label': job.get_state_display(), 'final': job.is_final,
            'progress': job.progress, 'percent': job.percent, 'phase': job.phase, 'rows': job.rows,
            'inserted': job.inserted, 'updated': job.updated, 'error_count': job.error_count,
            'message': job.message, 'errors': job.errors[:20],
            'created_at': job.created_at.isoformat(), 'seconds': job.seconds}


class JobStatusView(LoginRequiredView):
    def get(self, request: Any, pk: int) -> Any:
        runner.mark_interrupted()
        return JsonResponse(status_payload(_visible_job(request, pk)), json_dumps_params={'ensure_ascii': False})


class ErrorReportView(LoginRequiredView):
    def get(self, request: Any, pk: int) -> Any:
        job = _visible_job(request, pk)
        fmt = 'csv' if request.GET.get('format') == 'csv' else 'xlsx'
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f'errors.{fmt}'
            (errors_to_csv if fmt == 'csv' else errors_to_xlsx)(job_result(job), path)
            data = path.read_bytes()
        response = HttpResponse(data, content_type='text/csv; charset=utf-8' if fmt == 'csv' else XLSX)
        name = escape_uri_path(f'{Path(job.file_name).stem}_错误报告.{fmt}')
        response['Content-Disposition'] = f"attachment; filename*=UTF-8''{name}"
        return response


class TemplateView(LoginRequiredView):
    def get(self, request: Any, name: str) -> Any:
        import_type = get_type(name)
        if import_type is None:
            raise Http404('没有这种记录类型')
        if not (can_import(request.user, import_type) or can(request.user, 'view', import_type.access)):
            return forbidden(request, '您没有权限下载该导入模板。')
        return template_response(import_type, request.GET.get('format', 'xlsx'))


def template_response(import_type: ImportType, fmt: str) -> Any:
    name = f'{import_type.verbose_name}导入模板'
    if import_type.ledger is not None:
        response = HttpResponse(ledger_template(import_type.ledger), content_type=XLSX)
        response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(name)}.xlsx"
        return response
    fmt = 'csv' if fmt == 'csv' else 'xlsx'
    tmp = tempfile.NamedTemporaryFile(suffix=f'.{fmt}', delete=False)
    tmp.close()
    (template_csv if fmt == 'csv' else template_xlsx)(import_type.feed.schema, tmp.name)
    data = Path(tmp.name).read_bytes()
    Path(tmp.name).unlink()
    response = HttpResponse(data, content_type='text/csv; charset=utf-8' if fmt == 'csv' else XLSX)
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(name)}.{fmt}"
    return response


class HistoryView(ObjectListView):
    model = ImportJob
    columns = ('created_at', 'type_label', 'file_name', 'user_label', 'unit', 'source', 'state', 'rows', 'inserted',
               'updated', 'error_count', 'seconds')
    search_fields = ('file_name', 'type_label', 'user_label')
    filters = ('type_name', 'state', 'source', 'unit')

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        runner.mark_interrupted()
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit')


def redirect_to_upload(type_name: str) -> Any:
    """A ledger's "import" link: the shared upload page with the type chosen."""
    def view(request: Any) -> Any:
        from django.urls import reverse
        return redirect(reverse('imports:upload') + f'?type={type_name}')
    return view
