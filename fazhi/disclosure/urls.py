from django.urls import path

from fazhi.imports.views import redirect_to_upload

from . import views

app_name = 'disclosure'

urlpatterns = [
    path('requests/', views.RequestListView.as_view(), name='request_list'),
    path('requests/add/', views.RequestEditView.as_view(), name='request_add'),
    path('requests/import/', redirect_to_upload('disclosure_request'), name='request_import'),
    path('requests/<int:pk>/', views.RequestDetailView.as_view(), name='request_detail'),
    path('requests/<int:pk>/edit/', views.RequestEditView.as_view(), name='request_edit'),
    path('requests/<int:pk>/do/<slug:name>/', views.RequestTransitionView.as_view(), name='request_transition'),
    path('items/', views.ItemListView.as_view(), name='item_list'),
    path('items/add/', views.ItemEditView.as_view(), name='item_add'),
    path('items/import/', redirect_to_upload('disclosure_item'), name='item_import'),
    path('items/<int:pk>/', views.ItemDetailView.as_view(), name='item_detail'),
    path('items/<int:pk>/edit/', views.ItemEditView.as_view(), name='item_edit'),
]
