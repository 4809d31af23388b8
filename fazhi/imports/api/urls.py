from django.urls import path
from rest_framework.routers import DefaultRouter

from .views import ImportJobViewSet, ImportTypesView

router = DefaultRouter()
router.register('jobs', ImportJobViewSet)
urlpatterns = [path('types/', ImportTypesView.as_view(), name='api_import_types'), *router.urls]
