"""Assessment API: the same scopes as the pages; writes through the assessment services (audited)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from fazhi.core import workflow
from fazhi.core.api import ScopedModelViewSet

from .. import projects, services, systemfile
from ..models import (Campaign, CampaignUnit, Deduction, Evidence, ExpertScore, IndicatorSystem, ItemScore, Objection,
                      ProjectApplication, ProjectRound, ReviewerAssignment, RoundExpert, SystemItem)
from . import serializers as s

READ_ONLY = ['get', 'head', 'options']


class IndicatorSystemViewSet(ScopedModelViewSet):
    queryset = IndicatorSystem.objects.all()
    serializer_class = s.IndicatorSystemSerializer
    filterset_fields = ['code', 'state', 'is_default']
    http_method_names = READ_ONLY + ['post']

    def create(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        return self.load(request)

    @extend_schema(request=s.SystemTextSerializer, responses={200: None})
    @action(detail=False, methods=['post'])
    def validate(self, request: Any) -> Response:
        """Check a system without saving it: the list of errors in Chinese (empty when it may be loaded)."""
        data = s.SystemTextSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        spec, errors = systemfile.validate(data.validated_data['text'])
        return Response({'valid': not errors, 'errors': errors,
                         'items': len(spec.all_items()) if spec and not errors else None},
                        status=status.HTTP_200_OK if not errors else status.HTTP_400_BAD_REQUEST)

    @extend_schema(request=s.SystemTextSerializer, responses={201: s.IndicatorSystemSerializer})
    @action(detail=False, methods=['post'])
    def load(self, request: Any) -> Response:
        """Validate and save a system as the next version of its code; nothing is saved when it has errors."""
        data = s.SystemTextSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            system = services.load_system(data.validated_data['text'], note=data.validated_data.get('note') or '')
        except systemfile.SystemFileError as exc:
            return Response({'detail': '指标体系有误，未保存。', 'errors': exc.errors}, status=400)
        except services.AssessmentError as exc:
            return Response({'detail': str(exc), 'errors': [str(exc)]}, status=400)
        return Response(s.IndicatorSystemSerializer(system).data, status=201)


class SystemItemViewSet(ScopedModelViewSet):
    queryset = SystemItem.objects.all()
    serializer_class = s.SystemItemSerializer
    filterset_fields = ['system', 'level', 'rule_type']
    http_method_names = READ_ONLY


class CampaignViewSet(ScopedModelViewSet):
    queryset = Campaign.objects.all()
    serializer_class = s.CampaignSerializer
    filterset_fields = ['state', 'period', 'system']
    http_method_names = READ_ONLY + ['post']
    select_related = ('system',)

    def create(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        data = request.data
        system = IndicatorSystem.objects.filter(pk=data.get('system')).first()
        if system is None:
            raise ValidationError({'system': '请指定指标体系版本（system）。'})
        try:
            campaign = services.create_campaign(name=data.get('name') or '', period=data.get('period') or '',
                                                system=system, categories=data.get('categories'))
        except services.AssessmentError as exc:
            raise ValidationError({'detail': str(exc)})
        return Response(s.CampaignSerializer(campaign).data, status=201)

    @extend_schema(request=None, responses={200: None})
    @action(detail=True, methods=['post'])
    def score(self, request: Any, pk: Any = None) -> Response:
        """Re-run automatic scoring from the indicator engine."""
        campaign = self.get_object()
        try:
            counts = services.score_automatic(campaign)
        except services.AssessmentError as exc:
            return Response({'detail': str(exc)}, status=400)
        return Response(counts)

    @extend_schema(request=s.TransitionSerializer, responses={200: s.CampaignSerializer})
    @action(detail=True, methods=['post'])
    def transition(self, request: Any, pk: Any = None) -> Response:
        campaign = self.get_object()
        data = s.TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        name, on, note = values.pop('name'), values.pop('on', None) or dt.date.today(), values.pop('note', '')
        try:
            campaign = workflow.apply(campaign, name, on=on, note=note, step_on=on, **values)
        except (workflow.TransitionRefused, services.AssessmentError) as exc:
            return Response({'detail': str(exc)}, status=400)
        return Response(s.CampaignSerializer(campaign).data)

    @action(detail=True, methods=['get'])
    def ranking(self, request: Any, pk: Any = None) -> Response:
        """Rankings per category with their sample sizes (units per category)."""
        from ..views import results_visible
        campaign = self.get_object()
        if not results_visible(request.user, campaign):
            return Response({'detail': '考核结果发布后方可查看全部排名。'}, status=403)
        return Response({'campaign': campaign.pk, 'state': campaign.state, 'categories': [
            {'code': g['code'], 'name': g['name'], 'size': g['size'], 'mean': g['mean'], 'complete': g['complete'],
             'ranking': [{'rank': e.rank, 'unit': e.unit.code, 'unit_name': e.unit.name, 'total': e.total,
                          'grade': e.grade, 'previous_rank': e.previous_rank, 'change': e.change,
                          'pending_items': e.pending_items} for e in g['entries']]}
            for g in services.grouped_ranking(campaign)]})


class CampaignUnitViewSet(ScopedModelViewSet):
    queryset = CampaignUnit.objects.all()
    serializer_class = s.CampaignUnitSerializer
    filterset_fields = ['campaign', 'category', 'unit']
    http_method_names = READ_ONLY
    select_related = ('unit',)


class ItemScoreViewSet(ScopedModelViewSet):
    queryset = ItemScore.objects.all()
    serializer_class = s.ItemScoreSerializer
    filterset_fields = ['entry', 'item', 'method', 'state', 'small_sample']
    http_method_names = READ_ONLY
    select_related = ('item',)


class DeductionViewSet(ScopedModelViewSet):
    queryset = Deduction.objects.all()
    serializer_class = s.DeductionSerializer
    filterset_fields = ['score', 'indicator_code']
    http_method_names = READ_ONLY


class EvidenceViewSet(ScopedModelViewSet):
    queryset = Evidence.objects.all()
    serializer_class = s.EvidenceSerializer
    filterset_fields = ['score']
    http_method_names = READ_ONLY


class ObjectionViewSet(ScopedModelViewSet):
    queryset = Objection.objects.all()
    serializer_class = s.ObjectionSerializer
    filterset_fields = ['score', 'state']
    http_method_names = READ_ONLY + ['post']

    def perform_create(self, serializer: Any) -> None:
        score = serializer.validated_data['score']
        from fazhi.core.permissions import can_on_object
        if not can_on_object(self.request.user, 'change', score) or self.request.user.role != 'unit_officer':
            raise services.refuse(score, '只有本单位的填报员可以提出申诉。')
        try:
            serializer.instance = services.submit_objection(
                score, reason=serializer.validated_data['reason'],
                requested=serializer.validated_data.get('requested_score'))
        except services.AssessmentError as exc:
            raise ValidationError({'detail': str(exc)})


class ReviewerAssignmentViewSet(ScopedModelViewSet):
    queryset = ReviewerAssignment.objects.all()
    serializer_class = s.ReviewerAssignmentSerializer
    filterset_fields = ['campaign', 'reviewer']
    http_method_names = READ_ONLY


class ProjectRoundViewSet(ScopedModelViewSet):
    queryset = ProjectRound.objects.all()
    serializer_class = s.ProjectRoundSerializer
    filterset_fields = ['state', 'year']
    http_method_names = READ_ONLY


class ProjectApplicationViewSet(ScopedModelViewSet):
    queryset = ProjectApplication.objects.all()
    serializer_class = s.ProjectApplicationSerializer
    filterset_fields = ['round', 'unit', 'category', 'selected', 'state']
    http_method_names = READ_ONLY + ['post']
    select_related = ('unit',)

    def perform_create(self, serializer: Any) -> None:
        data = serializer.validated_data
        try:
            serializer.instance = projects.submit_application(
                data['round'], unit=data['unit'], title=data['title'], description=data['description'],
                measures=data['measures'], effects=data['effects'], evidence_note=data.get('evidence_note', ''))
        except services.AssessmentError as exc:
            raise ValidationError({'detail': str(exc)})


class RoundExpertViewSet(ScopedModelViewSet):
    queryset = RoundExpert.objects.all()
    serializer_class = s.RoundExpertSerializer
    filterset_fields = ['round']
    http_method_names = READ_ONLY


class ExpertScoreViewSet(ScopedModelViewSet):
    queryset = ExpertScore.objects.all()
    serializer_class = s.ExpertScoreSerializer
    filterset_fields = ['application', 'expert']
    http_method_names = READ_ONLY
