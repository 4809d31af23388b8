from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ..models import DecisionCatalogue, DecisionEvaluation, DecisionProcedure, MajorDecision, PublicComment


class CatalogueSerializer(serializers.ModelSerializer):
    class Meta:
        model = DecisionCatalogue
        fields = ['id', 'unit', 'year', 'title', 'state', 'party_consent_on', 'published_on', 'note']
        read_only_fields = ['state', 'published_on']


class DecisionSerializer(serializers.ModelSerializer):
    state_display = serializers.CharField(source='get_state_display', read_only=True)
    comment_counts = serializers.DictField(source='counts', child=serializers.IntegerField(), read_only=True,
                                           help_text='意见数：收到、公开、不予公开、待审核、采纳、部分采纳、未采纳、待处理')

    class Meta:
        model = MajorDecision
        fields = ['id', 'catalogue', 'deciding_body', 'unit', 'title', 'summary', 'planned_on', 'state', 'state_display',
                  'started_on', 'draft_text', 'draft_explanation', 'comment_opens_on', 'comment_closes_on',
                  'shortened_reason', 'feedback_report', 'feedback_published_on', 'decided_on', 'decision_meeting',
                  'decision_result', 'withdrawn_reason', 'evaluated_on', 'comment_counts']
        # The procedure record changes only through POST …/{id}/transition/ (the gates apply there).
        read_only_fields = ['state', 'started_on', 'draft_text', 'draft_explanation', 'comment_opens_on',
                            'comment_closes_on', 'shortened_reason', 'feedback_report', 'feedback_published_on',
                            'decided_on', 'decision_meeting', 'decision_result', 'withdrawn_reason', 'evaluated_on']

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and self.instance.state in ('decided', 'evaluated', 'withdrawn'):
            raise serializers.ValidationError('已决定或已调出目录的决策事项不能修改。')
        return attrs


class ProcedureSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source='get_kind_display', read_only=True)
    status_display = serializers.CharField(source='get_status_display', read_only=True)

    class Meta:
        model = DecisionProcedure
        fields = ['id', 'decision', 'kind', 'kind_display', 'status', 'status_display', 'held_on', 'participants',
                  'documents', 'conclusion', 'exemption_reason', 'review']
        read_only_fields = ['decision', 'kind']

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and self.instance.decision.state in ('decided', 'evaluated'):
            raise serializers.ValidationError('决策已作出，程序记录不能再修改。')
        return attrs


class CommentSerializer(serializers.ModelSerializer):
    class Meta:
        model = PublicComment
        fields = ['id', 'decision', 'author_name', 'contact', 'content', 'submitted_on', 'moderation',
                  'moderation_reason', 'disposition', 'disposition_reason', 'disposed_on']
        read_only_fields = ['decision', 'author_name', 'contact', 'content', 'submitted_on']

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and self.instance.decision.feedback_published_on and 'disposition' in attrs:
            raise serializers.ValidationError('采纳情况反馈已经公布，处理意见不能再修改。')
        return attrs


class EvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = DecisionEvaluation
        fields = ['id', 'decision', 'evaluator', 'method', 'started_on', 'completed_on', 'findings', 'conclusion']
