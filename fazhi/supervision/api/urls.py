from rest_framework.routers import DefaultRouter

from .views import AuditFindingViewSet, ProposalViewSet

router = DefaultRouter()
router.register('proposals', ProposalViewSet)
router.register('audit-findings', AuditFindingViewSet)
urlpatterns = router.urls
