from __future__ import annotations

from rest_framework import serializers

from ..models import Drill, EmergencyPlan


class EmergencyPlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = EmergencyPlan
        fields = ['id', 'unit', 'name', 'level', 'category', 'version', 'doc_no', 'state', 'issued_on',
                  'last_revised_on', 'revision_cycle_years', 'revision_due', 'filing_due', 'filed_on', 'filed_with',
                  'repealed_on']
        read_only_fields = ['state', 'doc_no', 'issued_on', 'last_revised_on', 'revision_due', 'filing_due',
                            'filed_on', 'filed_with', 'repealed_on']


class DrillSerializer(serializers.ModelSerializer):
    class Meta:
        model = Drill
        fields = ['id', 'unit', 'plan', 'title', 'held_on', 'kind', 'participants', 'evaluated', 'issues_found',
                  'summary']
