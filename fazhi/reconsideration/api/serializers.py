from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from fazhi.core.workflow import timeline

from ..casework import transitions
from ..forms import CASE_FIELDS
from ..models import CorrectionFeedback, Party, PublishedDecision, ReconsiderationCase, ServiceRecord

DICTS = serializers.ListField(child=serializers.DictField())


def timeline_rows(obj: Any) -> list[dict[str, Any]]:
    return [{'occurred_on': e.occurred_on.isoformat(), 'transition': e.transition, 'label': e.label,
             'from_state': e.from_state, 'to_state': e.to_state, 'note': e.note, 'actor': e.actor_name}
            for e in timeline(obj)]


class CaseSerializer(serializers.ModelSerializer):
    suspension_list = serializers.ListField(child=serializers.DictField(), read_only=True,
                                            help_text='中止记录：中止日期、恢复日期、事由')
    state_display = serializers.CharField(source='get_state_display', read_only=True)
    outcome_display = serializers.CharField(source='get_outcome_display', read_only=True)

    class Meta:
        model = ReconsiderationCase
        fields = ['id', *CASE_FIELDS, 'state', 'state_display', 'procedure', 'acceptance_basis',
                  'correction_requested_on', 'correction_received_on', 'accepted_on', 'copy_sent_on',
                  'reply_received_on', 'hearing_count', 'suspension_list', 'extension_days', 'extension_approved_on',
                  'extension_reason', 'outcome', 'outcome_display', 'concluded_on', 'closed_on', 'is_correction',
                  'is_mediated', 'handling_days', 'decided_late', 'went_to_litigation', 'decision_due_on',
                  'next_due_on', 'next_due_label']
        read_only_fields = fields[len(CASE_FIELDS) + 1:]
        extra_kwargs = {'case_number': {'required': False}}


class CaseDetailSerializer(CaseSerializer):
    due_dates = serializers.SerializerMethodField(help_text='法定期限：届满日、状态、逐日计算说明')
    timeline = serializers.SerializerMethodField(help_text='流程记录')
    available_transitions = serializers.SerializerMethodField(help_text='当前状态下可执行的操作')

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, 'due_dates', 'timeline', 'available_transitions']

    @extend_schema_field(DICTS)
    def get_due_dates(self, obj: ReconsiderationCase) -> list[dict[str, Any]]:
        return [d.to_dict() for d in obj.due_dates()]

    @extend_schema_field(DICTS)
    def get_timeline(self, obj: ReconsiderationCase) -> list[dict[str, Any]]:
        return timeline_rows(obj)

    @extend_schema_field(DICTS)
    def get_available_transitions(self, obj: ReconsiderationCase) -> list[dict[str, str]]:
        return [{'name': t.name, 'label': t.label} for t in transitions.available(obj)]


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Party
        fields = ['id', 'case', 'role', 'kind', 'name', 'id_number', 'phone', 'address', 'e_service_consent',
                  'e_service_address', 'consent_recorded_on']


class ServiceRecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = ServiceRecord
        fields = ['id', 'case', 'document', 'recipient', 'method', 'served_on', 'address', 'note']


class FeedbackSerializer(serializers.ModelSerializer):
    class Meta:
        model = CorrectionFeedback
        fields = ['id', 'case', 'unit', 'kind', 'reference', 'raised_on', 'status', 'handled_on', 'result']
        read_only_fields = ['case', 'unit', 'kind', 'reference', 'raised_on']


class PublicationSerializer(serializers.ModelSerializer):
    timeline = serializers.SerializerMethodField()

    class Meta:
        model = PublishedDecision
        fields = ['id', 'case', 'title', 'document_number', 'respondent_name', 'domain', 'outcome', 'decided_on',
                  'redacted_text', 'findings', 'status', 'published_on', 'timeline']
        read_only_fields = ['case', 'document_number', 'respondent_name', 'domain', 'outcome', 'decided_on',
                            'findings', 'status', 'published_on']

    @extend_schema_field(DICTS)
    def get_timeline(self, obj: PublishedDecision) -> list[dict[str, Any]]:
        return timeline_rows(obj)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and self.instance.status == 'published':
            raise serializers.ValidationError('已公开的决定书不能修改；如需修改，请先撤回公开。')
        return attrs


class PublicDecisionSerializer(serializers.ModelSerializer):
    """What the public sees: the redacted text, never the findings or the case."""
    class Meta:
        model = PublishedDecision
        fields = ['id', 'title', 'document_number', 'respondent_name', 'domain', 'outcome', 'decided_on',
                  'redacted_text', 'published_on']
