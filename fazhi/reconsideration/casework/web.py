"""Generic pages of a case ledger: run a transition, work queues, figures with drill-down."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views import generic

from fazhi.core import ledger_import
from fazhi.core.permissions import AccessDenied
from fazhi.core.views import ObjectListView, ScopedViewMixin, forbidden
from fazhi.core.workflow import TransitionRefused

from . import figures as figure_engine
from . import queues, transitions


class TransitionView(ScopedViewMixin, generic.FormView):
    """GET: the step's form; POST: run it. A refusal re-renders the form with the reason (409)."""
    action = 'change'
    template_name = 'casework/transition_form.html'

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        name = kwargs['name']
        if not any(t.name == name for t in self.model.workflow.transitions):
            raise Http404('没有这个操作')
        return super().dispatch(request, *args, **kwargs)

    def setup_object(self) -> None:
        if not hasattr(self, 'object'):
            self.object = self.get_object()
            self.transition = self.model.workflow.get(self.kwargs['name'])

    def get_form_class(self) -> Any:
        return transitions.form_class(self.model, self.kwargs['name'])

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        init = getattr(self.object, 'transition_initial', None)
        if init is not None:
            kwargs['initial'] = {**kwargs.get('initial', {}), **init(self.kwargs['name'])}
        return kwargs

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        self.setup_object()
        return super().get(request, *args, **kwargs)

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        self.setup_object()
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        field = self.model.workflow.field
        state = getattr(self.object, field)
        context.update(object=self.object, transition=self.transition,
                       state_label=dict(self.model._meta.get_field(field).choices).get(state, state))
        return context

    def form_valid(self, form: Any) -> Any:
        try:
            obj = transitions.perform(self.object, self.kwargs['name'], form)
        except TransitionRefused as exc:
            form.add_error(None, str(exc))
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except AccessDenied as exc:
            return forbidden(self.request, str(exc))
        messages.success(self.request, f'已完成“{self.transition.label}”。')
        return redirect(obj.get_absolute_url())

    def form_invalid(self, form: Any) -> Any:
        return self.render_to_response(self.get_context_data(form=form), status=400)


class QueueView(ScopedViewMixin, generic.TemplateView):
    """Due within 7 days / overdue, for the user's own cases or every case they may see, and per unit."""
    template_name = 'casework/queue.html'
    title = ''

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        kind = self.request.GET.get('kind', 'overdue')
        kind = kind if kind in queues.KINDS else 'overdue'
        mine = self.request.GET.get('mine') == '1'
        qs = self.get_queryset()
        if mine:
            qs = qs.filter(officer=self.request.user)
        context.update(title=self.title, kind=kind, kinds=queues.KINDS, mine=mine,
                       entries=queues.entries(qs, kind), units=queues.by_unit(qs))
        return context


class FiguresView(ScopedViewMixin, generic.TemplateView):
    """The ledger's figures for a unit and a year, with last year's value and links to the records."""
    template_name = 'casework/figures.html'
    catalogue: dict[str, Any] = {}
    records_url_name = ''
    title = ''

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        params = figure_engine.Params.from_query(self.request.GET, self.request.user)
        rows = figure_engine.evaluate_all(self.catalogue, params)
        by = self.request.GET.get('by', '')
        code = self.request.GET.get('figure', '')
        breakdown = None
        if by in figure_engine.BREAKDOWNS and code in self.catalogue:
            breakdown = figure_engine.breakdown(self.catalogue[code], params, by)
        context.update(title=self.title, rows=rows, params=params, years=range(dt.date.today().year, 2018, -1),
                       units=figure_engine.unit_choices(self.request.user), breakdown=breakdown,
                       breakdowns=figure_engine.BREAKDOWNS, records_url_name=self.records_url_name,
                       selected=self.catalogue.get(code), by=by,
                       by_label=figure_engine.BREAKDOWNS.get(by, ''))
        return context


class FigureRecordsView(ObjectListView):
    """Drill-down: the exact records behind one figure's numerator or denominator."""
    catalogue: dict[str, Any] = {}
    columns_by_model: dict[str, tuple[str, ...]] = {}

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        self.figure = self.catalogue.get(kwargs['code'])
        if self.figure is None:
            raise Http404('没有这个指标')
        self.part = 'denominator' if request.GET.get('part') == 'denominator' and self.figure.denominator \
            else 'numerator'
        measure = getattr(self.figure, self.part)
        self.model = apps.get_model(measure.model)
        self.columns = self.columns_by_model[measure.model]
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        params = figure_engine.Params.from_query(self.request.GET, self.request.user)
        return figure_engine.records(self.figure, params, self.part).order_by('-pk')

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        part = '分母' if self.part == 'denominator' else '分子'
        context['model_name'] = f'{self.figure.name}（{part}）'
        return context


class LedgerImportView(ScopedViewMixin, generic.TemplateView):
    """Upload page of a ledger's Excel import; `?template=1` downloads the template."""
    action = 'add'
    template_name = 'casework/import.html'
    spec: Any = None
    list_url_name = ''

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.GET.get('template'):
            return ledger_import.template_response(self.spec)
        return super().get(request, *args, **kwargs)

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        upload = request.FILES.get('file')
        if upload is None:
            context = self.get_context_data(errors=['请选择要导入的文件。'])
            return self.render_to_response(context, status=400)
        result = ledger_import.run_import(self.spec, upload.read(), upload.name, request.user)
        if not result.ok:
            context = self.get_context_data(errors=[str(e) for e in result.errors], file_name=upload.name)
            return self.render_to_response(context, status=400)
        messages.success(request, f'已从“{upload.name}”导入{len(result.created)}条{self.spec.name}。')
        return redirect(self.list_url_name)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(spec=self.spec, list_url_name=self.list_url_name)
        return context


class FilteredListView(ObjectListView):
    """A ledger list with a filter bar built from `filters` (choices, units, officers, yes/no, date ranges)."""
    template_name = 'casework/ledger_list.html'
    import_url_name: str | None = None
    queue_url_name: str | None = None

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(controls=[self._control(name) for name in self.filters],
                       import_url_name=self.import_url_name, queue_url_name=self.queue_url_name)
        return context

    def _control(self, name: str) -> dict[str, Any]:
        base, _, lookup = name.partition('__')
        field = self.model._meta.get_field(base)
        control = {'name': name, 'label': str(field.verbose_name), 'value': self.request.GET.get(name, ''),
                   'kind': 'select', 'choices': []}
        if lookup in ('gte', 'lte'):
            control.update(kind='date', label=f'{field.verbose_name}{"起" if lookup == "gte" else "止"}')
        elif field.choices:
            control['choices'] = [(str(v), str(label)) for v, label in field.choices]
        elif field.get_internal_type() == 'BooleanField':
            control['choices'] = [('true', '是'), ('false', '否')]
        elif field.is_relation:
            control['choices'] = [(str(o.pk), str(o)) for o in self._related_options(field)]
        return control

    def _related_options(self, field: Any) -> Any:
        related = field.related_model
        qs = related._default_manager.visible_to(self.request.user)
        if related._meta.label_lower == 'organization.unit':
            return qs.exclude(kind='office').filter(is_active=True)
        if related._meta.label_lower == 'organization.user':
            return related._default_manager.filter(role='case_officer', is_active=True)
        return qs[:200]
