from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ..choices import OPEN_STATES
from ..models import AdviserEngagement, LegalAdviser, ReviewRequest


class ReviewRequestSerializer(serializers.ModelSerializer):
    matter_type_display = serializers.CharField(source='get_matter_type_display', read_only=True)
    state_display = serializers.CharField(source='get_state_display', read_only=True)
    outcome_display = serializers.CharField(source='get_outcome_display', read_only=True)

    class Meta:
        model = ReviewRequest
        fields = ['id', 'serial', 'unit', 'matter_type', 'matter_type_display', 'title', 'is_major', 'counterparty',
                  'amount', 'received_on', 'due_on', 'state', 'state_display', 'reviewer', 'assigned_on', 'outcome',
                  'outcome_display', 'opinion', 'suggestion_count', 'concluded_on', 'on_time']
        # Workflow-controlled fields change only through POST …/{id}/transition/.
        read_only_fields = ['serial', 'due_on', 'state', 'reviewer', 'assigned_on', 'outcome', 'opinion',
                            'suggestion_count', 'concluded_on', 'on_time']

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and self.instance.state not in OPEN_STATES:
            raise serializers.ValidationError('已出具意见或已撤回的审查事项不能修改。')
        return attrs


class LegalAdviserSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source='get_kind_display', read_only=True)

    class Meta:
        model = LegalAdviser
        fields = ['id', 'unit', 'name', 'kind', 'kind_display', 'is_chief', 'organization', 'license_no', 'specialty',
                  'phone', 'engaged_from', 'engaged_until', 'is_active']


class AdviserEngagementSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source='get_kind_display', read_only=True)

    class Meta:
        model = AdviserEngagement
        fields = ['id', 'adviser', 'unit', 'kind', 'kind_display', 'occurred_on', 'subject', 'quantity', 'review',
                  'note']
