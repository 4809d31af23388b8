from __future__ import annotations

from rest_framework import serializers

from ..models import EducationDuty


class EducationDutySerializer(serializers.ModelSerializer):
    class Meta:
        model = EducationDuty
        fields = ['id', 'unit', 'year', 'law_name', 'audience', 'measures', 'form', 'planned_count', 'completed_count',
                  'people_reached', 'responsible_person', 'state', 'completed_on']
