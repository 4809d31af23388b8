from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from fazhi.core.api import ScopedModelViewSet

from ..casework import api as casework_api
from ..figures import FIGURES
from ..importing import CASE_IMPORT
from ..models import CorrectionFeedback, Party, PublishedDecision, ReconsiderationCase, ServiceRecord
from . import serializers as s


class CaseViewSet(ScopedModelViewSet):
    queryset = ReconsiderationCase.objects.all()
    serializer_class = s.CaseSerializer
    filterset_fields = ['state', 'procedure', 'outcome', 'domain', 'act_type', 'channel', 'respondent_unit',
                        'officer', 'is_correction', 'decided_late', 'went_to_litigation']
    select_related = ('respondent_unit', 'officer')

    def get_serializer_class(self) -> Any:
        return s.CaseDetailSerializer if self.action != 'list' else s.CaseSerializer

    transition = casework_api.transition_action(ReconsiderationCase, s.CaseDetailSerializer)
    queue = casework_api.queue_action()
    import_, import_template = casework_api.import_actions(CASE_IMPORT)


class PartyViewSet(ScopedModelViewSet):
    queryset = Party.objects.all()
    serializer_class = s.PartySerializer
    filterset_fields = ['case', 'role', 'kind', 'e_service_consent']


class ServiceRecordViewSet(ScopedModelViewSet):
    queryset = ServiceRecord.objects.all()
    serializer_class = s.ServiceRecordSerializer
    filterset_fields = ['case', 'document', 'method', 'recipient']


class FeedbackViewSet(ScopedModelViewSet):
    queryset = CorrectionFeedback.objects.all()
    serializer_class = s.FeedbackSerializer
    filterset_fields = ['case', 'unit', 'kind', 'status']
    http_method_names = ['get', 'head', 'options', 'patch']


class PublicationViewSet(ScopedModelViewSet):
    """Decision documents for publication: the public sees published ones, redacted, without the findings."""
    queryset = PublishedDecision.objects.all()
    serializer_class = s.PublicationSerializer
    filterset_fields = ['status', 'domain', 'outcome']
    http_method_names = ['get', 'head', 'options', 'patch', 'post']

    def get_serializer_class(self) -> Any:
        return s.PublicationSerializer if self.request.user.is_authenticated else s.PublicDecisionSerializer

    @extend_schema(exclude=True)
    def create(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return Response({'detail': '公开稿由案件的“生成公开脱敏稿”操作产生。'}, status=405)

    transition = casework_api.transition_action(PublishedDecision, s.PublicationSerializer)


class FiguresView(casework_api.FiguresAPIView):
    catalogue = FIGURES
    model = ReconsiderationCase
