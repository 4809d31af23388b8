"""Public portal: major decisions — catalogues, public comment, feedback (no login)."""
from django.urls import path

from . import public

urlpatterns = [
    path('', public.index, name='public_decision_index'),
    path('catalogues/<int:pk>/', public.catalogue, name='public_decision_catalogue'),
    path('<int:pk>/', public.decision, name='public_decision_detail'),
]
