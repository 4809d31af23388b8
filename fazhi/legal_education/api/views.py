from __future__ import annotations

from fazhi.core.api import ScopedModelViewSet

from ..models import EducationDuty
from .serializers import EducationDutySerializer


class EducationDutyViewSet(ScopedModelViewSet):
    queryset = EducationDuty.objects.all()
    serializer_class = EducationDutySerializer
    filterset_fields = ['unit', 'year', 'form', 'state']
    select_related = ('unit',)
