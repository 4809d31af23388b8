from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register('systems', views.IndicatorSystemViewSet)
router.register('items', views.SystemItemViewSet)
router.register('campaigns', views.CampaignViewSet)
router.register('entries', views.CampaignUnitViewSet)
router.register('scores', views.ItemScoreViewSet)
router.register('deductions', views.DeductionViewSet)
router.register('evidence', views.EvidenceViewSet)
router.register('objections', views.ObjectionViewSet)
router.register('assignments', views.ReviewerAssignmentViewSet)
router.register('rounds', views.ProjectRoundViewSet)
router.register('applications', views.ProjectApplicationViewSet)
router.register('experts', views.RoundExpertViewSet)
router.register('expert-scores', views.ExpertScoreViewSet)
urlpatterns = router.urls
