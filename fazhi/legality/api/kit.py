"""API mixins shared by the legal-affairs viewsets: workflow transitions and ledger import."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from fazhi.core import workflow
from fazhi.core.permissions import AccessDenied, can, deny_message

from ..ledger_import import LedgerSpec, run_import
from ..ledger_views import template_response
from ..transitions import TransitionForm, run_transition


class TransitionRequestSerializer(serializers.Serializer):
    name = serializers.CharField(help_text='操作代码，如 publish、file、repeal')
    on = serializers.DateField(required=False, help_text='发生日期，默认今天')
    note = serializers.CharField(required=False, allow_blank=True, help_text='说明')
    data = serializers.DictField(required=False, help_text='该操作需要的数据（字段同页面表单）')


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text='按导入模板填写的 Excel 或 CSV 文件')


class ImportResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    detail = serializers.CharField()


class TransitionActionMixin:
    """POST …/{id}/transition/ {"name", "on", "note", "data"} — the same gates as the page."""
    transition_forms: dict[str, type[TransitionForm]] = {}

    @extend_schema(request=TransitionRequestSerializer, summary='执行流程操作（与页面相同的校验和关口）',
                   responses={200: OpenApiResponse(description='执行后的记录'), 400: OpenApiResponse(description='数据校验失败'),
                              403: OpenApiResponse(description='无权执行'), 409: OpenApiResponse(description='关口拒绝')})
    @action(detail=True, methods=['post'], permission_classes=[IsAuthenticated])
    def transition(self, request: Any, pk: Any = None) -> Response:
        model = self.queryset.model  # type: ignore[attr-defined]
        obj = model._default_manager.visible_to(request.user).filter(pk=pk).first()
        if obj is None:
            return Response({'detail': '记录不存在或您无权查看。'}, status=status.HTTP_404_NOT_FOUND)
        body = TransitionRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        name = body.validated_data['name']
        if name not in self.transition_forms:
            return Response({'detail': f'未知的操作：{name}'}, status=status.HTTP_400_BAD_REQUEST)
        payload = {**body.validated_data.get('data', {}), 'on': body.validated_data.get('on') or dt.date.today(),
                   'note': body.validated_data.get('note', '')}
        form = self.transition_forms[name](payload, user=request.user, obj=obj)
        if not form.is_valid():
            return Response({'detail': '数据校验失败。', 'errors': form.errors}, status=status.HTTP_400_BAD_REQUEST)
        try:
            obj = run_transition(obj, name, form)
        except workflow.TransitionRefused as exc:
            return Response({'detail': str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(self.get_serializer(obj).data)  # type: ignore[attr-defined]


class LedgerImportActionMixin:
    """POST …/import/ (multipart file) — all rows or none; GET …/import-template/ — the Excel template."""
    ledger_spec: LedgerSpec

    def _may_import(self, request: Any) -> None:
        if not can(request.user, 'add', self.ledger_spec.model):
            raise AccessDenied(deny_message(self.ledger_spec.model, 'add'))

    @extend_schema(request={'multipart/form-data': ImportUploadSerializer}, summary='导入台账（全部成功或全部不导入）',
                   responses={201: ImportResultSerializer, 400: OpenApiResponse(description='逐行错误列表')})
    @action(detail=False, methods=['post'], url_path='import', parser_classes=[MultiPartParser, FormParser],
            permission_classes=[IsAuthenticated])
    def import_ledger(self, request: Any) -> Response:
        self._may_import(request)
        body = ImportUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        upload = body.validated_data['file']
        outcome = run_import(self.ledger_spec, upload.name, upload.read(), request.user)
        if not outcome.ok:
            errors = [{'file': e.file, 'row': e.row, 'column': e.column, 'value': e.value, 'message': str(e)}
                      for e in outcome.errors]
            return Response({'detail': '导入失败，未写入任何记录。', 'errors': errors}, status=status.HTTP_400_BAD_REQUEST)
        return Response({'created': outcome.created, 'detail': f'导入成功：{outcome.created} 条记录。'},
                        status=status.HTTP_201_CREATED)

    @extend_schema(summary='下载导入模板', responses={(200, 'application/vnd.openxmlformats-officedocument.'
                                                          'spreadsheetml.sheet'): OpenApiTypes.BINARY})
    @action(detail=False, methods=['get'], url_path='import-template', permission_classes=[IsAuthenticated])
    def import_template(self, request: Any) -> HttpResponse:
        self._may_import(request)
        return template_response(self.ledger_spec)
