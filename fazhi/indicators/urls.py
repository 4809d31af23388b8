from django.urls import path

from . import views

app_name = 'indicators'

urlpatterns = [
    path('', views.catalogue_page, name='catalogue'),
    path('dashboard/', views.dashboard, name='dashboard'),
    path('<str:code>/', views.indicator_page, name='indicator'),
    path('<str:code>/records/', views.records_page, name='records'),
]
