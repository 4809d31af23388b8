from django.urls import path
from rest_framework.routers import DefaultRouter

from .views import FiguresView, HearingViewSet, LawsuitViewSet, SuggestionViewSet

router = DefaultRouter()
router.register('lawsuits', LawsuitViewSet)
router.register('hearings', HearingViewSet)
router.register('suggestions', SuggestionViewSet)
urlpatterns = [path('figures/', FiguresView.as_view(), name='litigation_figures_api'), *router.urls]
