"""Platform API endpoints: audit trail (auditors), deadline computation, working calendar, token."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import APIView

from . import calendar_service
from .api import ActorMixin, ScopedModelViewSet
from .deadlines import all_rules, compute_due, get_rule
from .models import AuditEntry


class AuditEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEntry
        fields = ['seq', 'timestamp', 'actor_name', 'actor_role', 'action', 'object_type', 'object_id',
                  'object_repr', 'unit_id', 'before', 'after', 'message', 'request_id', 'ip', 'prev_hash', 'hash']


class AuditEntryViewSet(ScopedModelViewSet):
    queryset = AuditEntry.objects.all()
    serializer_class = AuditEntrySerializer
    filterset_fields = ['action', 'object_type', 'object_id', 'actor_name']
    http_method_names = ['get', 'head', 'options']


def _parse_date(value: str | None, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value or '')
    except ValueError:
        raise serializers.ValidationError({name: f'日期格式不正确：“{value}”，应为 YYYY-MM-DD。'})


class DeadlineView(ActorMixin, APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[OpenApiParameter('rule', str, description='期限规则编码'),
                               OpenApiParameter('start', str, description='起算日期 YYYY-MM-DD')],
                   responses=dict, summary='计算法定期限（含逐日说明）')
    def get(self, request: Any) -> Response:
        code = request.query_params.get('rule', '')
        if not code:
            return Response({'rules': [{'code': r.code, 'name': r.name} for r in all_rules()]})
        try:
            rule = get_rule(code)
        except KeyError:
            return Response({'detail': f'未知的期限规则：{code}'}, status=status.HTTP_400_BAD_REQUEST)
        start = _parse_date(request.query_params.get('start'), 'start')
        return Response(compute_due(rule, start, calendar_service.get_calendar()).to_dict())


class CalendarDayView(ActorMixin, APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(parameters=[OpenApiParameter('date', str)], responses=dict, summary='查询某日是否为工作日')
    def get(self, request: Any) -> Response:
        day = _parse_date(request.query_params.get('date'), 'date')
        info = calendar_service.get_calendar().day_info(day)
        return Response({'date': day.isoformat(), 'is_workday': info.is_workday, 'label': info.label,
                         'provisional': info.provisional})


class TokenRequest(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField()


class TokenView(APIView):
    """Exchange a username and password for a token (subject to the same lockout as the login page)."""
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(request=TokenRequest, responses=dict, summary='获取 API 令牌')
    def post(self, request: Any) -> Response:
        data = TokenRequest(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(request, **data.validated_data)
        if user is None:
            return Response({'detail': '用户名或密码错误，或账户已锁定。'}, status=status.HTTP_401_UNAUTHORIZED)
        Token.objects.filter(user=user).delete()
        token = Token.objects.create(user=user)
        return Response({'token': token.key, 'role': user.role})


router = DefaultRouter()
router.register('audit-entries', AuditEntryViewSet)
