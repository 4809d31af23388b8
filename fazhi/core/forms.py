"""Form base: unit dropdowns list only the user's units, yet a forged id reaches the service,
which refuses it, audits the attempt and answers 403."""
from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps


class ScopedModelForm(forms.ModelForm):
    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        unit_model = apps.get_model('organization', 'Unit')
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset.model is unit_model:
                visible = unit_model.objects.visible_to(user, 'view').filter(is_active=True)
                field.queryset = unit_model.objects.all()
                field.widget.choices = [('', '---------')] + [(u.pk, str(u)) for u in visible]
        for field in self.fields.values():
            css = 'form-select' if isinstance(field.widget, forms.Select) else 'form-control'
            if isinstance(field.widget, forms.CheckboxInput):
                css = 'form-check-input'
            field.widget.attrs.setdefault('class', css)
