"""Import API: list import types, upload a file (imported on a background thread), follow the job."""
from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.core.api import ActorMixin, ScopedModelViewSet

from .. import runner
from ..choices import JobSource
from ..models import ImportJob
from ..registry import can_import, get_type, importable_types
from .serializers import ImportJobSerializer, ImportUploadSerializer


class ImportTypesView(ActorMixin, APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses=OpenApiTypes.OBJECT, summary='本人可以导入的记录类型（含模板下载地址）')
    def get(self, request: Any) -> Response:
        return Response({'results': [
            {'name': t.name, 'verbose_name': t.verbose_name, 'group': t.group, 'kind': t.kind,
             'natural_key': t.natural_key_text, 'template': f'/imports/templates/{t.name}/'}
            for t in importable_types(request.user)]})


class ImportJobViewSet(ScopedModelViewSet):
    """GET: import history within the user's units; POST (multipart): start an import, then poll the job."""
    queryset = ImportJob.objects.all()
    serializer_class = ImportJobSerializer
    filterset_fields = ['type_name', 'state', 'source']
    select_related = ('unit',)
    http_method_names = ['get', 'post', 'head', 'options']
    parser_classes = [MultiPartParser, FormParser]

    def list(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        runner.mark_interrupted()
        return super().list(request, *args, **kwargs)

    @extend_schema(request={'multipart/form-data': ImportUploadSerializer}, responses={202: ImportJobSerializer},
                   summary='上传文件并开始导入（后台执行，全部成功或全部不导入）')
    def create(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        body = ImportUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        import_type = get_type(body.validated_data['type'])
        if import_type is None or not can_import(request.user, import_type):
            return Response({'detail': '没有这种记录类型，或您没有权限导入。'}, status=status.HTTP_403_FORBIDDEN)
        unit = self._unit(request, body.validated_data.get('unit') or '')
        if unit is False:
            return Response({'detail': '限定单位不存在或不在您的权限范围内。'}, status=status.HTTP_400_BAD_REQUEST)
        upload = body.validated_data['file']
        stored, size = runner.store_upload(upload)
        job = runner.create_job(import_type, upload.name, stored, size, request.user, unit, JobSource.API)
        runner.start(job)
        job.refresh_from_db()
        return Response(ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)

    @staticmethod
    def _unit(request: Any, code: str) -> Any:
        if not code:
            return None
        from fazhi.organization.models import Unit
        return Unit.objects.visible_to(request.user).filter(code=code).first() or False
