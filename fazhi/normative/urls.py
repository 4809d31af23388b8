from django.urls import path

from . import views

app_name = 'normative'

urlpatterns = [
    path('documents/', views.DocumentListView.as_view(), name='document_list'),
    path('documents/add/', views.DocumentEditView.as_view(), name='document_add'),
    path('documents/import/', views.DocumentImportView.as_view(), name='document_import'),
    path('documents/alerts/', views.AlertsView.as_view(), name='alerts'),
    path('documents/<int:pk>/', views.DocumentDetailView.as_view(), name='document_detail'),
    path('documents/<int:pk>/edit/', views.DocumentEditView.as_view(), name='document_edit'),
    path('documents/<int:pk>/do/<slug:name>/', views.DocumentTransitionView.as_view(), name='document_transition'),
    path('campaigns/', views.CampaignListView.as_view(), name='campaign_list'),
    path('campaigns/add/', views.CampaignEditView.as_view(), name='campaign_add'),
    path('campaigns/<int:pk>/', views.CampaignDetailView.as_view(), name='campaign_detail'),
    path('campaigns/<int:pk>/edit/', views.CampaignEditView.as_view(), name='campaign_edit'),
    path('campaigns/<int:pk>/do/<slug:name>/', views.CampaignTransitionView.as_view(), name='campaign_transition'),
    path('cleanup-items/', views.CleanupItemListView.as_view(), name='item_list'),
    path('cleanup-items/<int:pk>/edit/', views.CleanupItemEditView.as_view(), name='item_edit'),
    path('figures/', views.NormativeFiguresView.as_view(), name='figures'),
]
