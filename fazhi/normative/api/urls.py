from rest_framework.routers import DefaultRouter

from .views import CampaignViewSet, CleanupItemViewSet, DocumentEventViewSet, DocumentVersionViewSet, DocumentViewSet

router = DefaultRouter()
router.register('documents', DocumentViewSet)
router.register('versions', DocumentVersionViewSet)
router.register('events', DocumentEventViewSet)
router.register('campaigns', CampaignViewSet)
router.register('cleanup-items', CleanupItemViewSet)
urlpatterns = router.urls
