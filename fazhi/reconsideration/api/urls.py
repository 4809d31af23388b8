from django.urls import path
from rest_framework.routers import DefaultRouter

from .views import CaseViewSet, FeedbackViewSet, FiguresView, PartyViewSet, PublicationViewSet, ServiceRecordViewSet

router = DefaultRouter()
router.register('cases', CaseViewSet)
router.register('parties', PartyViewSet)
router.register('services', ServiceRecordViewSet)
router.register('feedback', FeedbackViewSet)
router.register('publications', PublicationViewSet)
urlpatterns = [path('figures/', FiguresView.as_view(), name='reconsideration_figures_api'), *router.urls]
