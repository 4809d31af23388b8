from django.urls import path

from . import views

app_name = 'litigation'

urlpatterns = [
    path('lawsuits/', views.LawsuitListView.as_view(), name='lawsuit_list'),
    path('lawsuits/add/', views.LawsuitEditView.as_view(), name='lawsuit_add'),
    path('lawsuits/import/', views.LawsuitImportView.as_view(), name='lawsuit_import'),
    path('lawsuits/<int:pk>/', views.LawsuitDetailView.as_view(), name='lawsuit_detail'),
    path('lawsuits/<int:pk>/edit/', views.LawsuitEditView.as_view(), name='lawsuit_edit'),
    path('lawsuits/<int:pk>/do/<slug:name>/', views.LawsuitTransitionView.as_view(), name='lawsuit_transition'),
    path('queue/', views.QueueView.as_view(), name='queue'),
    path('figures/', views.FiguresView.as_view(), name='figures'),
    path('figures/<str:code>/records/', views.FigureRecordsView.as_view(), name='figure_records'),
    path('hearings/', views.HearingListView.as_view(), name='hearing_list'),
    path('hearings/<int:pk>/', views.HearingDetailView.as_view(), name='hearing_detail'),
    path('suggestions/', views.SuggestionListView.as_view(), name='suggestion_list'),
    path('suggestions/add/', views.SuggestionEditView.as_view(), name='suggestion_add'),
    path('suggestions/<int:pk>/', views.SuggestionDetailView.as_view(), name='suggestion_detail'),
    path('suggestions/<int:pk>/edit/', views.SuggestionEditView.as_view(), name='suggestion_edit'),
]
