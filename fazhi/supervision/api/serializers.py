from __future__ import annotations

from rest_framework import serializers

from ..models import AuditFinding, Proposal


class ProposalSerializer(serializers.ModelSerializer):
    class Meta:
        model = Proposal
        fields = ['id', 'kind', 'year', 'number', 'session', 'title', 'proposer', 'unit', 'co_units', 'assigned_on',
                  'is_complex', 'due_on', 'state', 'met_proposer', 'replied_on', 'reply_category', 'reply_summary',
                  'reply_published', 'on_time', 'feedback_on', 'satisfaction', 'redo_due_on', 'closed_on']
        read_only_fields = ['due_on', 'state', 'met_proposer', 'replied_on', 'reply_category', 'reply_summary',
                            'reply_published', 'on_time', 'feedback_on', 'satisfaction', 'redo_due_on', 'closed_on']


class AuditFindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditFinding
        fields = ['id', 'finding_no', 'unit', 'audit_project', 'report_no', 'found_on', 'category', 'problem_code',
                  'description', 'amount', 'due_on', 'state', 'measures', 'evidence', 'rectified_amount',
                  'submitted_on', 'verified_on', 'verification_note', 'closed_on', 'reopen_count', 'reopened_on',
                  'reopen_reason', 'recurrence_of']
        read_only_fields = ['state', 'measures', 'evidence', 'rectified_amount', 'submitted_on', 'verified_on',
                            'verification_note', 'closed_on', 'reopen_count', 'reopened_on', 'reopen_reason',
                            'recurrence_of']
