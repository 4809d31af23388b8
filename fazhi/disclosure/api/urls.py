from rest_framework.routers import DefaultRouter

from .views import DisclosureItemViewSet, DisclosureRequestViewSet

router = DefaultRouter()
router.register('requests', DisclosureRequestViewSet)
router.register('items', DisclosureItemViewSet)
urlpatterns = router.urls
