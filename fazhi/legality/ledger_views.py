"""The import page of a ledger: template download, upload, row-level errors or success."""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.encoding import escape_uri_path
from django.views import View

from fazhi.core.permissions import can, deny_message
from fazhi.core.views import forbidden

from .ledger_import import LedgerSpec, run_import, template_xlsx

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


class UploadForm(forms.Form):
    file = forms.FileField(label='导入文件（Excel 或 CSV）', error_messages={'required': '请选择要导入的文件。'},
                           widget=forms.ClearableFileInput(attrs={'class': 'form-control', 'accept': '.xlsx,.xls,.csv'}))


def template_response(spec: LedgerSpec) -> HttpResponse:
    response = HttpResponse(template_xlsx(spec), content_type=XLSX)
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(spec.name + '导入模板')}.xlsx"
    return response


class LedgerImportView(View):
    spec: LedgerSpec
    list_url_name: str = ''
    template_name = 'kit/import.html'

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can(request.user, 'add', self.spec.model):
            return forbidden(request, deny_message(self.spec.model, 'add'))
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, form: UploadForm, outcome: Any = None, status: int = 200) -> Any:
        return render(self.request, self.template_name, {
            'spec': self.spec, 'form': form, 'outcome': outcome, 'list_url_name': self.list_url_name}, status=status)

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.GET.get('template'):
            return template_response(self.spec)
        return self.render_page(UploadForm())

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form, status=400)
        upload = form.cleaned_data['file']
        outcome = run_import(self.spec, upload.name, upload.read(), request.user)
        if not outcome.ok:
            return self.render_page(UploadForm(), outcome, status=400)
        messages.success(request, f'导入成功：文件“{upload.name}”共 {outcome.created} 条记录。')
        return redirect(self.list_url_name)
