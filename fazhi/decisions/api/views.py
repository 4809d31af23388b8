from __future__ import annotations

from fazhi.core.api import ScopedModelViewSet
from fazhi.legality.api.kit import LedgerImportActionMixin, TransitionActionMixin

from .. import imports
from ..forms import CATALOGUE_FORMS, DECISION_FORMS
from ..models import DecisionCatalogue, DecisionEvaluation, DecisionProcedure, MajorDecision, PublicComment
from .serializers import (CatalogueSerializer, CommentSerializer, DecisionSerializer, EvaluationSerializer,
                          ProcedureSerializer)


class CatalogueViewSet(TransitionActionMixin, ScopedModelViewSet):
    queryset = DecisionCatalogue.objects.all()
    serializer_class = CatalogueSerializer
    filterset_fields = ['unit', 'year', 'state']
    transition_forms = CATALOGUE_FORMS


class DecisionViewSet(TransitionActionMixin, LedgerImportActionMixin, ScopedModelViewSet):
    queryset = MajorDecision.objects.all()
    serializer_class = DecisionSerializer
    filterset_fields = ['unit', 'deciding_body', 'catalogue', 'state']
    select_related = ('unit', 'catalogue')
    transition_forms = DECISION_FORMS
    ledger_spec = imports.CATALOGUE_LEDGER


class ProcedureViewSet(ScopedModelViewSet):
    queryset = DecisionProcedure.objects.all()
    serializer_class = ProcedureSerializer
    filterset_fields = ['decision', 'kind', 'status']
    http_method_names = ['get', 'head', 'options', 'patch']


class CommentViewSet(ScopedModelViewSet):
    """Moderation and disposition of public comments (the public submits on the portal page)."""
    queryset = PublicComment.objects.all()
    serializer_class = CommentSerializer
    filterset_fields = ['decision', 'moderation', 'disposition']
    http_method_names = ['get', 'head', 'options', 'patch']


class EvaluationViewSet(ScopedModelViewSet):
    queryset = DecisionEvaluation.objects.all()
    serializer_class = EvaluationSerializer
    filterset_fields = ['decision', 'conclusion']
    http_method_names = ['get', 'head', 'options']
