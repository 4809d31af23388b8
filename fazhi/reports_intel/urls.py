from django.urls import path

from . import views

app_name = 'reports_intel'

urlpatterns = [
    path('', views.ReportListView.as_view(), name='report_list'),
    path('upload/', views.UploadView.as_view(), name='upload'),
    path('benchmark/', views.BenchmarkView.as_view(), name='benchmark'),
    path('check/', views.CheckView.as_view(), name='check'),
    path('<int:pk>/', views.ReportDetailView.as_view(), name='report_detail'),
    path('<int:pk>/original/', views.OriginalFileView.as_view(), name='report_original'),
    path('<int:pk>/delete/', views.ReportDeleteView.as_view(), name='report_delete'),
]
