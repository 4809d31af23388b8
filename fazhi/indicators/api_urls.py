from django.urls import path

from . import api

urlpatterns = [
    path('', api.CatalogueView.as_view(), name='api_indicator_catalogue'),
    path('<str:code>/', api.FigureView.as_view(), name='api_indicator_figures'),
    path('<str:code>/records/', api.RecordsView.as_view(), name='api_indicator_records'),
]
