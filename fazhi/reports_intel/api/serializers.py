from __future__ import annotations

from rest_framework import serializers

from ..forms import MAX_FILES
from ..models import ReportDocument, ReportFact, ReportFinding

REPORT_FIELDS = ['id', 'title', 'file_name', 'format', 'encoding', 'size', 'sha256', 'traditional', 'region',
                 'issuer', 'year', 'fact_count', 'finding_count', 'uploaded_by', 'created_at']


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportDocument
        fields = REPORT_FIELDS
        read_only_fields = REPORT_FIELDS


class ReportDetailSerializer(ReportSerializer):
    class Meta(ReportSerializer.Meta):
        fields = [*REPORT_FIELDS, 'text', 'noise', 'checks']
        read_only_fields = fields


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, help_text='报告文件：TXT、HTML、DOCX 或 PDF')
    files = serializers.ListField(child=serializers.FileField(), required=False, max_length=MAX_FILES,
                                  help_text=f'或一次上传多个文件（最多 {MAX_FILES} 个）')
    region = serializers.CharField(required=False, allow_blank=True, max_length=40,
                                   help_text='地区，如“朝阳区”；留空则自动识别')
    year = serializers.IntegerField(required=False, allow_null=True, min_value=1990, max_value=2100,
                                    help_text='年度；留空则自动识别')


class UploadResultSerializer(serializers.Serializer):
    loaded = ReportSerializer(many=True)
    existing = ReportSerializer(many=True, help_text='此前已载入的相同文件（未重复保存）')
    errors = serializers.ListField(child=serializers.CharField())


class FactSerializer(serializers.ModelSerializer):
    value = serializers.FloatField()
    high = serializers.FloatField(allow_null=True)

    class Meta:
        model = ReportFact
        fields = ['id', 'report', 'seq', 'text', 'start', 'end', 'value', 'high', 'unit', 'subject', 'qualifier',
                  'indicator', 'comparison', 'direction', 'period', 'region', 'issuer', 'kind', 'confidence', 'note']
        read_only_fields = fields


class FindingSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source='get_kind_display', read_only=True)

    class Meta:
        model = ReportFinding
        fields = ['id', 'report', 'seq', 'kind', 'label', 'severity', 'message', 'spans', 'texts']
        read_only_fields = fields


class CheckSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2_000_000, help_text='待发布稿全文')
