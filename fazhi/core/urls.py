from django.urls import path

from . import pages

urlpatterns = [
    path('', pages.home, name='home'),
    path('search/', pages.search, name='search'),
    path('audit/', pages.AuditEntryListView.as_view(), name='audit_list'),
    path('audit/verify/', pages.audit_verify, name='audit_verify'),
    path('calendar/', pages.calendar_page, name='calendar'),
    path('deadlines/', pages.deadline_calculator, name='deadline_calculator'),
]
