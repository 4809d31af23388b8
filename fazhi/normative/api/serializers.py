from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ..choices import DocumentState
from ..models import CleanupCampaign, CleanupItem, DocumentEvent, DocumentVersion, NormativeDocument


class DocumentSerializer(serializers.ModelSerializer):
    state_display = serializers.CharField(source='get_state_display', read_only=True)
    validity = serializers.CharField(read_only=True, help_text='今日效力状态')
    validity_display = serializers.CharField(source='get_validity_display', read_only=True)

    class Meta:
        model = NormativeDocument
        fields = ['id', 'unit', 'issuer', 'title', 'subject', 'text', 'state', 'state_display', 'validity',
                  'validity_display', 'legality_review', 'review_passed_on', 'deliberation', 'deliberated_on',
                  'doc_number', 'registration_number', 'published_on', 'effective_on', 'validity_years', 'expires_on',
                  'amended_on', 'repealed_on', 'repeal_reason', 'filing_authority', 'filing_due', 'filed_on',
                  'filed_on_time', 'filing_review_result', 'filing_materials_conforming', 'filing_reviewed_on',
                  'filing_review_opinion']
        # The procedure record changes only through POST …/{id}/transition/ (the gates apply there).
        read_only_fields = ['state', 'legality_review', 'review_passed_on', 'deliberation', 'deliberated_on',
                            'doc_number', 'registration_number', 'published_on', 'effective_on', 'expires_on',
                            'amended_on', 'repealed_on', 'repeal_reason', 'filing_due', 'filed_on', 'filed_on_time',
                            'filing_review_result', 'filing_materials_conforming', 'filing_reviewed_on',
                            'filing_review_opinion']

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and self.instance.state != DocumentState.DRAFT:
            raise serializers.ValidationError('已送审或已公布的文件不能直接修改：请通过“修改”或“废止”办理。')
        return attrs


class DocumentVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DocumentVersion
        fields = ['id', 'document', 'number', 'text', 'valid_from', 'note', 'source']


class DocumentEventSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source='get_kind_display', read_only=True)

    class Meta:
        model = DocumentEvent
        fields = ['id', 'document', 'kind', 'kind_display', 'occurred_on', 'version', 'note']


class CampaignSerializer(serializers.ModelSerializer):
    counts = serializers.DictField(child=serializers.IntegerField(), read_only=True, help_text='各清理结论的文件数')

    class Meta:
        model = CleanupCampaign
        fields = ['id', 'name', 'basis', 'organizer', 'started_on', 'deadline', 'state', 'closed_on', 'criteria_unit',
                  'criteria_subject', 'criteria_from', 'criteria_to', 'criteria_text', 'counts']
        read_only_fields = ['state', 'closed_on']


class CleanupItemSerializer(serializers.ModelSerializer):
    decision_display = serializers.CharField(source='get_decision_display', read_only=True)

    class Meta:
        model = CleanupItem
        fields = ['id', 'campaign', 'document', 'decision', 'decision_display', 'reason', 'decided_on',
                  'new_expires_on', 'amended_text', 'applied']
        read_only_fields = ['campaign', 'document', 'applied']

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and self.instance.campaign.state != 'open':
            raise serializers.ValidationError('清理已完成，结论不能再修改。')
        return attrs
