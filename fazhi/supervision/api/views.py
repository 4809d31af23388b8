from __future__ import annotations

from fazhi.core.api import ScopedModelViewSet
from fazhi.legality.api.kit import TransitionActionMixin

from ..forms import FINDING_TRANSITION_FORMS, PROPOSAL_TRANSITION_FORMS
from ..models import AuditFinding, Proposal
from .serializers import AuditFindingSerializer, ProposalSerializer


class ProposalViewSet(TransitionActionMixin, ScopedModelViewSet):
    queryset = Proposal.objects.all()
    serializer_class = ProposalSerializer
    filterset_fields = ['kind', 'year', 'state', 'unit', 'reply_category', 'satisfaction']
    select_related = ('unit',)
    transition_forms = PROPOSAL_TRANSITION_FORMS


class AuditFindingViewSet(TransitionActionMixin, ScopedModelViewSet):
    queryset = AuditFinding.objects.all()
    serializer_class = AuditFindingSerializer
    filterset_fields = ['unit', 'category', 'state', 'problem_code']
    select_related = ('unit',)
    transition_forms = FINDING_TRANSITION_FORMS
