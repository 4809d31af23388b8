from rest_framework.routers import DefaultRouter

from .views import AdviserEngagementViewSet, LegalAdviserViewSet, ReviewRequestViewSet

router = DefaultRouter()
router.register('reviews', ReviewRequestViewSet)
router.register('advisers', LegalAdviserViewSet)
router.register('engagements', AdviserEngagementViewSet)
urlpatterns = router.urls
