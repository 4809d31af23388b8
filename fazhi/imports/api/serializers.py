from __future__ import annotations

from rest_framework import serializers

from ..models import ImportJob


class ImportJobSerializer(serializers.ModelSerializer):
    state_display = serializers.CharField(source='get_state_display', read_only=True)
    unit_code = serializers.CharField(source='unit.code', read_only=True, default=None)

    class Meta:
        model = ImportJob
        fields = ['id', 'type_name', 'type_label', 'file_name', 'size', 'user_label', 'unit_code', 'source', 'state',
                  'state_display', 'progress', 'phase', 'rows', 'inserted', 'updated', 'error_count', 'errors',
                  'message', 'batch_id', 'seconds', 'created_at', 'started_at', 'finished_at']
        read_only_fields = fields


class ImportUploadSerializer(serializers.Serializer):
    type = serializers.CharField(help_text='记录类型代码，如 penalty、hotline_request、proposal')
    file = serializers.FileField(help_text='Excel 或 CSV 文件（可用导入模板）')
    unit = serializers.CharField(required=False, allow_blank=True, help_text='限定单位范围：单位编码（可选）')
