from __future__ import annotations

from rest_framework import serializers

from ..models import (Campaign, CampaignUnit, Deduction, Evidence, ExpertScore, IndicatorSystem, ItemScore, Objection,
                      ProjectApplication, ProjectRound, ReviewerAssignment, RoundExpert, SystemItem)


class IndicatorSystemSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndicatorSystem
        fields = ['id', 'code', 'version', 'name', 'is_default', 'state', 'total', 'small_sample_rule', 'categories',
                  'grades', 'basis', 'description', 'change_note', 'created_at']


class SystemItemSerializer(serializers.ModelSerializer):
    rule_text = serializers.CharField(read_only=True)

    class Meta:
        model = SystemItem
        fields = ['id', 'system', 'parent', 'code', 'name', 'level', 'points', 'rule_type', 'rule', 'rule_text',
                  'indicator_code', 'applies_to', 'enforcement_only']


class CampaignSerializer(serializers.ModelSerializer):
    class Meta:
        model = Campaign
        fields = ['id', 'name', 'period', 'system', 'previous', 'categories', 'state', 'self_due', 'review_due',
                  'objection_closes_on', 'scored_at', 'published_on']


class CampaignUnitSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source='unit.name', read_only=True)

    class Meta:
        model = CampaignUnit
        fields = ['id', 'campaign', 'unit', 'unit_name', 'category', 'total', 'raw_score', 'applicable_points',
                  'area_scores', 'rank', 'category_size', 'grade', 'complete', 'pending_items', 'previous_total',
                  'previous_rank']


class ItemScoreSerializer(serializers.ModelSerializer):
    item_code = serializers.CharField(source='item.code', read_only=True)
    item_name = serializers.CharField(source='item.name', read_only=True)

    class Meta:
        model = ItemScore
        fields = ['id', 'entry', 'item', 'item_code', 'item_name', 'method', 'state', 'applicable', 'value',
                  'numerator', 'denominator', 'small_sample', 'indicator_version', 'score', 'explanation',
                  'fairness_note', 'self_score', 'self_note', 'review_comment', 'reviewed_on', 'locked']


class DeductionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Deduction
        fields = ['id', 'score', 'points', 'reason', 'indicator_code', 'part', 'source', 'record_key', 'record']


class EvidenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evidence
        fields = ['id', 'score', 'title', 'original_name', 'size', 'sha256', 'uploaded_by', 'created_at']


class ObjectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objection
        fields = ['id', 'score', 'reason', 'requested_score', 'state', 'submitted_by', 'submitted_on',
                  'original_score', 'decided_score', 'response', 'decided_on', 'decided_by']
        read_only_fields = ['state', 'submitted_by', 'submitted_on', 'original_score', 'decided_score', 'response',
                            'decided_on', 'decided_by']


class ReviewerAssignmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReviewerAssignment
        fields = ['id', 'campaign', 'reviewer', 'area', 'category']


class ProjectRoundSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectRound
        fields = ['id', 'name', 'year', 'state', 'dimension_max', 'trim_min_experts', 'trim_each', 'quota_department',
                  'quota_street', 'max_per_unit', 'accept_until', 'published_on']


class ProjectApplicationSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source='unit.name', read_only=True)

    class Meta:
        model = ProjectApplication
        fields = ['id', 'round', 'unit', 'unit_name', 'category', 'title', 'description', 'measures', 'effects',
                  'evidence_note', 'state', 'submitted_on', 'expert_count', 'score', 'dimension_means',
                  'method_note', 'rank', 'selected']
        read_only_fields = ['category', 'state', 'submitted_on', 'expert_count', 'score', 'dimension_means',
                            'method_note', 'rank', 'selected']


class RoundExpertSerializer(serializers.ModelSerializer):
    class Meta:
        model = RoundExpert
        fields = ['id', 'round', 'name', 'affiliation', 'title', 'user', 'conflict_unit_codes', 'declared_on']


class ExpertScoreSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExpertScore
        fields = ['id', 'application', 'expert', 'importance', 'innovation', 'effectiveness', 'legality',
                  'sustainability', 'comment', 'entered_by']


class SystemTextSerializer(serializers.Serializer):
    text = serializers.CharField(help_text='指标体系 YAML 全文')
    note = serializers.CharField(required=False, allow_blank=True, default='')


class TransitionSerializer(serializers.Serializer):
    name = serializers.CharField(help_text='open、start_review、open_objections、finalize、publish')
    on = serializers.DateField(required=False)
    note = serializers.CharField(required=False, allow_blank=True, default='')
    closes_on = serializers.DateField(required=False, help_text='open_objections：申诉截止日')
