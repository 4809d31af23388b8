from __future__ import annotations

from fazhi.core.api import ScopedModelViewSet
from fazhi.legality.api.kit import TransitionActionMixin

from ..forms import PLAN_TRANSITION_FORMS
from ..models import Drill, EmergencyPlan
from .serializers import DrillSerializer, EmergencyPlanSerializer


class EmergencyPlanViewSet(TransitionActionMixin, ScopedModelViewSet):
    queryset = EmergencyPlan.objects.all()
    serializer_class = EmergencyPlanSerializer
    filterset_fields = ['unit', 'level', 'category', 'state']
    select_related = ('unit',)
    transition_forms = PLAN_TRANSITION_FORMS


class DrillViewSet(ScopedModelViewSet):
    queryset = Drill.objects.all()
    serializer_class = DrillSerializer
    filterset_fields = ['unit', 'kind', 'evaluated', 'plan']
    select_related = ('unit',)
