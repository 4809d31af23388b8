from rest_framework.routers import DefaultRouter

from .views import EducationDutyViewSet

router = DefaultRouter()
router.register('duties', EducationDutyViewSet)
urlpatterns = router.urls
