from rest_framework.routers import DefaultRouter

from .views import UnitViewSet, UserViewSet

router = DefaultRouter()
router.register('units', UnitViewSet)
router.register('users', UserViewSet)
urlpatterns = router.urls
