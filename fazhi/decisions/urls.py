from django.urls import path

from . import views

app_name = 'decisions'

urlpatterns = [
    path('catalogues/', views.CatalogueListView.as_view(), name='catalogue_list'),
    path('catalogues/add/', views.CatalogueEditView.as_view(), name='catalogue_add'),
    path('catalogues/<int:pk>/', views.CatalogueDetailView.as_view(), name='catalogue_detail'),
    path('catalogues/<int:pk>/edit/', views.CatalogueEditView.as_view(), name='catalogue_edit'),
    path('catalogues/<int:pk>/do/<slug:name>/', views.CatalogueTransitionView.as_view(), name='catalogue_transition'),
    path('items/', views.DecisionListView.as_view(), name='decision_list'),
    path('items/add/', views.DecisionEditView.as_view(), name='decision_add'),
    path('items/import/', views.DecisionImportView.as_view(), name='decision_import'),
    path('items/<int:pk>/', views.DecisionDetailView.as_view(), name='decision_detail'),
    path('items/<int:pk>/edit/', views.DecisionEditView.as_view(), name='decision_edit'),
    path('items/<int:pk>/do/<slug:name>/', views.DecisionTransitionView.as_view(), name='decision_transition'),
    path('procedures/<int:pk>/edit/', views.ProcedureEditView.as_view(), name='procedure_edit'),
    path('comments/', views.CommentListView.as_view(), name='comment_list'),
    path('comments/<int:pk>/', views.CommentDetailView.as_view(), name='comment_detail'),
    path('comments/<int:pk>/moderate/', views.CommentModerateView.as_view(), name='comment_moderate'),
    path('comments/<int:pk>/dispose/', views.CommentDisposeView.as_view(), name='comment_dispose'),
    path('evaluations/', views.EvaluationListView.as_view(), name='evaluation_list'),
    path('figures/', views.DecisionFiguresView.as_view(), name='figures'),
]
