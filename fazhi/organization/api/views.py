from __future__ import annotations

from fazhi.core.api import ScopedModelViewSet

from ..models import Liaison, Unit, User
from .serializers import LiaisonSerializer, UnitSerializer, UserSerializer


class UnitViewSet(ScopedModelViewSet):
    queryset = Unit.objects.all()
    serializer_class = UnitSerializer
    filterset_fields = ['kind', 'parent', 'is_active', 'code']
    select_related = ('parent',)


class UserViewSet(ScopedModelViewSet):
    queryset = User.objects.all()
    serializer_class = UserSerializer
    filterset_fields = ['role', 'unit', 'is_active']
    http_method_names = ['get', 'head', 'options', 'patch']


class LiaisonViewSet(ScopedModelViewSet):
    queryset = Liaison.objects.all()
    serializer_class = LiaisonSerializer
    filterset_fields = ['unit', 'is_head']
    select_related = ('unit',)
