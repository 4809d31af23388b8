"""Generic scoped views: every list, detail, form and export goes through `visible_to`.

An app's views are thin subclasses that name the model, the columns and the form
(see fazhi/organization/views.py).
"""
from __future__ import annotations

from typing import Any, Sequence

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views import generic

from . import export, services
from .permissions import AccessDenied, can, can_on_object, deny_message


def forbidden(request: Any, message: str) -> HttpResponse:
    return render(request, 'core/403.html', {'message': message}, status=403)


class ScopedViewMixin:
    model: Any = None
    action = 'view'
    request: Any

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not can(request.user, self.action, self.model):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return forbidden(request, deny_message(self.model, self.action))
        try:
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        except AccessDenied as exc:
            return forbidden(request, str(exc))

    def get_queryset(self) -> Any:
        return self.model._default_manager.visible_to(self.request.user, self.action)

    def get_object(self, queryset: Any = None) -> Any:
        pk = self.kwargs.get('pk')  # type: ignore[attr-defined]
        obj = self.model._default_manager.filter(pk=pk).first()
        if obj is None:
            raise Http404('记录不存在')
        if not can_on_object(self.request.user, self.action, obj):
            raise AccessDenied(deny_message(self.model, self.action))
        return obj

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        meta = self.model._meta
        user = self.request.user
        context.update(model_name=meta.verbose_name, can_add=can(user, 'add', self.model),
                       can_change=can(user, 'change', self.model), can_delete=can(user, 'delete', self.model))
        return context


def field_label(model: Any, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def display_getter(name: str) -> Any:
    def get(obj: Any) -> Any:
        method = getattr(obj, f'get_{name}_display', None)
        return method() if method else getattr(obj, name)
    return get


class ObjectListView(ScopedViewMixin, generic.ListView):
    template_name = 'core/object_list.html'
    paginate_by = 50
    columns: Sequence[str] = ()
    search_fields: Sequence[str] = ()
    filters: Sequence[str] = ()  # exact-match query parameters allowed on this list
    add_url_name: str | None = None

    def get_columns(self) -> list[export.Column]:
        return [(c, field_label(self.model, c), display_getter(c)) for c in self.columns]

    def get_queryset(self) -> Any:
        qs = super().get_queryset()
        params = self.request.GET
        if (q := params.get('q', '').strip()) and self.search_fields:
            cond = Q()
            for f in self.search_fields:
                cond |= Q(**{f'{f}__icontains': q})
            qs = qs.filter(cond)
        for name in self.filters:
            if value := params.get(name):
                qs = qs.filter(**{name: value})
        return qs

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        fmt = request.GET.get('export')
        if fmt in ('csv', 'xlsx'):
            rows = self.get_queryset().iterator(chunk_size=2000)
            name = str(self.model._meta.verbose_name_plural)
            maker = export.csv_response if fmt == 'csv' else export.xlsx_response
            return maker(rows, self.get_columns(), name)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        columns = self.get_columns()
        context['headers'] = [h for _, h, _ in columns]
        context['rows'] = [(obj, [g(obj) for _, _, g in columns]) for obj in context['object_list']]
        context['add_url_name'] = self.add_url_name
        context['query'] = self.request.GET.get('q', '')
        params = self.request.GET.copy()
        params.pop('page', None)
        context['querystring'] = params.urlencode()
        return context


class ObjectDetailView(ScopedViewMixin, generic.DetailView):
    template_name = 'core/object_detail.html'
    fields: Sequence[str] = ()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        obj = self.object
        context['field_rows'] = [(field_label(self.model, f), display_getter(f)(obj)) for f in self.fields]
        return context


class ObjectEditView(ScopedViewMixin, generic.UpdateView):
    """Create (no pk) or change (pk) a record through the audited service."""
    template_name = 'core/object_form.html'
    form_class: Any = None

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        self.action = 'change' if 'pk' in kwargs else 'add'
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset: Any = None) -> Any:
        return super().get_object(queryset) if 'pk' in self.kwargs else None

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs['user'] = self.request.user
        return kwargs

    def form_valid(self, form: Any) -> Any:
        obj = form.save(commit=False)
        try:
            if self.action == 'add':
                obj = services.create(obj)
            else:
                obj = services.update(obj)
        except AccessDenied as exc:
            form.add_error(None, str(exc))
            return self.render_to_response(self.get_context_data(form=form), status=403)
        return redirect(obj.get_absolute_url())
