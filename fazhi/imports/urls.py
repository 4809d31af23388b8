from django.urls import path

from . import views

app_name = 'imports'

urlpatterns = [
    path('', views.UploadView.as_view(), name='upload'),
    path('history/', views.HistoryView.as_view(), name='history'),
    path('jobs/<int:pk>/', views.JobView.as_view(), name='job'),
    path('jobs/<int:pk>/status/', views.JobStatusView.as_view(), name='job_status'),
    path('jobs/<int:pk>/errors/', views.ErrorReportView.as_view(), name='job_errors'),
    path('templates/<slug:name>/', views.TemplateView.as_view(), name='template'),
]
