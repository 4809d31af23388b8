"""API counterparts of the ledger pages: transitions, queues, figures and Excel import, for any case viewset."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from fazhi.core import ledger_import, services
from fazhi.core.api import ActorMixin
from fazhi.core.permissions import AccessDenied, can, can_on_object, deny_message
from fazhi.core.workflow import TransitionRefused

from . import figures as figure_engine
from . import queues, transitions

ERROR = OpenApiResponse(OpenApiTypes.OBJECT, description='错误说明（detail）及字段错误（errors）')


def _serializer_field(field: forms.Field) -> serializers.Field:
    common = {'required': False, 'label': str(field.label), 'help_text': str(field.help_text or '') or None}
    if isinstance(field, forms.ChoiceField):
        return serializers.ChoiceField(choices=field.choices, allow_blank=True, **common)
    if isinstance(field, forms.DateField):
        return serializers.DateField(**common)
    if isinstance(field, forms.IntegerField):
        return serializers.IntegerField(**common)
    if isinstance(field, forms.BooleanField):
        return serializers.BooleanField(**common)
    return serializers.CharField(allow_blank=True, **common)


def transition_request_serializer(model: Any) -> type[serializers.Serializer]:
    """One request body for every step of `model`: date, note and the union of the steps' own fields."""
    fields: dict[str, serializers.Field] = {
        'on': serializers.DateField(required=False, help_text='事项发生日期（默认今天）'),
        'note': serializers.CharField(required=False, allow_blank=True, help_text='说明（部分操作必填）'),
    }
    for form in model.transition_forms.values():
        for name, field in form.base_fields.items():
            fields.setdefault(name, _serializer_field(field))
    return type(f'{model.__name__}TransitionRequest', (serializers.Serializer,), fields)


