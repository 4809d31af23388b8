from django.urls import path

from . import views

app_name = 'legality'

urlpatterns = [
    path('reviews/', views.ReviewListView.as_view(), name='review_list'),
    path('reviews/add/', views.ReviewEditView.as_view(), name='review_add'),
    path('reviews/import/', views.ReviewImportView.as_view(), name='review_import'),
    path('reviews/stats/', views.ReviewStatsView.as_view(), name='review_stats'),
    path('reviews/<int:pk>/', views.ReviewDetailView.as_view(), name='review_detail'),
    path('reviews/<int:pk>/edit/', views.ReviewEditView.as_view(), name='review_edit'),
    path('reviews/<int:pk>/do/<slug:name>/', views.ReviewTransitionView.as_view(), name='review_transition'),
    path('advisers/', views.AdviserListView.as_view(), name='adviser_list'),
    path('advisers/add/', views.AdviserEditView.as_view(), name='adviser_add'),
    path('advisers/import/', views.AdviserImportView.as_view(), name='adviser_import'),
    path('advisers/<int:pk>/', views.AdviserDetailView.as_view(), name='adviser_detail'),
    path('advisers/<int:pk>/edit/', views.AdviserEditView.as_view(), name='adviser_edit'),
    path('engagements/', views.EngagementListView.as_view(), name='engagement_list'),
    path('engagements/add/', views.EngagementEditView.as_view(), name='engagement_add'),
    path('engagements/import/', views.EngagementImportView.as_view(), name='engagement_import'),
    path('engagements/<int:pk>/', views.EngagementDetailView.as_view(), name='engagement_detail'),
    path('engagements/<int:pk>/edit/', views.EngagementEditView.as_view(), name='engagement_edit'),
    path('figures/', views.LegalityFiguresView.as_view(), name='figures'),
]
