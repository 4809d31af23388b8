"""API: reports (create, render with a job to poll, check, publish), versions and figures' provenance, narratives."""
from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from fazhi.core import workflow
from fazhi.core.api import ActorMixin, ScopedModelViewSet
from fazhi.core.permissions import AccessDenied, can, can_on_object, deny_message
from fazhi.organization.models import Unit

from .. import drafting, jobs
from ..models import NarrativeSection, RenderJob, Report
from .serializers import (FigureSerializer, JobSerializer, NarrativeSerializer, PublishSerializer,
                          ReportCreateSerializer, ReportSerializer, VersionSerializer)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = '记录已被他人修改。'


class ReportViewSet(ScopedModelViewSet):
    queryset = Report.objects.all()
    serializer_class = ReportSerializer
    filterset_fields = ['kind', 'state', 'year', 'month', 'unit']
    select_related = ('unit', 'current_version', 'published_version')
    http_method_names = ['get', 'post', 'head', 'options']

    def _changeable(self, request: Any, pk: Any) -> Report:
        report = self.get_object()
        if not can_on_object(request.user, 'change', report):
            raise AccessDenied(deny_message(Report, 'change'))
        return report

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, AccessDenied):
            return Response({'detail': str(exc)}, status=status.HTTP_403_FORBIDDEN)
        if isinstance(exc, workflow.TransitionRefused):
            return Response({'detail': str(exc)}, status=status.HTTP_409_CONFLICT)
        return super().handle_exception(exc)

    @extend_schema(request=ReportCreateSerializer, responses={201: ReportSerializer}, summary='新建报告（不生成）')
    def create(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        body = ReportCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        unit = Unit.objects.filter(code=data['unit']).first()
        if unit is None:
            return Response({'detail': f'单位不存在：{data["unit"]}'}, status=status.HTTP_400_BAD_REQUEST)
        kind = drafting.kind_for(data['kind'], unit)
        if not can(request.user, 'add', Report):
            return Response({'detail': deny_message(Report, 'add')}, status=status.HTTP_403_FORBIDDEN)
        if Report.objects.filter(kind=kind, unit=unit, year=data['year'], month=data.get('month') or 0).exists():
            return Response({'detail': '该单位这一期间的这种报告已经存在。'}, status=status.HTTP_409_CONFLICT)
        from django.core.exceptions import ValidationError
        try:
            report = drafting.create_report(kind, unit, data['year'], data.get('month') or 0)
        except ValidationError as exc:
            return Response({'detail': '；'.join(exc.messages)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={202: JobSerializer}, summary='从最新数据生成新版本（后台任务，轮询进度）')
    @action(detail=True, methods=['post'], permission_classes=[IsAuthenticated])
    def render(self, request: Any, pk: Any = None) -> Response:
        report = self._changeable(request, pk)
        job = jobs.start(report, request.user, source='api')
        return Response(JobSerializer(job).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(request=None, responses={200: VersionSerializer, 409: OpenApiResponse(description='无版本')},
                   summary='发布前校核当前版本')
    @action(detail=True, methods=['post'], permission_classes=[IsAuthenticated])
    def check(self, request: Any, pk: Any = None) -> Response:
        report = self._changeable(request, pk)
        return Response(VersionSerializer(drafting.check(report)).data)

    @extend_schema(request=PublishSerializer,
                   responses={200: ReportSerializer, 409: OpenApiResponse(description='不能发布')},
                   summary='发布当前版本（有问题时须由区依法治区办填写理由）')
    @action(detail=True, methods=['post'], permission_classes=[IsAuthenticated])
    def publish(self, request: Any, pk: Any = None) -> Response:
        report = self._changeable(request, pk)
        body = PublishSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        report = drafting.publish(report, override_reason=body.validated_data.get('override_reason', ''))
        return Response(ReportSerializer(report).data)

    @extend_schema(responses=VersionSerializer(many=True), summary='全部版本（存档）')
    @action(detail=True, methods=['get'])
    def versions(self, request: Any, pk: Any = None) -> Response:
        report = self.get_object()
        return Response(VersionSerializer(report.versions.order_by('-number'), many=True).data)

    @extend_schema(responses=FigureSerializer(many=True), summary='当前版本每个数字的来源（指标、期间、记录数、明细链接）')
    @action(detail=True, methods=['get'])
    def figures(self, request: Any, pk: Any = None) -> Response:
        report = self.get_object()
        version = report.current_version
        figures = version.figures.order_by('ref') if version else []
        return Response(FigureSerializer(figures, many=True).data)


class NarrativeViewSet(ScopedModelViewSet):
    queryset = NarrativeSection.objects.all()
    serializer_class = NarrativeSerializer
    filterset_fields = ['report', 'key']
    http_method_names = ['get', 'patch', 'head', 'options']

    def perform_update(self, serializer: Any) -> None:
        data = serializer.validated_data
        section = serializer.instance
        try:
            serializer.instance = drafting.save_narrative(section, data.get('text', section.text),
                                                          base_revision=data.get('base_revision'),
                                                          note=data.get('note', ''))
        except drafting.StaleRevision as exc:
            raise Conflict(str(exc))


class JobViewSet(ActorMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = RenderJob.objects.all()
    serializer_class = JobSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self) -> Any:
        reports = Report.objects.visible_to(self.request.user).values('pk')
        return RenderJob.objects.filter(report__in=reports).select_related('version')
