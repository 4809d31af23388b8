"""The public library of normative documents: published documents only, with their validity and full text,
Chinese full-text search, and "what was in force on date D"."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from fazhi.core.permissions import restrict

from .choices import Subject, Validity
from .models import NormativeDocument
from .views import day_param

PUBLIC_STATUSES = [(v, label) for v, label in Validity.choices if v != Validity.UNPUBLISHED]


def published() -> Any:
    """Exactly what the public may see, whoever is logged in."""
    return restrict(NormativeDocument.objects.all(), None).select_related('unit')


def library(request: Any) -> Any:
    qs = published()
    query = request.GET.get('q', '').strip()
    status = request.GET.get('status', '')
    day = day_param(request, 'on')
    if query:
        qs = qs.search(query)
    if status in Validity.values:
        qs = qs.with_validity(status, day)
    elif day:
        qs = qs.in_force_on(day)
    if (subject := request.GET.get('subject', '')) in Subject.values:
        qs = qs.filter(subject=subject)
    page = Paginator(qs.order_by('-published_on', '-id'), 30).get_page(request.GET.get('page'))
    rows = [(doc, Validity(doc.validity_on(day)).label) for doc in page.object_list]
    return render(request, 'normative/public_library.html', {
        'page': page, 'rows': rows, 'q': query, 'status': status, 'statuses': PUBLIC_STATUSES, 'day': day,
        'subjects': Subject.choices, 'subject': request.GET.get('subject', ''), 'today': dt.date.today()})


def document(request: Any, pk: int) -> Any:
    doc = published().filter(pk=pk).first()
    if doc is None:
        raise Http404('文件不存在或尚未公布')
    day = day_param(request, 'on') or dt.date.today()
    version = doc.version_on(day) or doc.versions.order_by('number').first()
    return render(request, 'normative/public_document.html', {
        'doc': doc, 'day': day, 'status': Validity(doc.validity_on(day)).label, 'version': version,
        'versions': doc.versions.all(), 'events': doc.events.all()})
