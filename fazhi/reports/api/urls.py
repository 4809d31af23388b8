from rest_framework.routers import DefaultRouter

from .views import JobViewSet, NarrativeViewSet, ReportViewSet

router = DefaultRouter()
router.register('reports', ReportViewSet)
router.register('narratives', NarrativeViewSet)
router.register('jobs', JobViewSet)
urlpatterns = router.urls
