"""The public page of published reconsideration decisions (no login; redacted text only)."""
from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.views import generic

from .choices import Domain
from .models import PublishedDecision


def published() -> Any:
    return PublishedDecision.objects.filter(PublishedDecision.public_q)


class PublicDecisionListView(generic.ListView):
    template_name = 'reconsideration/public_list.html'
    paginate_by = 20

    def get_queryset(self) -> Any:
        qs = published().order_by('-published_on', '-id')
        if q := self.request.GET.get('q', '').strip():
            qs = qs.filter(Q(title__icontains=q) | Q(redacted_text__icontains=q) | Q(respondent_name__icontains=q))
        if domain := self.request.GET.get('domain'):
            qs = qs.filter(domain=domain)
        return qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(domains=Domain.choices, query=self.request.GET.get('q', ''),
                       domain=self.request.GET.get('domain', ''))
        return context


class PublicDecisionDetailView(generic.DetailView):
    template_name = 'reconsideration/public_detail.html'
    context_object_name = 'decision'

    def get_queryset(self) -> Any:
        return published()
