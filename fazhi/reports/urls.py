from django.urls import path

from . import views

app_name = 'reports'

urlpatterns = [
    path('', views.ReportListView.as_view(), name='report_list'),
    path('new/', views.report_create, name='report_create'),
    path('<int:pk>/', views.report_detail, name='report_detail'),
    path('<int:pk>/render/', views.report_render, name='report_render'),
    path('<int:pk>/check/', views.report_check, name='report_check'),
    path('<int:pk>/publish/', views.report_publish, name='report_publish'),
    path('<int:pk>/jobs/<int:job_id>/', views.job_detail, name='job_detail'),
    path('<int:pk>/jobs/<int:job_id>/status/', views.job_status, name='job_status'),
    path('<int:pk>/narratives/<str:key>/', views.narrative_edit, name='narrative_edit'),
    path('<int:pk>/versions/<int:number>/', views.version_detail, name='version_detail'),
    path('<int:pk>/versions/<int:number>/download.<str:fmt>', views.version_download, name='version_download'),
]
