"""Public portal pages: published catalogues, decisions open for comment, the comment form, and each comment's
disposition once the adoption report is published. Only published material is shown, whoever asks."""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from fazhi.core import services
from fazhi.core.permissions import restrict

from .choices import Moderation
from .consultation import minimum_period
from .forms import PublicCommentForm
from .models import DecisionCatalogue, MajorDecision, PublicComment, open_for_comment


def public_decisions() -> Any:
    return restrict(MajorDecision.objects.all(), None).select_related('unit', 'catalogue', 'deciding_body')


def index(request: Any) -> Any:
    catalogues = restrict(DecisionCatalogue.objects.all(), None).select_related('unit')
    recent = public_decisions().filter(feedback_published_on__isnull=False).order_by('-feedback_published_on')[:10]
    return render(request, 'decisions/public_index.html', {
        'catalogues': catalogues, 'open': open_for_comment().select_related('unit'), 'recent': recent})


def catalogue(request: Any, pk: int) -> Any:
    found = restrict(DecisionCatalogue.objects.filter(pk=pk), None).first()
    if found is None:
        raise Http404('目录不存在或尚未公布')
    return render(request, 'decisions/public_catalogue.html', {
        'catalogue': found, 'decisions': found.decisions.select_related('unit').order_by('planned_on', 'id')})


def decision(request: Any, pk: int) -> Any:
    found = public_decisions().filter(pk=pk).first()
    if found is None:
        raise Http404('决策事项不存在或尚未公开')
    form = PublicCommentForm(request.POST or None)
    if request.method == 'POST':
        if not found.comment_open:
            return _page(request, found, form, status=400, closed=True)
        if form.is_valid() and not form.cleaned_data['website']:
            _submit(found, form.cleaned_data)
            messages.success(request, '您的意见已提交，感谢参与！意见经审核后公开，办理情况将在征求意见结束后统一反馈。')
            return redirect(found.get_public_url())
        return _page(request, found, form, status=400)
    return _page(request, found, form)


def _submit(found: MajorDecision, data: dict[str, Any]) -> PublicComment:
    """The public page is the gate (consultation open); the write is audited with the visitor's address."""
    comment = PublicComment(decision=found, author_name=data['author_name'], contact=data['contact'],
                            content=data['content'], submitted_on=dt.date.today())
    return services.create(comment, enforce=False, message='公众通过政务公开页面提交意见')


def _page(request: Any, found: MajorDecision, form: PublicCommentForm, status: int = 200, closed: bool = False) -> Any:
    shown = PublicComment.objects.filter(decision=found, moderation=Moderation.APPROVED).order_by('submitted_on', 'id')
    return render(request, 'decisions/public_decision.html', {
        'decision': found, 'form': form, 'comments': shown, 'counts': found.counts(), 'closed': closed,
        'feedback_published': bool(found.feedback_published_on),
        'minimum': minimum_period(found.comment_opens_on) if found.comment_opens_on else None}, status=status)
