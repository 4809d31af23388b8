from __future__ import annotations

from rest_framework import serializers

from ..models import DisclosureItem, DisclosureRequest


class DisclosureRequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = DisclosureRequest
        fields = ['id', 'request_no', 'unit', 'applicant_kind', 'applicant_name', 'content', 'channel', 'received_on',
                  'correction_requested_on', 'correction_received_on', 'third_party_from', 'third_party_to',
                  'extended_on', 'due_on', 'state', 'replied_on', 'outcome', 'on_time']
        read_only_fields = ['correction_requested_on', 'correction_received_on', 'third_party_from', 'third_party_to',
                            'extended_on', 'due_on', 'state', 'replied_on', 'outcome', 'on_time']


class DisclosureItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = DisclosureItem
        fields = ['id', 'unit', 'title', 'category', 'formed_on', 'due_on', 'published_on', 'channel', 'url',
                  'on_time']
        read_only_fields = ['due_on', 'on_time']
