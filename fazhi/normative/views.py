from __future__ import annotations

import datetime as dt
from typing import Any

from django.shortcuts import render

from fazhi.core.permissions import AccessDenied
from fazhi.core.views import ObjectDetailView, ObjectEditView, ObjectListView
from fazhi.legality.figure_views import FiguresView
from fazhi.legality.ledger_import import parse_date
from fazhi.legality.ledger_views import LedgerImportView
from fazhi.legality.transitions import InternalPageMixin, LedgerListMixin, TransitionView, WorkflowDetailMixin

from . import figures, forms, imports
from .choices import DocumentState, Validity
from .models import CleanupCampaign, CleanupItem, NormativeDocument
from .validity import EXPIRY_WARNING_DAYS, filing_due


def day_param(request: Any, name: str) -> dt.date | None:
    try:
        return parse_date(request.GET.get(name, '').strip())
    except ValueError:
        return None


class DocumentFilterMixin:
    """`?q=` Chinese full-text search, `?status=` validity today, `?in_force_on=YYYY-MM-DD`."""
    request: Any

    def filter_documents(self, qs: Any) -> Any:
        params = self.request.GET
        if query := params.get('q', '').strip():
            qs = qs.search(query)
        if (status := params.get('status')) in Validity.values:
            qs = qs.with_validity(status)
        if day := day_param(self.request, 'in_force_on'):
            qs = qs.in_force_on(day)
        return qs


class DocumentListView(InternalPageMixin, LedgerListMixin, DocumentFilterMixin, ObjectListView):
    model = NormativeDocument
    columns = ('title', 'doc_number', 'unit', 'subject', 'state', 'published_on', 'effective_on', 'expires_on',
               'validity', 'filed_on', 'filed_on_time')
    filters = ('state', 'subject', 'unit')
    add_url_name = 'normative:document_add'
    import_url_name = 'normative:document_import'
    quick_filters = (('全部', ''), ('有效', 'status=valid'), ('尚未施行', 'status=pending'), ('已失效', 'status=expired'),
                     ('已废止', 'status=repealed'), ('起草中', 'state=draft'), ('审核中', 'state=reviewing'),
                     ('待报备', 'state=published'))

    def get_queryset(self) -> Any:
        return self.filter_documents(super().get_queryset().select_related('unit'))


class DocumentDetailView(InternalPageMixin, WorkflowDetailMixin, ObjectDetailView):
    model = NormativeDocument
    template_name = 'normative/document_detail.html'
    fields = ('title', 'issuer', 'unit', 'subject', 'state', 'validity', 'doc_number', 'registration_number',
              'legality_review', 'review_passed_on', 'deliberation', 'deliberated_on', 'published_on', 'effective_on',
              'validity_years', 'expires_on', 'amended_on', 'filing_authority', 'filing_due', 'filed_on',
              'filed_on_time', 'filing_review_result', 'filing_materials_conforming', 'filing_reviewed_on',
              'filing_review_opinion', 'repealed_on', 'repeal_reason')
    transition_forms = forms.DOCUMENT_FORMS
    transition_url_name = 'normative:document_transition'
    edit_url_name = 'normative:document_edit'

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        doc = self.object
        context.update(versions=doc.versions.all(), events=doc.events.all(), can_change=context['can_change'] and
                       doc.state == DocumentState.DRAFT,
                       filing=filing_due(doc.published_on) if doc.published_on and not doc.filed_on else None)
        return context


class DocumentEditView(ObjectEditView):
    model = NormativeDocument
    form_class = forms.DocumentForm

    def get_object(self, queryset: Any = None) -> Any:
        obj = super().get_object(queryset)
        if obj is not None and obj.state != DocumentState.DRAFT:
            raise AccessDenied('已送审或已公布的文件不能直接修改：公布后请通过“修改”或“废止”办理。')
        return obj


class DocumentTransitionView(TransitionView):
    model = NormativeDocument
    forms = forms.DOCUMENT_FORMS


class DocumentImportView(LedgerImportView):
    spec = imports.DOCUMENT_LEDGER
    list_url_name = 'normative:document_list'


class AlertsView(DocumentListView):
    """Overdue and imminent filings, documents about to expire and expired documents awaiting clean-up."""

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        today = dt.date.today()
        visible = NormativeDocument.objects.visible_to(request.user).select_related('unit')
        waiting = visible.filter(state=DocumentState.PUBLISHED, filed_on__isnull=True)
        in_force = visible.in_force_on(today)
        return render(request, 'normative/alerts.html', {
            'today': today, 'warning_days': EXPIRY_WARNING_DAYS,
            'filing_overdue': waiting.filter(filing_due__lt=today).order_by('filing_due'),
            'filing_soon': waiting.filter(filing_due__range=(today, today + dt.timedelta(days=7))).order_by('filing_due'),
            'expiring': in_force.filter(expires_on__range=(today, today + dt.timedelta(days=EXPIRY_WARNING_DAYS)))
            .order_by('expires_on'),
            'expired': visible.with_validity(Validity.EXPIRED).order_by('expires_on')})


class NormativeFiguresView(FiguresView):
    model = NormativeDocument
    figures = figures.FIGURES
    title = '规范性文件指标（报备率、及时率、规范率、清理）'


class CampaignListView(LedgerListMixin, ObjectListView):
    model = CleanupCampaign
    columns = ('name', 'organizer', 'started_on', 'deadline', 'state', 'closed_on')
    search_fields = ('name', 'basis')
    filters = ('state',)
    add_url_name = 'normative:campaign_add'


class CampaignDetailView(WorkflowDetailMixin, ObjectDetailView):
    model = CleanupCampaign
    template_name = 'normative/campaign_detail.html'
    fields = ('name', 'basis', 'organizer', 'started_on', 'deadline', 'state', 'closed_on', 'criteria_unit',
              'criteria_subject', 'criteria_from', 'criteria_to', 'criteria_text')
    transition_forms = forms.CAMPAIGN_FORMS
    transition_url_name = 'normative:campaign_transition'
    edit_url_name = 'normative:campaign_edit'

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        items = CleanupItem.objects.visible_to(self.request.user).filter(campaign=self.object)
        context.update(items=items.select_related('document', 'document__unit')[:500], counts=self.object.counts(),
                       can_change=context['can_change'] and self.object.state == 'open')
        return context


class CampaignEditView(ObjectEditView):
    model = CleanupCampaign
    form_class = forms.CampaignForm


class CampaignTransitionView(TransitionView):
    model = CleanupCampaign
    forms = forms.CAMPAIGN_FORMS


class CleanupItemListView(ObjectListView):
    """The result list of clean-ups (filter by campaign), exportable."""
    model = CleanupItem
    columns = ('document', 'campaign', 'decision', 'reason', 'decided_on', 'new_expires_on', 'applied')
    search_fields = ('document__title', 'reason')
    filters = ('campaign', 'decision', 'applied')

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('document', 'campaign')


class CleanupItemEditView(ObjectEditView):
    model = CleanupItem
    form_class = forms.CleanupItemForm

    def get_object(self, queryset: Any = None) -> Any:
        if 'pk' not in self.kwargs:
            raise AccessDenied('清理范围内的文件由“按条件选取文件”生成。')
        return super().get_object(queryset)
