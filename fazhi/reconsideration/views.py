"""Pages of the reconsideration ledger: thin classes over the generic scoped views."""
from __future__ import annotations

from typing import Any

from fazhi.core.views import ObjectDetailView, ObjectEditView
from fazhi.core.workflow import timeline

from . import forms, importing
from .casework import transitions, web
from .figures import FIGURES
from .models import CorrectionFeedback, Party, PublishedDecision, ReconsiderationCase, ServiceRecord

CASE_COLUMNS = ('case_number', 'received_on', 'applicant_names', 'respondent_unit', 'domain', 'state', 'procedure',
                'outcome', 'concluded_on', 'next_due_on', 'next_due_label', 'officer')


class CaseListView(web.FilteredListView):
    model = ReconsiderationCase
    columns = CASE_COLUMNS
    search_fields = ('case_number', 'applicant_names', 'act_description')
    filters = ('state', 'procedure', 'outcome', 'domain', 'act_type', 'channel', 'respondent_unit', 'officer',
               'is_correction', 'decided_late', 'received_on__gte', 'received_on__lte')
    add_url_name = 'reconsideration:case_add'
    import_url_name = 'reconsideration:case_import'
    queue_url_name = 'reconsideration:queue'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('respondent_unit', 'officer')


class CaseDetailView(ObjectDetailView):
    model = ReconsiderationCase
    template_name = 'reconsideration/case_detail.html'
    fields = ('case_number', 'state', 'received_on', 'channel', 'applicant_names', 'applicant_kind', 'respondent_unit',
              'act_description', 'act_type', 'domain', 'amount', 'minor_act', 'request', 'normative_document',
              'enforcement_reference', 'officer', 'procedure', 'acceptance_basis', 'correction_requested_on',
              'correction_received_on', 'accepted_on', 'copy_sent_on', 'reply_received_on', 'hearing_count',
              'extension_days', 'extension_reason', 'outcome', 'concluded_on', 'handling_days', 'decided_late',
              'went_to_litigation')

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        case, user = self.object, self.request.user
        context.update(
            dues=case.due_dates(), timeline=timeline(case),
            transitions=transitions.available(case) if context['can_change'] else [],
            parties=Party.objects.visible_to(user).filter(case=case),
            services=ServiceRecord.objects.visible_to(user).filter(case=case).select_related('recipient'),
            feedback=CorrectionFeedback.objects.visible_to(user).filter(case=case),
            publication=PublishedDecision.objects.visible_to(user).filter(case=case).first(),
            litigation=_litigation_of(case, user))
        return context


def _litigation_of(case: Any, user: Any) -> list[Any]:
    related = getattr(case, 'litigation_cases', None)
    return list(related.visible_to(user)) if related is not None else []


class CaseEditView(ObjectEditView):
    model = ReconsiderationCase
    form_class = forms.CaseForm


class CaseTransitionView(web.TransitionView):
    model = ReconsiderationCase


class QueueView(web.QueueView):
    model = ReconsiderationCase
    title = '行政复议期限队列'


class FiguresView(web.FiguresView):
    model = ReconsiderationCase
    catalogue = FIGURES
    records_url_name = 'reconsideration:figure_records'
    title = '行政复议统计指标'


class FigureRecordsView(web.FigureRecordsView):
    catalogue = FIGURES
    columns_by_model = {'reconsideration.ReconsiderationCase': CASE_COLUMNS}


class CaseImportView(web.LedgerImportView):
    model = ReconsiderationCase
    spec = importing.CASE_IMPORT
    list_url_name = 'reconsideration:case_list'


class PartyListView(web.FilteredListView):
    model = Party
    columns = ('name', 'case', 'role', 'kind', 'phone', 'e_service_consent', 'consent_recorded_on')
    search_fields = ('name', 'case__case_number')
    filters = ('role', 'kind', 'e_service_consent')
    add_url_name = 'reconsideration:party_add'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('case')


class PartyDetailView(ObjectDetailView):
    model = Party
    template_name = 'reconsideration/child_detail.html'
    fields = ('case', 'role', 'kind', 'name', 'id_number', 'phone', 'address', 'e_service_consent',
              'e_service_address', 'consent_recorded_on')
    edit_url_name = 'reconsideration:party_edit'


class PartyEditView(ObjectEditView):
    model = Party
    form_class = forms.PartyForm

    def get_initial(self) -> dict[str, Any]:
        return {'case': self.request.GET.get('case')}


class ServiceListView(web.FilteredListView):
    model = ServiceRecord
    columns = ('document', 'case', 'recipient', 'method', 'served_on', 'address')
    search_fields = ('case__case_number', 'recipient__name', 'address')
    filters = ('document', 'method', 'served_on__gte', 'served_on__lte')
    add_url_name = 'reconsideration:service_add'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('case', 'recipient')


class ServiceDetailView(ObjectDetailView):
    model = ServiceRecord
    template_name = 'reconsideration/child_detail.html'
    fields = ('case', 'document', 'recipient', 'method', 'served_on', 'address', 'note')
    edit_url_name = 'reconsideration:service_edit'


class ServiceEditView(ObjectEditView):
    model = ServiceRecord
    form_class = forms.ServiceRecordForm

    def get_initial(self) -> dict[str, Any]:
        return {'case': self.request.GET.get('case')}


class FeedbackListView(web.FilteredListView):
    model = CorrectionFeedback
    columns = ('kind', 'unit', 'case', 'reference', 'raised_on', 'status', 'handled_on')
    search_fields = ('reference', 'case__case_number', 'unit__name')
    filters = ('kind', 'status', 'unit')

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('case', 'unit')


class FeedbackDetailView(ObjectDetailView):
    model = CorrectionFeedback
    template_name = 'reconsideration/child_detail.html'
    fields = ('case', 'unit', 'kind', 'reference', 'raised_on', 'status', 'handled_on', 'result')
    edit_url_name = 'reconsideration:feedback_edit'


class FeedbackEditView(ObjectEditView):
    model = CorrectionFeedback
    form_class = forms.FeedbackForm


class PublicationListView(web.FilteredListView):
    model = PublishedDecision
    columns = ('title', 'respondent_name', 'domain', 'outcome', 'decided_on', 'status', 'published_on')
    search_fields = ('title', 'document_number', 'redacted_text')
    filters = ('status', 'domain', 'outcome')


class PublicationDetailView(ObjectDetailView):
    model = PublishedDecision
    template_name = 'reconsideration/publication_detail.html'
    fields = ('title', 'document_number', 'respondent_name', 'domain', 'outcome', 'decided_on', 'status',
              'published_on')

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(timeline=timeline(self.object),
                       transitions=transitions.available(self.object) if context['can_change'] else [])
        return context


class PublicationEditView(ObjectEditView):
    model = PublishedDecision
    form_class = forms.PublicationReviewForm

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if 'pk' not in kwargs:
            from django.http import Http404
            raise Http404('公开稿由案件“生成公开脱敏稿”产生')
        return super().dispatch(request, *args, **kwargs)


class PublicationTransitionView(web.TransitionView):
    model = PublishedDecision
