from django.urls import path

from . import public

app_name = 'reconsideration_public'

urlpatterns = [
    path('', public.PublicDecisionListView.as_view(), name='decision_list'),
    path('<int:pk>/', public.PublicDecisionDetailView.as_view(), name='decision_detail'),
]
