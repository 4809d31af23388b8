from __future__ import annotations

from typing import Any

from fazhi.core.api import ScopedModelViewSet
from fazhi.reconsideration.casework import api as casework_api

from ..figures import FIGURES
from ..importing import LAWSUIT_IMPORT
from ..models import CourtHearing, JudicialSuggestion, Lawsuit
from . import serializers as s


class LawsuitViewSet(ScopedModelViewSet):
    queryset = Lawsuit.objects.all()
    serializer_class = s.LawsuitSerializer
    filterset_fields = ['state', 'instance', 'outcome', 'domain', 'defendant_unit', 'officer', 'lost',
                        'reconsideration_case', 'parent_case']
    select_related = ('defendant_unit', 'officer')

    def get_serializer_class(self) -> Any:
        return s.LawsuitDetailSerializer if self.action != 'list' else s.LawsuitSerializer

    transition = casework_api.transition_action(Lawsuit, s.LawsuitDetailSerializer)
    queue = casework_api.queue_action()
    import_, import_template = casework_api.import_actions(LAWSUIT_IMPORT)


class HearingViewSet(ScopedModelViewSet):
    """Hearings are recorded through the lawsuit's `record_hearing` step; read-only here."""
    queryset = CourtHearing.objects.all()
    serializer_class = s.HearingSerializer
    filterset_fields = ['lawsuit', 'appearance', 'head_appeared', 'principal_head']
    http_method_names = ['get', 'head', 'options']


class SuggestionViewSet(ScopedModelViewSet):
    queryset = JudicialSuggestion.objects.all()
    serializer_class = s.SuggestionSerializer
    filterset_fields = ['lawsuit']
    http_method_names = ['get', 'head', 'options', 'post', 'patch']


class FiguresView(casework_api.FiguresAPIView):
    catalogue = FIGURES
    model = Lawsuit
