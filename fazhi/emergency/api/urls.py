from rest_framework.routers import DefaultRouter

from .views import DrillViewSet, EmergencyPlanViewSet

router = DefaultRouter()
router.register('plans', EmergencyPlanViewSet)
router.register('drills', DrillViewSet)
urlpatterns = router.urls
