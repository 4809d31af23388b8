"""Public portal: the library of normative documents (no login)."""
from django.urls import path

from . import public

urlpatterns = [
    path('', public.library, name='public_normative_library'),
    path('<int:pk>/', public.document, name='public_normative_detail'),
]
