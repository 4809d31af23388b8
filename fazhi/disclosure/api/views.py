from __future__ import annotations

from fazhi.core.api import ScopedModelViewSet
from fazhi.legality.api.kit import TransitionActionMixin

from ..forms import REQUEST_TRANSITION_FORMS
from ..models import DisclosureItem, DisclosureRequest
from .serializers import DisclosureItemSerializer, DisclosureRequestSerializer


class DisclosureRequestViewSet(TransitionActionMixin, ScopedModelViewSet):
    queryset = DisclosureRequest.objects.all()
    serializer_class = DisclosureRequestSerializer
    filterset_fields = ['unit', 'state', 'outcome', 'channel', 'on_time']
    select_related = ('unit',)
    transition_forms = REQUEST_TRANSITION_FORMS


class DisclosureItemViewSet(ScopedModelViewSet):
    queryset = DisclosureItem.objects.all()
    serializer_class = DisclosureItemSerializer
    filterset_fields = ['unit', 'category', 'channel', 'on_time']
    select_related = ('unit',)
