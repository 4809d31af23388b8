from __future__ import annotations

from rest_framework import serializers

from ..models import Liaison, Unit, User


class UnitSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source='get_kind_display', read_only=True)

    class Meta:
        model = Unit
        fields = ['id', 'code', 'name', 'short_name', 'kind', 'kind_display', 'parent', 'path',
                  'is_enforcement_body', 'population', 'sort_order', 'is_active']
        read_only_fields = ['path']


class UserSerializer(serializers.ModelSerializer):
    role_display = serializers.CharField(source='get_role_display', read_only=True)

    class Meta:
        model = User
        fields = ['id', 'username', 'full_name', 'unit', 'role', 'role_display', 'is_active', 'locked_until',
                  'last_login']
        read_only_fields = ['role', 'locked_until', 'last_login']


class LiaisonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Liaison
        fields = ['id', 'unit', 'name', 'position', 'phone', 'is_head', 'has_legal_qualification']
