from django.urls import path

from fazhi.imports.views import redirect_to_upload

from . import views

app_name = 'emergency'

urlpatterns = [
    path('plans/', views.PlanListView.as_view(), name='plan_list'),
    path('plans/add/', views.PlanEditView.as_view(), name='plan_add'),
    path('plans/import/', redirect_to_upload('emergency_plan'), name='plan_import'),
    path('plans/<int:pk>/', views.PlanDetailView.as_view(), name='plan_detail'),
    path('plans/<int:pk>/edit/', views.PlanEditView.as_view(), name='plan_edit'),
    path('plans/<int:pk>/do/<slug:name>/', views.PlanTransitionView.as_view(), name='plan_transition'),
    path('drills/', views.DrillListView.as_view(), name='drill_list'),
    path('drills/add/', views.DrillEditView.as_view(), name='drill_add'),
    path('drills/import/', redirect_to_upload('drill'), name='drill_import'),
    path('drills/<int:pk>/', views.DrillDetailView.as_view(), name='drill_detail'),
    path('drills/<int:pk>/edit/', views.DrillEditView.as_view(), name='drill_edit'),
]
