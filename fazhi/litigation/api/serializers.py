from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from fazhi.reconsideration.api.serializers import DICTS, timeline_rows
from fazhi.reconsideration.casework import transitions

from ..forms import LAWSUIT_FIELDS
from ..models import CourtHearing, JudicialSuggestion, Lawsuit


class LawsuitSerializer(serializers.ModelSerializer):
    suspension_list = serializers.ListField(child=serializers.DictField(), read_only=True,
                                            help_text='中止记录：中止日期、恢复日期、事由')
    state_display = serializers.CharField(source='get_state_display', read_only=True)
    outcome_display = serializers.CharField(source='get_outcome_display', read_only=True)

    class Meta:
        model = Lawsuit
        fields = ['id', *LAWSUIT_FIELDS, 'state', 'state_display', 'defence_submitted_on', 'defence_late',
                  'hearing_count', 'suspension_list', 'outcome', 'outcome_display', 'lost', 'judged_on',
                  'judgment_served_on', 'concluded_on', 'effective_on', 'appellant', 'appealed_on', 'next_due_on',
                  'next_due_label']
        read_only_fields = fields[len(LAWSUIT_FIELDS) + 1:]


class LawsuitDetailSerializer(LawsuitSerializer):
    due_dates = serializers.SerializerMethodField(help_text='法定期限：届满日、状态、逐日计算说明')
    timeline = serializers.SerializerMethodField(help_text='流程记录')
    available_transitions = serializers.SerializerMethodField(help_text='当前状态下可执行的操作')

    class Meta(LawsuitSerializer.Meta):
        fields = [*LawsuitSerializer.Meta.fields, 'due_dates', 'timeline', 'available_transitions']

    @extend_schema_field(DICTS)
    def get_due_dates(self, obj: Lawsuit) -> list[dict[str, Any]]:
        return [d.to_dict() for d in obj.due_dates()]

    @extend_schema_field(DICTS)
    def get_timeline(self, obj: Lawsuit) -> list[dict[str, Any]]:
        return timeline_rows(obj)

    @extend_schema_field(DICTS)
    def get_available_transitions(self, obj: Lawsuit) -> list[dict[str, str]]:
        return [{'name': t.name, 'label': t.label} for t in transitions.available(obj)]


class HearingSerializer(serializers.ModelSerializer):
    class Meta:
        model = CourtHearing
        fields = ['id', 'lawsuit', 'held_on', 'appearance', 'appeared_name', 'appeared_position',
                  'court_notified_head', 'excuse', 'head_appeared', 'principal_head']


class SuggestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = JudicialSuggestion
        fields = ['id', 'lawsuit', 'received_on', 'content', 'reply_due_on', 'replied_on', 'reply_summary']
