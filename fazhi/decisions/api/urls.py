from rest_framework.routers import DefaultRouter

from .views import CatalogueViewSet, CommentViewSet, DecisionViewSet, EvaluationViewSet, ProcedureViewSet

router = DefaultRouter()
router.register('catalogues', CatalogueViewSet)
router.register('decisions', DecisionViewSet)
router.register('procedures', ProcedureViewSet)
router.register('comments', CommentViewSet)
router.register('evaluations', EvaluationViewSet)
urlpatterns = router.urls
