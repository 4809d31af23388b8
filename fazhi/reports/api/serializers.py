from __future__ import annotations

from typing import Any

from django.urls import reverse
from rest_framework import serializers

from ..choices import ReportKind
from ..models import NarrativeSection, RenderJob, Report, ReportFigure, ReportVersion


class ReportSerializer(serializers.ModelSerializer):
    unit_code = serializers.CharField(source='unit.code', read_only=True)
    unit_name = serializers.CharField(source='unit.name', read_only=True)
    current_version = serializers.IntegerField(source='current_version.number', read_only=True, default=None)
    published_version = serializers.IntegerField(source='published_version.number', read_only=True, default=None)

    class Meta:
        model = Report
        fields = ['id', 'kind', 'unit', 'unit_code', 'unit_name', 'year', 'month', 'title', 'state', 'current_version',
                  'published_version', 'published_on', 'created_by_name', 'created_at']
        read_only_fields = ['title', 'state', 'published_on', 'created_by_name', 'created_at']


class ReportCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ReportKind.choices)
    unit = serializers.CharField(help_text='单位编码')
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    month = serializers.IntegerField(min_value=1, max_value=12, required=False)


class VersionSerializer(serializers.ModelSerializer):
    downloads = serializers.SerializerMethodField()

    class Meta:
        model = ReportVersion
        fields = ['number', 'source', 'created_by_name', 'created_at', 'data_as_of', 'pages', 'figure_count',
                  'gap_count', 'seconds', 'narratives', 'gaps', 'checked_at', 'findings', 'checks', 'override_reason',
                  'override_by_name', 'published_at', 'content_sha256', 'downloads']

    def get_downloads(self, obj: ReportVersion) -> dict[str, str]:
        return {fmt: reverse('reports:version_download', args=[obj.report_id, obj.number, fmt])
                for fmt in ('docx', 'pdf', 'html') if getattr(obj, fmt)}


class FigureSerializer(serializers.ModelSerializer):
    records_url = serializers.CharField(read_only=True)
    indicator_url = serializers.CharField(read_only=True)

    class Meta:
        model = ReportFigure
        fields = ['ref', 'section', 'text', 'part', 'indicator', 'indicator_name', 'unit_code', 'unit_name', 'period',
                  'compared_period', 'value', 'numerator', 'denominator', 'records', 'small_sample', 'records_url',
                  'indicator_url']

    def to_representation(self, instance: Any) -> Any:
        data = super().to_representation(instance)
        data['records_url'] = instance.records_url()
        data['indicator_url'] = instance.indicator_url()
        return data


class NarrativeSerializer(serializers.ModelSerializer):
    base_revision = serializers.IntegerField(write_only=True, required=False,
                                             help_text='编辑所基于的修订号；已被他人修改时返回 409')
    note = serializers.CharField(write_only=True, required=False, allow_blank=True)

    class Meta:
        model = NarrativeSection
        fields = ['id', 'report', 'key', 'title', 'text', 'revision', 'updated_by_name', 'updated_at', 'is_default',
                  'base_revision', 'note']
        read_only_fields = ['report', 'key', 'title', 'revision', 'updated_by_name', 'updated_at', 'is_default']


class JobSerializer(serializers.ModelSerializer):
    version = serializers.IntegerField(source='version.number', read_only=True, default=None)

    class Meta:
        model = RenderJob
        fields = ['id', 'report', 'state', 'percent', 'phase', 'message', 'version', 'created_at', 'finished_at']


class PublishSerializer(serializers.Serializer):
    override_reason = serializers.CharField(required=False, allow_blank=True)
