from rest_framework.routers import DefaultRouter

from .views import LiaisonViewSet, UnitViewSet, UserViewSet

router = DefaultRouter()
router.register('units', UnitViewSet)
router.register('users', UserViewSet)
router.register('liaisons', LiaisonViewSet)
urlpatterns = router.urls
