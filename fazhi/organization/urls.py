from django.urls import path

from . import views

app_name = 'organization'

urlpatterns = [
    path('units/', views.UnitListView.as_view(), name='unit_list'),
    path('units/add/', views.UnitEditView.as_view(), name='unit_add'),
    path('units/<int:pk>/', views.UnitDetailView.as_view(), name='unit_detail'),
    path('units/<int:pk>/edit/', views.UnitEditView.as_view(), name='unit_edit'),
    path('users/', views.UserListView.as_view(), name='user_list'),
    path('users/add/', views.UserEditView.as_view(), name='user_add'),
    path('users/<int:pk>/', views.UserDetailView.as_view(), name='user_detail'),
    path('users/<int:pk>/edit/', views.UserEditView.as_view(), name='user_edit'),
    path('liaisons/', views.LiaisonListView.as_view(), name='liaison_list'),
    path('liaisons/add/', views.LiaisonEditView.as_view(), name='liaison_add'),
    path('liaisons/<int:pk>/', views.LiaisonDetailView.as_view(), name='liaison_detail'),
    path('liaisons/<int:pk>/edit/', views.LiaisonEditView.as_view(), name='liaison_edit'),
]
