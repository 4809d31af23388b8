from __future__ import annotations

from typing import Any

from django.urls import reverse

from fazhi.core.views import ObjectDetailView, ObjectEditView, ObjectListView

from . import forms
from .models import Liaison, Unit, User


class UnitListView(ObjectListView):
    model = Unit
    columns = ('code', 'name', 'kind', 'parent', 'is_enforcement_body', 'is_active')
    search_fields = ('name', 'code', 'short_name')
    filters = ('kind',)
    add_url_name = 'organization:unit_add'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('parent')


class UnitDetailView(ObjectDetailView):
    model = Unit
    template_name = 'organization/unit_detail.html'
    fields = ('code', 'name', 'short_name', 'kind', 'parent', 'is_enforcement_body', 'population', 'is_active')

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context['children'] = Unit.objects.visible_to(self.request.user).filter(parent=self.object)
        return context


class UnitEditView(ObjectEditView):
    model = Unit
    form_class = forms.UnitForm


class UserListView(ObjectListView):
    model = User
    columns = ('username', 'full_name', 'role', 'unit', 'is_active', 'locked_until', 'last_login')
    search_fields = ('username', 'full_name')
    filters = ('role', 'unit')
    add_url_name = 'organization:user_add'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit')


class UserDetailView(ObjectDetailView):
    model = User
    template_name = 'organization/user_detail.html'
    fields = ('username', 'full_name', 'role', 'unit', 'phone', 'is_active', 'failed_logins', 'locked_until',
              'last_login', 'password_changed_at')


class UserEditView(ObjectEditView):
    """System administrators edit accounts; security administrators edit roles and locks."""
    model = User

    def get_form_class(self) -> Any:
        if 'pk' not in self.kwargs:
            return forms.UserCreateForm
        if self.request.user.role == 'security_admin':
            return forms.UserSecurityForm
        return forms.UserAccountForm

    def get_success_url(self) -> str:
        return reverse('organization:user_detail', args=[self.object.pk])


class LiaisonListView(ObjectListView):
    model = Liaison
    columns = ('name', 'unit', 'position', 'phone', 'is_head', 'has_legal_qualification')
    search_fields = ('name', 'unit__name')
    filters = ('unit',)
    add_url_name = 'organization:liaison_add'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit')


class LiaisonDetailView(ObjectDetailView):
    model = Liaison
    template_name = 'organization/liaison_detail.html'
    fields = ('name', 'unit', 'position', 'phone', 'is_head', 'has_legal_qualification')


class LiaisonEditView(ObjectEditView):
    model = Liaison
    form_class = forms.LiaisonForm
