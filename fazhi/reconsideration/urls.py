from django.urls import path

from . import views

app_name = 'reconsideration'

urlpatterns = [
    path('cases/', views.CaseListView.as_view(), name='case_list'),
    path('cases/add/', views.CaseEditView.as_view(), name='case_add'),
    path('cases/import/', views.CaseImportView.as_view(), name='case_import'),
    path('cases/<int:pk>/', views.CaseDetailView.as_view(), name='case_detail'),
    path('cases/<int:pk>/edit/', views.CaseEditView.as_view(), name='case_edit'),
    path('cases/<int:pk>/do/<slug:name>/', views.CaseTransitionView.as_view(), name='case_transition'),
    path('queue/', views.QueueView.as_view(), name='queue'),
    path('figures/', views.FiguresView.as_view(), name='figures'),
    path('figures/<str:code>/records/', views.FigureRecordsView.as_view(), name='figure_records'),
    path('parties/', views.PartyListView.as_view(), name='party_list'),
    path('parties/add/', views.PartyEditView.as_view(), name='party_add'),
    path('parties/<int:pk>/', views.PartyDetailView.as_view(), name='party_detail'),
    path('parties/<int:pk>/edit/', views.PartyEditView.as_view(), name='party_edit'),
    path('services/', views.ServiceListView.as_view(), name='service_list'),
    path('services/add/', views.ServiceEditView.as_view(), name='service_add'),
    path('services/<int:pk>/', views.ServiceDetailView.as_view(), name='service_detail'),
    path('services/<int:pk>/edit/', views.ServiceEditView.as_view(), name='service_edit'),
    path('feedback/', views.FeedbackListView.as_view(), name='feedback_list'),
    path('feedback/<int:pk>/', views.FeedbackDetailView.as_view(), name='feedback_detail'),
    path('feedback/<int:pk>/edit/', views.FeedbackEditView.as_view(), name='feedback_edit'),
    path('publications/', views.PublicationListView.as_view(), name='publication_list'),
    path('publications/<int:pk>/', views.PublicationDetailView.as_view(), name='publication_detail'),
    path('publications/<int:pk>/edit/', views.PublicationEditView.as_view(), name='publication_edit'),
    path('publications/<int:pk>/do/<slug:name>/', views.PublicationTransitionView.as_view(),
         name='publication_transition'),
]
