from django.urls import path

from fazhi.imports.views import redirect_to_upload

from . import views

app_name = 'supervision'

urlpatterns = [
    path('proposals/', views.ProposalListView.as_view(), name='proposal_list'),
    path('proposals/add/', views.ProposalEditView.as_view(), name='proposal_add'),
    path('proposals/import/', redirect_to_upload('proposal'), name='proposal_import'),
    path('proposals/<int:pk>/', views.ProposalDetailView.as_view(), name='proposal_detail'),
    path('proposals/<int:pk>/edit/', views.ProposalEditView.as_view(), name='proposal_edit'),
    path('proposals/<int:pk>/do/<slug:name>/', views.ProposalTransitionView.as_view(), name='proposal_transition'),
    path('audit-findings/', views.FindingListView.as_view(), name='finding_list'),
    path('audit-findings/add/', views.FindingEditView.as_view(), name='finding_add'),
    path('audit-findings/import/', redirect_to_upload('audit_finding'), name='finding_import'),
    path('audit-findings/<int:pk>/', views.FindingDetailView.as_view(), name='finding_detail'),
    path('audit-findings/<int:pk>/edit/', views.FindingEditView.as_view(), name='finding_edit'),
    path('audit-findings/<int:pk>/do/<slug:name>/', views.FindingTransitionView.as_view(),
         name='finding_transition'),
]