def transition_action(model: Any, response_serializer: Any) -> Any:
    names = [t.name for t in model.workflow.transitions]

    @extend_schema(request=transition_request_serializer(model),
                   responses={200: response_serializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
                   parameters=[OpenApiParameter('name', str, OpenApiParameter.PATH, enum=names,
                                                description='操作名称')],
                   summary='执行流程操作（只允许合法的状态转换；不允许时返回 409 及原因）')
    @action(detail=True, methods=['post'], url_path=r'transitions/(?P<name>[a-z_]+)',
            permission_classes=[IsAuthenticated])
    def transition(self: Any, request: Any, pk: Any = None, name: str = '') -> Response:
        if name not in names:
            return Response({'detail': f'没有这个操作：{name}'}, status=status.HTTP_404_NOT_FOUND)
        obj = model.objects.visible_to(request.user, 'view').filter(pk=pk).first()
        if obj is None:
            raise Http404
        if not can_on_object(request.user, 'change', obj):
            services.record_event(obj, f'API 流程操作 {name}：{deny_message(model, "change")}', action='denied')
            raise AccessDenied(deny_message(model, 'change'))
        form = transitions.form_class(model, name)(data={'on': dt.date.today().isoformat(), **request.data})
        if not form.is_valid():
            return Response({'detail': '数据校验失败。', 'errors': form.errors}, status=status.HTTP_400_BAD_REQUEST)
        try:
            obj = transitions.perform(obj, name, form)
        except TransitionRefused as exc:
            return Response({'detail': str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(response_serializer(obj, context={'request': request}).data)

    return transition


class QueueEntrySerializer(serializers.Serializer):
    case_id = serializers.IntegerField()
    case = serializers.CharField()
    unit = serializers.CharField()
    deadline = serializers.CharField()
    responsible = serializers.CharField()
    due = serializers.DateField()
    status = serializers.CharField()
    days_remaining = serializers.IntegerField(allow_null=True)
    url = serializers.CharField()


def _queue_row(entry: queues.QueueEntry) -> dict[str, Any]:
    due = entry.due
    return {'case_id': entry.case.pk, 'case': str(entry.case), 'unit': str(entry.unit), 'deadline': due.tracked.label,
            'responsible': due.tracked.responsible, 'due': due.due, 'status': due.status_text,
            'days_remaining': due.remaining, 'url': entry.case.get_absolute_url()}


def queue_action() -> Any:
    @extend_schema(parameters=[OpenApiParameter('kind', str, enum=list(queues.KINDS), description='队列'),
                               OpenApiParameter('mine', bool, description='只看本人承办的案件')],
                   responses=QueueEntrySerializer(many=True), summary='期限队列：7日内到期 / 已逾期')
    @action(detail=False, methods=['get'], url_path='queue')
    def queue(self: Any, request: Any) -> Response:
        kind = request.query_params.get('kind', 'overdue')
        if kind not in queues.KINDS:
            return Response({'detail': f'未知的队列：{kind}（可选 due_soon / overdue）'}, status=400)
        qs = self.get_queryset()
        if request.query_params.get('mine') in ('1', 'true'):
            qs = qs.filter(officer=request.user)
        return Response(QueueEntrySerializer([_queue_row(e) for e in queues.entries(qs, kind)], many=True).data)

    return queue


def import_actions(spec: ledger_import.LedgerSpec) -> tuple[Any, Any]:
    @extend_schema(request={'multipart/form-data': {'type': 'object', 'properties': {
                       'file': {'type': 'string', 'format': 'binary'}}}},
                   responses={201: OpenApiTypes.OBJECT, 400: ERROR, 403: ERROR},
                   summary=f'从 Excel/CSV 导入{spec.name}（任一行有错误则全部不导入）')
    @action(detail=False, methods=['post'], url_path='import')
    def import_(self: Any, request: Any) -> Response:
        upload = request.FILES.get('file')
        if upload is None:
            return Response({'detail': '请上传文件（字段名 file）。'}, status=status.HTTP_400_BAD_REQUEST)
        result = ledger_import.run_import(spec, upload.read(), upload.name, request.user)
        code = status.HTTP_201_CREATED if result.ok else status.HTTP_400_BAD_REQUEST
        body = result.to_dict()
        body['detail'] = f'已导入{len(result.created)}条。' if result.ok else '导入失败，没有写入任何记录。'
        return Response(body, status=code)

    @extend_schema(responses={(200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'):
                              OpenApiTypes.BINARY}, summary=f'下载{spec.name}导入模板')
    @action(detail=False, methods=['get'], url_path='import-template')
    def import_template(self: Any, request: Any) -> Any:
        return ledger_import.template_response(spec)

    return import_, import_template


class FiguresAPIView(ActorMixin, APIView):
    """The ledger's figures for a unit (and its subtree) and a year; `figure` + `by` gives a breakdown."""
    permission_classes = [IsAuthenticated]
    catalogue: dict[str, Any] = {}
    model: Any = None

    @extend_schema(parameters=[OpenApiParameter('year', int), OpenApiParameter('unit', int, description='单位编号'),
                               OpenApiParameter('figure', str, description='指标编码（分组统计时）'),
                               OpenApiParameter('by', str, enum=list(figure_engine.BREAKDOWNS))],
                   responses=OpenApiTypes.OBJECT, summary='统计指标（含同比、定义；可按单位/领域/月份分组）')
    def get(self, request: Any) -> Response:
        if not can(request.user, 'view', self.model):
            return Response({'detail': deny_message(self.model, 'view')}, status=status.HTTP_403_FORBIDDEN)
        params = figure_engine.Params.from_query(request.query_params, request.user)
        code, by = request.query_params.get('figure'), request.query_params.get('by')
        if code or by:
            if code not in self.catalogue or by not in figure_engine.BREAKDOWNS:
                return Response({'detail': '请指定有效的指标编码（figure）和分组方式（by）。'}, status=400)
            rows = figure_engine.breakdown(self.catalogue[code], params, by)
            return Response({'figure': self.catalogue[code].to_dict(), 'by': by,
                             'rows': [{**r, 'key': str(r['key'])} for r in rows]})
        values = [v.to_dict() for v in figure_engine.evaluate_all(self.catalogue, params)]
        return Response({'period': params.label, 'figures': values,
                         'definitions': [f.to_dict() for f in self.catalogue.values()]})
