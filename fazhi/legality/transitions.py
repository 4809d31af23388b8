"""Workflow transitions on pages and in the API, validated by one form per transition.

Every app of the legal-affairs line declares `TRANSITION_FORMS = {'publish': PublishForm, ...}`; the page
(`TransitionView`) and the API action (`TransitionActionMixin.transition`) both validate with that form and
call `fazhi.core.workflow.apply`, so a gate refuses the same shortcut with the same Chinese message on both.
Meant to move to fazhi/core once a second business line uses it.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.views import View

from fazhi.core import workflow
from fazhi.core.context import current_actor
from fazhi.core.permissions import AccessDenied, can_on_object, deny_message
from fazhi.core.views import forbidden


class TransitionForm(forms.Form):
    """Base form: the day the step happened and a note; subclasses add the step's own data."""
    on = forms.DateField(label='发生日期', initial=dt.date.today,
                         widget=forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d'),
                         error_messages={'invalid': '日期格式不正确，应为 年-月-日。', 'required': '请填写发生日期。'})
    note = forms.CharField(label='说明', required=False, widget=forms.Textarea(attrs={'rows': 2}))

    def __init__(self, *args: Any, user: Any = None, obj: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user, self.obj = user, obj
        for field in self.fields.values():
            css = 'form-select' if isinstance(field.widget, forms.Select) else 'form-control'
            if isinstance(field.widget, forms.CheckboxInput):
                css = 'form-check-input'
            field.widget.attrs.setdefault('class', css)

    def transition_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop('on', None)
        data.pop('note', None)
        return data


def authorize(obj: Any, name: str) -> None:
    """Refuse a person whose role or scope does not allow the step, before any gate is evaluated."""
    actor = current_actor()
    if actor is None or actor.is_system:
        return
    transition = type(obj).workflow.get(name)
    if transition.roles is not None and actor.role not in transition.roles:
        raise AccessDenied(f'您的角色不能执行“{transition.label}”。')
    if not can_on_object(actor.user, 'change', obj):
        raise AccessDenied(deny_message(type(obj), 'change'))


def run_transition(obj: Any, name: str, form: TransitionForm) -> Any:
    """Apply a validated transition form; raises AccessDenied, then TransitionRefused (the gates)."""
    authorize(obj, name)
    on = form.cleaned_data['on']
    # Guards run before `apply` sets data['on']: they read the day as data['step_on'].
    return workflow.apply(obj, name, on=on, note=form.cleaned_data.get('note') or '', step_on=on,
                          **form.transition_data())


def actions_for(user: Any, obj: Any, forms_by_name: dict[str, type[TransitionForm]]) -> list[Any]:
    """Transitions the user may try now (state and role fit); guards are checked when submitted."""
    if not getattr(user, 'is_authenticated', False) or not can_on_object(user, 'change', obj):
        return []
    result = []
    for transition in type(obj).workflow.available(obj):
        if transition.name not in forms_by_name:
            continue
        if transition.roles is not None and user.role not in transition.roles:
            continue
        result.append(transition)
    return result


class TransitionView(View):
    """GET: the step's form; POST: apply it, or show why the gate refuses (400) or the role may not (403)."""
    model: Any = None
    forms: dict[str, type[TransitionForm]] = {}
    template_name = 'kit/transition_form.html'

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.obj = self.model._default_manager.visible_to(request.user).filter(pk=kwargs['pk']).first()
        if self.obj is None:
            raise Http404('记录不存在或您无权查看')
        name = kwargs['name']
        if name not in self.forms:
            raise Http404('未知的操作')
        self.transition = type(self.obj).workflow.get(name)
        return super().dispatch(request, *args, **kwargs)

    def form(self, data: Any = None) -> TransitionForm:
        return self.forms[self.transition.name](data, user=self.request.user, obj=self.obj)

    def render_form(self, form: TransitionForm, status: int = 200) -> Any:
        return render(self.request, self.template_name, {
            'object': self.obj, 'transition': self.transition, 'form': form,
            'model_name': self.model._meta.verbose_name}, status=status)

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return self.render_form(self.form())

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_form(form, 400)
        try:
            obj = run_transition(self.obj, self.transition.name, form)
        except workflow.TransitionRefused as exc:
            form.add_error(None, str(exc))
            return self.render_form(form, 400)
        except AccessDenied as exc:
            return forbidden(request, str(exc))
        return redirect(obj.get_absolute_url())


def timeline_rows(obj: Any) -> list[Any]:
    """The record's timeline events, each with the Chinese name of the state it led to."""
    field = type(obj).workflow.field
    labels = dict(obj._meta.get_field(field).choices or [])
    rows = list(workflow.timeline(obj))
    for event in rows:
        event.to_state_label = labels.get(event.to_state, event.to_state)
    return rows


class WorkflowDetailMixin:
    """Adds the timeline, the steps the user may take now and the edit link to a detail page."""
    transition_forms: dict[str, type[TransitionForm]] = {}
    transition_url_name = ''
    edit_url_name = ''
    request: Any
    object: Any

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(timeline=timeline_rows(self.object), transition_url_name=self.transition_url_name,
                       actions=actions_for(self.request.user, self.object, self.transition_forms),
                       edit_url_name=self.edit_url_name)
        return context


class LedgerListMixin:
    """List pages of the legal-affairs ledgers: an import button and quick filter links."""
    template_name = 'kit/object_list.html'
    import_url_name = ''
    quick_filters: tuple[tuple[str, str], ...] = ()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(import_url_name=self.import_url_name, quick_filters=self.quick_filters)
        return context


class InternalPageMixin:
    """Internal pages ask visitors to log in, even for record types whose published part is public
    (the public reads those on the portal pages)."""

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
