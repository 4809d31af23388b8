from django.urls import path
from rest_framework.routers import DefaultRouter

from .views import BenchmarkView, CheckView, FactViewSet, ReportViewSet

router = DefaultRouter()
router.register('reports', ReportViewSet)
router.register('facts', FactViewSet)
urlpatterns = [
    path('benchmark/', BenchmarkView.as_view(), name='reports_intel_benchmark_api'),
    path('check/', CheckView.as_view(), name='reports_intel_check_api'),
    *router.urls,
]
