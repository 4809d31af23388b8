from django.urls import path

from . import views

app_name = 'assessment_public'

urlpatterns = [
    path('projects/', views.public_rounds, name='rounds'),
    path('projects/<int:pk>/', views.public_round, name='round'),
]
