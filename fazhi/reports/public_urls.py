from django.urls import path

from . import public

app_name = 'reports_public'

urlpatterns = [
    path('', public.PublicReportListView.as_view(), name='report_list'),
    path('<int:pk>/', public.public_report, name='report_detail'),
    path('<int:pk>/download.<str:fmt>', public.public_download, name='report_download'),
    path('<int:pk>/v<int:number>/', public.public_report, name='version_detail'),
    path('<int:pk>/v<int:number>/download.<str:fmt>', public.public_download, name='version_download'),
]
