"""API: reports (upload, list, facts, findings, reconciliation), the benchmark table, the pre-publication check."""
from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.core.api import ActorMixin, ScopedModelViewSet
from fazhi.intel import ReadError

from .. import benchmarking, reconciliation
from ..checking import check_text
from ..loading import load_report, remove_report
from ..models import ReportDocument, ReportFact, ReportFinding
from ..views import XLSX
from . import serializers as s


class ReportViewSet(ScopedModelViewSet):
    """Loaded reports. POST (multipart `file` or `files`) reads, extracts, audits and stores them."""
    queryset = ReportDocument.objects.all()
    serializer_class = s.ReportSerializer
    filterset_fields = ['region', 'year', 'format']
    http_method_names = ['get', 'head', 'options', 'post', 'delete']
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self) -> Any:
        qs = super().get_queryset()
        return qs.defer('text', 'noise', 'checks') if self.action == 'list' else qs

    def get_serializer_class(self) -> Any:
        return s.ReportDetailSerializer if self.action == 'retrieve' else s.ReportSerializer

    @extend_schema(request={'multipart/form-data': s.UploadSerializer}, summary='上传报告（可多个）：读取、提取、核查并保存',
                   responses={201: s.UploadResultSerializer, 200: s.UploadResultSerializer,
                              400: OpenApiResponse(description='文件无法读取（中文说明，指明文件）')})
    def create(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        body = s.UploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        files = list(request.FILES.getlist('files')) + list(request.FILES.getlist('file'))
        if not files:
            return Response({'detail': '请上传报告文件（字段 file 或 files）。'}, status=status.HTTP_400_BAD_REQUEST)
        loaded, existing, errors = [], [], []
        for upload in files:
            try:
                result = load_report(upload.read(), upload.name, user=request.user,
                                     region=body.validated_data.get('region') or '',
                                     year=body.validated_data.get('year'))
            except ReadError as exc:
                errors.append(str(exc))
                continue
            (loaded if result.created else existing).append(result.report)
        data = {'loaded': s.ReportSerializer(loaded, many=True).data,
                'existing': s.ReportSerializer(existing, many=True).data, 'errors': errors}
        code = status.HTTP_201_CREATED if loaded else status.HTTP_400_BAD_REQUEST if errors else status.HTTP_200_OK
        return Response(data, status=code)

    def perform_destroy(self, instance: ReportDocument) -> None:
        remove_report(instance)

    @extend_schema(summary='报告的全部数量事实（含原文位置）', responses=s.FactSerializer(many=True),
                   parameters=[OpenApiParameter('indicator', str, description='只看某指标编码的事实')])
    @action(detail=True, methods=['get'])
    def facts(self, request: Any, pk: Any = None) -> Response:
        report = self.get_object()
        rows = ReportFact.objects.visible_to(request.user).filter(report=report)
        if code := request.query_params.get('indicator'):
            rows = rows.filter(indicator=code)
        return Response(s.FactSerializer(rows, many=True).data)

    @extend_schema(summary='报告的核查发现（含原文位置和中文说明）及未能核验的检查',
                   responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=['get'])
    def findings(self, request: Any, pk: Any = None) -> Response:
        report = self.get_object()
        rows = ReportFinding.objects.visible_to(request.user).filter(report=report)
        return Response({'findings': s.FindingSerializer(rows, many=True).data,
                         'not_checkable': report.not_checkable, 'consistent': len(report.consistent)})

    @extend_schema(summary='与平台自有数据核对（报告所述地区为本平台的区时）', responses={200: OpenApiTypes.OBJECT})
    @action(detail=True, methods=['get'])
    def reconciliation(self, request: Any, pk: Any = None) -> Response:
        return Response(reconciliation.reconcile_report(self.get_object()).as_dict())


class _ReportScoped(ActorMixin, APIView):
    queryset = ReportDocument.objects.none()  # ScopedPermission: the role's grants on reports decide


class BenchmarkView(_ReportScoped):
    @extend_schema(summary='地区 × 指标横向对比表（每格含年份和原文位置）',
                   parameters=[OpenApiParameter('year', int, description='只比较该年度的数字'),
                               OpenApiParameter('export', str, enum=['xlsx', 'csv'])],
                   responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Any) -> Any:
        year = request.query_params.get('year', '')
        table = benchmarking.table(request.user, int(year) if year.isdigit() else None)
        fmt = request.query_params.get('export')
        if fmt == 'xlsx':
            response = HttpResponse(table.xlsx(), content_type=XLSX)
            response['Content-Disposition'] = 'attachment; filename="benchmark.xlsx"'
            return response
        if fmt == 'csv':
            response = HttpResponse('\ufeff' + table.csv(), content_type='text/csv; charset=utf-8')
            response['Content-Disposition'] = 'attachment; filename="benchmark.csv"'
            return response
        return Response(table.as_dict())


class CheckView(_ReportScoped):
    """POST a draft's text: its findings, without storing anything (needs the right to load reports)."""
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    @extend_schema(request=s.CheckSerializer, summary='发布前数字核查（不保存）', responses={200: OpenApiTypes.OBJECT})
    def post(self, request: Any) -> Response:
        body = s.CheckSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return Response(check_text(body.validated_data['text']).as_dict())


class FactViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    """Facts of all visible reports, filterable by report, indicator, period and region."""
    queryset = ReportFact.objects.all()
    serializer_class = s.FactSerializer
    filterset_fields = ['report', 'indicator', 'period', 'region', 'unit']

    def get_queryset(self) -> Any:
        return ReportFact.objects.visible_to(self.request.user).order_by('report_id', 'seq')
