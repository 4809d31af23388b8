from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from fazhi.core.api import ScopedModelViewSet
from fazhi.legality.api.kit import LedgerImportActionMixin, TransitionActionMixin
from fazhi.legality.ledger_import import parse_date

from .. import imports
from ..choices import Validity
from ..forms import CAMPAIGN_FORMS, DOCUMENT_FORMS
from ..models import CleanupCampaign, CleanupItem, DocumentEvent, DocumentVersion, NormativeDocument
from .serializers import (CampaignSerializer, CleanupItemSerializer, DocumentEventSerializer, DocumentSerializer,
                          DocumentVersionSerializer)

DOCUMENT_QUERY = [
    OpenApiParameter('q', str, description='全文检索（中文分词），如“处罚”'),
    OpenApiParameter('status', str, enum=Validity.values, description='今日效力状态'),
    OpenApiParameter('in_force_on', str, description='在该日（YYYY-MM-DD）有效的文件'),
]


@extend_schema_view(list=extend_schema(parameters=DOCUMENT_QUERY))
class DocumentViewSet(TransitionActionMixin, LedgerImportActionMixin, ScopedModelViewSet):
    queryset = NormativeDocument.objects.all()
    serializer_class = DocumentSerializer
    filterset_fields = ['unit', 'state', 'subject', 'doc_number']
    select_related = ('unit',)
    transition_forms = DOCUMENT_FORMS
    ledger_spec = imports.DOCUMENT_LEDGER

    def get_queryset(self) -> Any:
        qs = super().get_queryset()
        params = self.request.query_params
        if query := params.get('q', '').strip():
            qs = qs.search(query)
        if (status := params.get('status')) in Validity.values:
            qs = qs.with_validity(status)
        if day := params.get('in_force_on'):
            try:
                qs = qs.in_force_on(parse_date(day))
            except ValueError:
                qs = qs.none()
        return qs


class DocumentVersionViewSet(ScopedModelViewSet):
    queryset = DocumentVersion.objects.all()
    serializer_class = DocumentVersionSerializer
    filterset_fields = ['document']
    http_method_names = ['get', 'head', 'options']


class DocumentEventViewSet(ScopedModelViewSet):
    queryset = DocumentEvent.objects.all()
    serializer_class = DocumentEventSerializer
    filterset_fields = ['document', 'kind']
    http_method_names = ['get', 'head', 'options']


class CampaignViewSet(TransitionActionMixin, ScopedModelViewSet):
    queryset = CleanupCampaign.objects.all()
    serializer_class = CampaignSerializer
    filterset_fields = ['state']
    transition_forms = CAMPAIGN_FORMS


class CleanupItemViewSet(ScopedModelViewSet):
    queryset = CleanupItem.objects.all()
    serializer_class = CleanupItemSerializer
    filterset_fields = ['campaign', 'decision', 'document', 'applied']
    select_related = ('document', 'campaign')
    http_method_names = ['get', 'head', 'options', 'patch']
