from __future__ import annotations

from fazhi.core.api import ScopedModelViewSet

from .. import imports
from ..forms import TRANSITION_FORMS
from ..models import AdviserEngagement, LegalAdviser, ReviewRequest
from .kit import LedgerImportActionMixin, TransitionActionMixin
from .serializers import AdviserEngagementSerializer, LegalAdviserSerializer, ReviewRequestSerializer


class ReviewRequestViewSet(TransitionActionMixin, LedgerImportActionMixin, ScopedModelViewSet):
    queryset = ReviewRequest.objects.all()
    serializer_class = ReviewRequestSerializer
    filterset_fields = ['unit', 'matter_type', 'state', 'outcome', 'reviewer', 'is_major']
    select_related = ('unit',)
    transition_forms = TRANSITION_FORMS
    ledger_spec = imports.REVIEW_LEDGER


class LegalAdviserViewSet(LedgerImportActionMixin, ScopedModelViewSet):
    queryset = LegalAdviser.objects.all()
    serializer_class = LegalAdviserSerializer
    filterset_fields = ['unit', 'kind', 'is_chief', 'is_active']
    select_related = ('unit',)
    ledger_spec = imports.ADVISER_LEDGER


class AdviserEngagementViewSet(LedgerImportActionMixin, ScopedModelViewSet):
    queryset = AdviserEngagement.objects.all()
    serializer_class = AdviserEngagementSerializer
    filterset_fields = ['adviser', 'unit', 'kind']
    select_related = ('adviser', 'unit')
    ledger_spec = imports.ENGAGEMENT_LEDGER
