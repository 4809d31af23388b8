from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core.views import ObjectDetailView, ObjectEditView, ObjectListView
from fazhi.legality.transitions import LedgerListMixin, TransitionView, WorkflowDetailMixin

from . import forms
from .choices import OPEN_REQUEST_STATES
from .models import DisclosureItem, DisclosureRequest


class RequestListView(LedgerListMixin, ObjectListView):
    model = DisclosureRequest
    columns = ('request_no', 'unit', 'applicant_kind', 'received_on', 'due_on', 'state', 'replied_on', 'outcome',
               'on_time')
    search_fields = ('request_no', 'content', 'applicant_name')
    filters = ('unit', 'state', 'outcome', 'channel', 'applicant_kind', 'on_time')
    add_url_name = 'disclosure:request_add'
    import_url_name = 'disclosure:request_import'
    quick_filters = (('全部', ''), ('办理中', 'state=received'), ('补正中', 'state=correcting'),
                     ('已逾期未答复', 'due=overdue'), ('5日内到期', 'due=soon'), ('超期答复', 'on_time=False'))

    def get_queryset(self) -> Any:
        qs = super().get_queryset().select_related('unit')
        today, due = dt.date.today(), self.request.GET.get('due')
        if due == 'overdue':
            qs = qs.filter(state__in=OPEN_REQUEST_STATES, due_on__lt=today)
        elif due == 'soon':
            qs = qs.filter(state__in=OPEN_REQUEST_STATES, due_on__range=(today, today + dt.timedelta(days=7)))
        return qs


class RequestDetailView(WorkflowDetailMixin, ObjectDetailView):
    model = DisclosureRequest
    template_name = 'disclosure/request_detail.html'
    fields = ('request_no', 'unit', 'applicant_kind', 'applicant_name', 'channel', 'content', 'received_on',
              'correction_requested_on', 'correction_received_on', 'third_party_from', 'third_party_to',
              'extended_on', 'due_on', 'state', 'replied_on', 'outcome', 'on_time')
    transition_forms = forms.REQUEST_TRANSITION_FORMS
    transition_url_name = 'disclosure:request_transition'
    edit_url_name = 'disclosure:request_edit'

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        due = self.object.due_explained()
        context['due_text'] = due.explain_text() if due is not None else '等待申请人补正：收到补正材料后重新计算答复期限。'
        return context


class RequestEditView(ObjectEditView):
    model = DisclosureRequest
    form_class = forms.DisclosureRequestForm


class RequestTransitionView(TransitionView):
    model = DisclosureRequest
    forms = forms.REQUEST_TRANSITION_FORMS


class ItemListView(LedgerListMixin, ObjectListView):
    model = DisclosureItem
    columns = ('title', 'unit', 'category', 'formed_on', 'due_on', 'published_on', 'channel', 'on_time')
    search_fields = ('title', 'url')
    filters = ('unit', 'category', 'channel', 'on_time')
    add_url_name = 'disclosure:item_add'
    import_url_name = 'disclosure:item_import'
    quick_filters = (('全部', ''), ('超期公开', 'on_time=False'), ('未公开', 'published=no'))

    def get_queryset(self) -> Any:
        qs = super().get_queryset().select_related('unit')
        if self.request.GET.get('published') == 'no':
            qs = qs.filter(published_on__isnull=True)
        return qs


class ItemDetailView(ObjectDetailView):
    model = DisclosureItem
    fields = ('title', 'unit', 'category', 'formed_on', 'due_on', 'published_on', 'channel', 'url', 'on_time')


class ItemEditView(ObjectEditView):
    model = DisclosureItem
    form_class = forms.DisclosureItemForm
