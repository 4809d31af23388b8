from django.urls import path

from fazhi.imports.views import redirect_to_upload

from . import views

app_name = 'legal_education'

urlpatterns = [
    path('duties/', views.DutyListView.as_view(), name='duty_list'),
    path('duties/add/', views.DutyEditView.as_view(), name='duty_add'),
    path('duties/import/', redirect_to_upload('legal_education_duty'), name='duty_import'),
    path('duties/<int:pk>/', views.DutyDetailView.as_view(), name='duty_detail'),
    path('duties/<int:pk>/edit/', views.DutyEditView.as_view(), name='duty_edit'),
]
