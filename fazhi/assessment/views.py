"""Assessment pages for each role: the office sets up systems and campaigns, units self-assess and object,
reviewers score what they are assigned, experts score demonstration projects, leaders read results."""
from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

import yaml
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import escape_uri_path
from django.views.decorators.http import require_POST

from fazhi.core import services as core_services
from fazhi.core import workflow
from fazhi.core.permissions import AccessDenied, can, can_on_object, deny_message
from fazhi.core.views import ObjectListView, forbidden

from . import forms, projects, reports, scoring, services, systemfile
from .choices import (DIMENSIONS, OPEN_CAMPAIGN_STATES, CampaignState, ObjectionState, RoundState, RuleType,
                      ScoreState)
from .models import (Campaign, CampaignUnit, Evidence, IndicatorSystem, ItemScore, Objection,
                     ProjectApplication, ProjectRound, ReviewerAssignment, RoundExpert, SystemItem)

DEFAULT_SYSTEM_FILE = systemfile.__file__.rsplit('/', 1)[0] + '/systems/shifan-2021.yaml'
ADMIN = 'district_admin'


def _is_admin(user: Any) -> bool:
    return getattr(user, 'role', None) == ADMIN


def _get(model: Any, user: Any, pk: int, action: str = 'view') -> Any:
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        raise Http404('记录不存在')
    if not can_on_object(user, action, obj):
        raise AccessDenied(deny_message(model, action))
    return obj


def guarded(view: Any) -> Any:
    """Login required; AccessDenied becomes a 403 page with the reason, AssessmentError a message."""
    @login_required
    def wrapper(request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return view(request, *args, **kwargs)
        except AccessDenied as exc:
            return forbidden(request, str(exc))
    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _admin_only(request: Any, what: str) -> None:
    if not _is_admin(request.user):
        raise AccessDenied(f'只有依法治区办管理员可以{what}。')


def can_view_score(user: Any, score: ItemScore) -> bool:
    return can_on_object(user, 'view', score) or (
        getattr(user, 'role', None) in services.REVIEWER_ROLES and services.may_review(user, score))


def results_visible(user: Any, campaign: Campaign) -> bool:
    """Full rankings: the office, reviewers and leaders always; units once the results are published."""
    if getattr(user, 'role', None) in ('district_admin', 'leader', 'legality_reviewer', 'case_officer'):
        return True
    return campaign.state == CampaignState.PUBLISHED and can(user, 'view', CampaignUnit)


# -- workbench ---------------------------------------------------------------------------------------------------

@guarded
def home(request: Any) -> Any:
    user = request.user
    if not can(user, 'view', Campaign):
        return forbidden(request, deny_message(Campaign, 'view'))
    campaigns = Campaign.objects.visible_to(user).select_related('system')[:10]
    my_entries = CampaignUnit.objects.visible_to(user).select_related('campaign', 'unit') \
        .filter(campaign__state__in=[*OPEN_CAMPAIGN_STATES, CampaignState.FINALIZED, CampaignState.PUBLISHED]) \
        if user.role == 'unit_officer' else CampaignUnit.objects.none()
    pending_self = ItemScore.objects.visible_to(user).filter(
        state=ScoreState.PENDING, applicable=True, method=RuleType.MANUAL,
        entry__campaign__state=CampaignState.SELF_ASSESSMENT).count() if user.role == 'unit_officer' else 0
    review_tasks = services.assigned_scores(user).filter(
        score__isnull=True, entry__campaign__state=CampaignState.REVIEW).count() \
        if user.role in ('legality_reviewer', 'case_officer') else 0
    open_objections = Objection.objects.visible_to(user).filter(state=ObjectionState.SUBMITTED).count()
    return render(request, 'assessment/home.html', {
        'campaigns': campaigns, 'my_entries': my_entries[:20], 'pending_self': pending_self,
        'review_tasks': review_tasks, 'expert_tasks': len(projects.queue_for(user)),
        'open_objections': open_objections, 'rounds': ProjectRound.objects.visible_to(user)[:5],
        'is_admin': _is_admin(user),
    })


# -- indicator systems -------------------------------------------------------------------------------------------

class SystemListView(ObjectListView):
    model = IndicatorSystem
    columns = ('name', 'code', 'version', 'state', 'is_default', 'total', 'change_note', 'created_at')
    search_fields = ('name', 'code')
    filters = ('code', 'state')
    add_url_name = 'assessment:system_load'


@guarded
def system_detail(request: Any, pk: int) -> Any:
    system = _get(IndicatorSystem, request.user, pk)
    items = list(system.items.all())
    versions = IndicatorSystem.objects.visible_to(request.user).filter(code=system.code).order_by('-version')
    counts = Counter(i.rule_type for i in items if i.rule_type)
    return render(request, 'assessment/system_detail.html', {
        'system': system, 'items': items, 'versions': versions, 'counts': {RuleType(k).label: v for k, v in
                                                                             counts.items()},
        'can_change': _is_admin(request.user), 'campaigns': system.campaigns.all(),
        'small_sample_label': services.small_sample_label(system.small_sample_rule)})


@guarded
def system_yaml(request: Any, pk: int) -> Any:
    system = _get(IndicatorSystem, request.user, pk)
    response = HttpResponse(system.source_text, content_type='application/x-yaml; charset=utf-8')
    name = f'{system.code}-v{system.version}.yaml'
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(name)}"
    return response


@guarded
def system_load(request: Any) -> Any:
    """Paste or upload a system: validated in full, errors listed in Chinese, nothing saved unless all is well."""
    _admin_only(request, '导入或修改考核指标体系')
    initial_text = ''
    if request.method == 'GET':
        base = request.GET.get('from')
        if base:
            initial_text = _get(IndicatorSystem, request.user, int(base)).source_text
        else:
            with open(DEFAULT_SYSTEM_FILE, encoding='utf-8') as fh:
                initial_text = fh.read()
    form = forms.SystemLoadForm(request.POST or None, request.FILES or None, initial={'text': initial_text})
    errors: list[str] = []
    checked = None
    status = 200
    if request.method == 'POST' and form.is_valid():
        text = form.cleaned_data['text']
        spec, errors = systemfile.validate(text)
        if errors:
            status = 400
        elif form.cleaned_data.get('check_only'):
            checked = spec
        else:
            try:
                system = services.load_system(text, note=form.cleaned_data.get('note') or '')
            except services.AssessmentError as exc:
                errors, status = [str(exc)], 400
            else:
                messages.success(request, f'已保存为第{system.version}版。')
                return redirect(system.get_absolute_url())
    elif request.method == 'POST':
        status = 400
    return render(request, 'assessment/system_load.html', {'form': form, 'errors': errors, 'checked': checked},
                  status=status)


@guarded
def system_weights(request: Any, pk: int) -> Any:
    """Change the points of items in the browser; the result is validated and saved as the next version."""
    _admin_only(request, '修改考核指标体系')
    system = _get(IndicatorSystem, request.user, pk)
    form = forms.WeightsForm(request.POST or None, system=system)
    errors: list[str] = []
    if request.method == 'POST' and form.is_valid():
        text = reweight(system.source_text, form.points())
        spec, errors = systemfile.validate(text)
        if not errors:
            try:
                saved = services.load_system(text, note=form.cleaned_data.get('note') or '在页面上调整分值')
            except services.AssessmentError as exc:
                errors = [str(exc)]
            else:
                messages.success(request, f'已保存为第{saved.version}版。')
                return redirect(saved.get_absolute_url())
    return render(request, 'assessment/system_weights.html', {'system': system, 'form': form, 'errors': errors},
                  status=400 if request.method == 'POST' and (errors or form.errors) else 200)


def reweight(text: str, points: dict[str, Decimal]) -> str:
    """The same system text with new points per item code (comments are not kept)."""
    data = systemfile._clean(systemfile.parse(text))

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            if str(item.get('code')) in points:
                value = points[str(item['code'])]
                item['points'] = int(value) if value == int(value) else float(value)
            walk(item.get('children') or [])
    walk(data.get('items') or [])
    data.pop('version', None)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


# -- campaigns ---------------------------------------------------------------------------------------------------

class CampaignListView(ObjectListView):
    model = Campaign
    columns = ('name', 'period', 'system', 'state', 'objection_closes_on', 'published_on')
    search_fields = ('name', 'period')
    filters = ('state', 'period')
    add_url_name = 'assessment:campaign_add'

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('system')


@guarded
def campaign_add(request: Any) -> Any:
    _admin_only(request, '新建考核活动')
    form = forms.CampaignForm(request.POST or None)
    if request.method == 'POST' and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.create_campaign(name=data['name'], period=data['period'], system=data['system'],
                                                categories=data['categories'], previous=data['previous'],
                                                self_due=data['self_due'], review_due=data['review_due'])
        except services.AssessmentError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(campaign.get_absolute_url())
    return render(request, 'assessment/form.html', {'form': form, 'title': '新建考核活动'},
                  status=400 if form.errors else 200)


def _small_counts(campaign: Campaign) -> dict[int, int]:
    rows = ItemScore.objects.filter(entry__campaign=campaign, small_sample=True).values('entry_id') \
        .annotate(n=Count('id'))
    return {r['entry_id']: r['n'] for r in rows}


@guarded
def campaign_detail(request: Any, pk: int) -> Any:
    campaign = _get(Campaign, request.user, pk)
    user = request.user
    visible = results_visible(user, campaign)
    groups = services.grouped_ranking(campaign) if visible else []
    own = CampaignUnit.objects.visible_to(user).filter(campaign=campaign).select_related('unit') \
        if user.role == 'unit_officer' else []
    actions = [t for t in campaign.workflow.available(campaign)] if _is_admin(user) else []
    return render(request, 'assessment/campaign_detail.html', {
        'campaign': campaign, 'groups': groups, 'visible': visible, 'own': own, 'actions': actions,
        'progress': services.progress_of(campaign), 'is_admin': _is_admin(user), 'small': _small_counts(campaign),
        'assignments': campaign.assignments.select_related('reviewer', 'area') if _is_admin(user) else [],
        'chart': _chart_data(groups), 'areas': campaign.system.items.filter(level=1),
    })


def _chart_data(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{'name': g['name'], 'rows': [{'name': e.unit.name, 'value': float(e.total) if e.total is not None else None,
                                          'url': e.get_absolute_url()} for e in g['entries']]} for g in groups]


TRANSITION_FORMS = {'open_objections': forms.OpenObjectionsForm}


@guarded
def campaign_transition(request: Any, pk: int, name: str) -> Any:
    _admin_only(request, '推进考核流程')
    campaign = _get(Campaign, request.user, pk, 'change')
    try:
        transition = campaign.workflow.get(name)
    except workflow.TransitionRefused:
        raise Http404('未知的操作')
    form_class = TRANSITION_FORMS.get(name, forms.TransitionForm)
    form = form_class(request.POST or None, obj=campaign)
    if request.method == 'POST' and form.is_valid():
        try:
            workflow.apply(campaign, name, on=form.cleaned_data['on'], note=form.cleaned_data.get('note') or '',
                           step_on=form.cleaned_data['on'], **form.transition_data())
        except (workflow.TransitionRefused, services.AssessmentError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f'已{transition.label}。')
            return redirect(campaign.get_absolute_url())
    return render(request, 'assessment/transition.html', {'object': campaign, 'transition': transition,
                                                          'form': form}, status=400 if form.errors else 200)


@guarded
@require_POST
def campaign_score(request: Any, pk: int) -> Any:
    _admin_only(request, '重新自动计分')
    campaign = _get(Campaign, request.user, pk, 'change')
    try:
        counts = services.score_automatic(campaign)
    except services.AssessmentError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f'已按指标引擎重新计分：{counts["scored"]} 项，其中 {counts["changed"]} 项得分有变化。')
    return redirect(campaign.get_absolute_url())


@guarded
def campaign_assignments(request: Any, pk: int) -> Any:
    _admin_only(request, '分配评分任务')
    campaign = _get(Campaign, request.user, pk, 'change')
    form = forms.AssignmentForm(request.POST or None, campaign=campaign)
    if request.method == 'POST':
        if 'delete' in request.POST:
            found = ReviewerAssignment.objects.filter(campaign=campaign, pk=request.POST['delete']).first()
            if found:
                core_services.delete(found, message='取消评分分工')
            return redirect(reverse('assessment:campaign_assignments', args=[campaign.pk]))
        if form.is_valid():
            data = form.cleaned_data
            area = SystemItem.objects.filter(pk=data['area'], system=campaign.system).first() if data['area'] else None
            core_services.create(ReviewerAssignment(campaign=campaign, reviewer=data['reviewer'], area=area,
                                                    category=data['category'] or ''), message='分配评分任务')
            return redirect(reverse('assessment:campaign_assignments', args=[campaign.pk]))
    rows = []
    for a in campaign.assignments.select_related('reviewer', 'area'):
        rows.append({'assignment': a, 'count': services.assigned_scores(a.reviewer, campaign).count()})
    unassigned = services.unreviewed(campaign).count()
    return render(request, 'assessment/assignments.html', {'campaign': campaign, 'form': form, 'rows': rows,
                                                           'unreviewed': unassigned})


@guarded
def campaign_results(request: Any, pk: int) -> Any:
    campaign = _get(Campaign, request.user, pk)
    if not results_visible(request.user, campaign):
        raise AccessDenied('考核结果发布后方可查看全部排名；本单位得分见“本单位评分表”。')
    groups = services.grouped_ranking(campaign)
    areas = list(campaign.system.items.filter(level=1))
    area_chart = {g['name']: {'areas': [f'{a.code} {a.name}' for a in areas], 'series': [
        {'name': e.unit.name, 'values': [(e.area_scores.get(a.code) or {}).get('rate') for a in areas]}
        for e in g['entries']]} for g in groups}
    return render(request, 'assessment/results.html', {
        'campaign': campaign, 'groups': groups, 'areas': areas, 'chart': _chart_data(groups),
        'area_chart': area_chart, 'small': _small_counts(campaign), 'print': request.GET.get('print') == '1',
        'data': reports.results_data(campaign)})


@guarded
def campaign_export(request: Any, pk: int, fmt: str) -> Any:
    campaign = _get(Campaign, request.user, pk)
    if not results_visible(request.user, campaign):
        raise AccessDenied('考核结果发布后方可导出。')
    name = f'{campaign.name}结果'
    if fmt == 'xlsx':
        body, kind, suffix = reports.xlsx(campaign), \
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'
    elif fmt == 'docx':
        body, kind, suffix = reports.docx(campaign), \
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'
    elif fmt == 'pdf':
        try:
            body, kind, suffix = reports.pdf(campaign), 'application/pdf', 'pdf'
        except reports.NoCJKFont as exc:
            return render(request, 'assessment/message.html', {'title': '无法生成 PDF', 'message': str(exc),
                                                               'link': reverse('assessment:campaign_results',
                                                                               args=[campaign.pk]) + '?print=1'},
                          status=503)
    else:
        raise Http404('未知的导出格式')
    response = HttpResponse(body, content_type=kind)
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(name)}.{suffix}"
    return response


@guarded
def campaign_compare(request: Any, pk: int) -> Any:
    """How the ranking would change under another system version or today's indicator definitions."""
    campaign = _get(Campaign, request.user, pk)
    if not results_visible(request.user, campaign):
        raise AccessDenied('考核结果发布后方可查看。')
    form = forms.CompareForm(request.GET or None)
    form.fields['system'].queryset = IndicatorSystem.objects.filter(code=campaign.system.code)
    rows = None
    target = None
    if request.GET and form.is_valid():
        target = form.cleaned_data['system'] or campaign.system
        rows = services.simulate(campaign, system=target)
    return render(request, 'assessment/compare.html', {'campaign': campaign, 'form': form, 'rows': rows,
                                                       'target': target})


# -- entries and scores ------------------------------------------------------------------------------------------

class EntryListView(ObjectListView):
    model = CampaignUnit
    columns = ('unit', 'campaign', 'category', 'total', 'rank', 'grade', 'pending_items')
    search_fields = ('unit__name',)
    filters = ('campaign', 'category')

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit', 'campaign')


@guarded
def entry_detail(request: Any, pk: int) -> Any:
    entry = _get(CampaignUnit, request.user, pk)
    campaign = entry.campaign
    scores = list(entry.scores.select_related('item').prefetch_related('deductions', 'evidence', 'objections'))
    items = {i.pk: i for i in campaign.system.items.all()}
    tree: dict[int, list[ItemScore]] = defaultdict(list)
    for s in scores:
        tree[services.first_level_of(s.item, items).pk].append(s)
    areas = [(i, tree[i.pk], entry.area_scores.get(i.code) or {}) for i in items.values() if i.level == 1]
    peers = CampaignUnit.objects.filter(campaign=campaign, category=entry.category)
    means = {}
    for a in items.values():
        if a.level == 1:
            rates = [(p.area_scores.get(a.code) or {}).get('rate') for p in peers]
            rates = [r for r in rates if r is not None]
            means[a.code] = round(sum(rates) / len(rates), 2) if rates else None
    radar = {'areas': [f'{a.code} {a.name}' for a, _, _ in areas],
             'unit': [(area or {}).get('rate') for _, _, area in areas],
             'mean': [means.get(a.code) for a, _, _ in areas], 'name': entry.unit.name}
    return render(request, 'assessment/entry_detail.html', {
        'entry': entry, 'campaign': campaign, 'areas': areas, 'radar': radar,
        'is_unit': request.user.role == 'unit_officer', 'period': campaign.period,
        'results_visible': results_visible(request.user, campaign)})


@guarded
def score_detail(request: Any, pk: int) -> Any:
    score = ItemScore.objects.select_related('item', 'entry__unit', 'entry__campaign__system').filter(pk=pk).first()
    if score is None:
        raise Http404('记录不存在')
    user = request.user
    if not can_view_score(user, score):
        raise AccessDenied(deny_message(ItemScore, 'view'))
    return render(request, 'assessment/score_detail.html', _score_context(request, score))


def _score_context(request: Any, score: ItemScore, **forms_: Any) -> dict[str, Any]:
    user = request.user
    campaign = score.entry.campaign
    manual = score.method == RuleType.MANUAL
    is_unit = user.role == 'unit_officer' and can_on_object(user, 'change', score)
    can_self = is_unit and manual and score.applicable and campaign.state == CampaignState.SELF_ASSESSMENT and \
        score.state in (ScoreState.PENDING, ScoreState.SELF_ASSESSED)
    can_upload = is_unit and manual and campaign.state in (CampaignState.SELF_ASSESSMENT, CampaignState.REVIEW)
    can_review = manual and score.applicable and campaign.state == CampaignState.REVIEW and \
        user.role in services.REVIEWER_ROLES and services.may_review(user, score) and not (
            user.role != ADMIN and user.unit_id and score.entry.unit.path.startswith(user.unit.path))
    objection_block = services.objection_open(score)
    can_object = is_unit and can(user, 'add', Objection) and objection_block is None
    indicator = scoring.indicator_of(score.item)
    drill = None
    if indicator:
        part = 'numerator' if (score.item.rule or {}).get('occurrences') == 'numerator' else 'denominator'
        drill = (reverse('indicators:records', args=[indicator.code]) +
                 f'?unit={score.entry.unit.code}&period={campaign.period}&part={part}')
    return {
        'score': score, 'campaign': campaign, 'indicator': indicator, 'drill': drill,
        'figure_url': reverse('indicators:indicator', args=[indicator.code]) +
        f'?unit={score.entry.unit.code}&period={campaign.period}' if indicator else None,
        'deductions': score.deductions.all(), 'evidence': score.evidence.all(),
        'objections': score.objections.all(), 'can_self': can_self, 'can_upload': can_upload,
        'can_review': can_review, 'can_object': can_object,
        'objection_block': objection_block if is_unit else None,
        'self_form': forms_.get('self_form') or forms.SelfAssessForm(initial={
            'self_score': score.self_score, 'self_note': score.self_note}),
        'evidence_form': forms_.get('evidence_form') or forms.EvidenceForm(),
        'review_form': forms_.get('review_form') or forms.ReviewForm(initial={
            'value': score.score if score.score is not None else score.self_score,
            'comment': score.review_comment}),
        'objection_form': forms_.get('objection_form') or forms.ObjectionForm(),
        'error': forms_.get('error'),
    }


def _score_for_post(request: Any, pk: int) -> ItemScore:
    score = ItemScore.objects.select_related('item', 'entry__unit', 'entry__campaign').filter(pk=pk).first()
    if score is None:
        raise Http404('记录不存在')
    if not can_view_score(request.user, score):
        raise services.refuse(score, deny_message(ItemScore, 'change'))
    return score


def _score_error(request: Any, score: ItemScore, message: str, **forms_: Any) -> Any:
    return render(request, 'assessment/score_detail.html', _score_context(request, score, error=message, **forms_),
                  status=400)


@guarded
@require_POST
def score_self(request: Any, pk: int) -> Any:
    score = _score_for_post(request, pk)
    if not can_on_object(request.user, 'change', score) or request.user.role != 'unit_officer':
        raise services.refuse(score, '只有本单位的填报员可以提交自评。')
    form = forms.SelfAssessForm(request.POST)
    if not form.is_valid():
        return _score_error(request, score, '请检查自评内容。', self_form=form)
    try:
        services.self_assess(score, self_score=form.cleaned_data['self_score'], note=form.cleaned_data['self_note'])
    except services.AssessmentError as exc:
        return _score_error(request, score, str(exc), self_form=form)
    messages.success(request, '自评已提交。')
    return redirect(score.get_absolute_url())


@guarded
@require_POST
def score_evidence(request: Any, pk: int) -> Any:
    score = _score_for_post(request, pk)
    if request.user.role != 'unit_officer' or not can_on_object(request.user, 'change', score):
        raise services.refuse(score, '只有本单位的填报员可以上传佐证材料。')
    form = forms.EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _score_error(request, score, '请选择要上传的文件。', evidence_form=form)
    try:
        services.add_evidence(score, form.cleaned_data['file'], form.cleaned_data.get('title') or '')
    except services.AssessmentError as exc:
        return _score_error(request, score, str(exc), evidence_form=form)
    messages.success(request, '佐证材料已上传。')
    return redirect(score.get_absolute_url())


@guarded
def evidence_download(request: Any, pk: int) -> Any:
    evidence = Evidence.objects.select_related('score__entry__unit').filter(pk=pk).first()
    if evidence is None:
        raise Http404('记录不存在')
    if not (can_on_object(request.user, 'view', evidence) or can_view_score(request.user, evidence.score)):
        raise AccessDenied(deny_message(Evidence, 'view'))
    return FileResponse(evidence.file.open('rb'), as_attachment=True, filename=evidence.original_name)


@guarded
@require_POST
def score_review(request: Any, pk: int) -> Any:
    score = _score_for_post(request, pk)
    form = forms.ReviewForm(request.POST)
    if not form.is_valid():
        return _score_error(request, score, '请检查评分内容。', review_form=form)
    try:
        services.review(score, value=form.cleaned_data['value'], comment=form.cleaned_data['comment'])
    except services.AssessmentError as exc:
        return _score_error(request, score, str(exc), review_form=form)
    messages.success(request, '评分已保存。')
    nxt = services.assigned_scores(request.user, score.entry.campaign).filter(score__isnull=True).first() \
        if request.user.role != ADMIN else None
    return redirect(nxt.get_absolute_url() if nxt else reverse('assessment:review_queue'))


@guarded
@require_POST
def score_object(request: Any, pk: int) -> Any:
    score = _score_for_post(request, pk)
    if request.user.role != 'unit_officer' or not can_on_object(request.user, 'change', score):
        raise services.refuse(score, '只有本单位的填报员可以提出申诉。')
    form = forms.ObjectionForm(request.POST)
    if not form.is_valid():
        return _score_error(request, score, '请写明申诉理由。', objection_form=form)
    try:
        objection = services.submit_objection(score, reason=form.cleaned_data['reason'],
                                              requested=form.cleaned_data.get('requested_score'))
    except services.AssessmentError as exc:
        return _score_error(request, score, str(exc), objection_form=form)
    messages.success(request, '申诉已提交，依法治区办处理后会在本页显示结果。')
    return redirect(objection.get_absolute_url())


@guarded
def review_queue(request: Any) -> Any:
    user = request.user
    if user.role not in services.REVIEWER_ROLES:
        raise AccessDenied('只有评分人（依法治区办、合法性审查员、案件承办人）有评分任务。')
    if user.role == ADMIN:
        scores = ItemScore.objects.filter(method=RuleType.MANUAL, applicable=True,
                                          entry__campaign__state=CampaignState.REVIEW) \
            .select_related('entry__unit', 'entry__campaign', 'item')
    else:
        scores = services.assigned_scores(user).filter(entry__campaign__state__in=OPEN_CAMPAIGN_STATES)
    status = request.GET.get('status', 'todo')
    if status == 'todo':
        scores = scores.filter(score__isnull=True)
    scores = scores.order_by('entry__campaign', 'item__sort_order', 'entry__unit__sort_order')
    return render(request, 'assessment/review_queue.html', {'scores': scores[:500], 'status': status,
                                                            'total': scores.count()})


# -- objections --------------------------------------------------------------------------------------------------

class ObjectionListView(ObjectListView):
    model = Objection
    columns = ('score', 'state', 'submitted_by', 'submitted_on', 'original_score', 'decided_score')
    search_fields = ('reason', 'score__entry__unit__name')
    filters = ('state',)

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('score__entry__unit', 'score__item')


OBJECTION_FORMS = {'accept': forms.AcceptObjectionForm, 'reject': forms.RejectObjectionForm}


@guarded
def objection_detail(request: Any, pk: int) -> Any:
    objection = _get(Objection, request.user, pk)
    actions = objection.workflow.available(objection) if _is_admin(request.user) else []
    return render(request, 'assessment/objection_detail.html', {
        'objection': objection, 'score': objection.score, 'actions': actions,
        'timeline': workflow.timeline(objection)})


@guarded
def objection_transition(request: Any, pk: int, name: str) -> Any:
    _admin_only(request, '处理申诉')
    objection = _get(Objection, request.user, pk, 'change')
    if name not in OBJECTION_FORMS:
        raise Http404('未知的操作')
    transition = objection.workflow.get(name)
    form = OBJECTION_FORMS[name](request.POST or None, obj=objection)
    if request.method == 'POST' and form.is_valid():
        try:
            workflow.apply(objection, name, on=form.cleaned_data['on'], note=form.cleaned_data.get('note') or '',
                           step_on=form.cleaned_data['on'], **form.transition_data())
        except workflow.TransitionRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f'已{transition.label}。')
            return redirect(objection.get_absolute_url())
    return render(request, 'assessment/transition.html', {'object': objection, 'transition': transition,
                                                          'form': form}, status=400 if form.errors else 200)


# -- demonstration rounds ----------------------------------------------------------------------------------------

class RoundListView(ObjectListView):
    model = ProjectRound
    columns = ('name', 'year', 'state', 'accept_until', 'published_on')
    search_fields = ('name',)
    filters = ('state', 'year')
    add_url_name = 'assessment:round_add'


class ApplicationListView(ObjectListView):
    model = ProjectApplication
    columns = ('title', 'unit', 'round', 'category', 'state', 'score', 'rank', 'selected')
    search_fields = ('title', 'unit__name')
    filters = ('round', 'category', 'selected')

    def get_queryset(self) -> Any:
        return super().get_queryset().select_related('unit', 'round')


@guarded
def round_add(request: Any) -> Any:
    _admin_only(request, '组织示范项目评审')
    form = forms.RoundForm(request.POST or None)
    if request.method == 'POST' and form.is_valid():
        data = form.cleaned_data
        round_ = core_services.create(ProjectRound(
            name=data['name'], year=data['year'], accept_until=data['accept_until'],
            quota_department=data['quota_department'], quota_street=data['quota_street'],
            trim_min_experts=data['trim_min_experts'], max_per_unit=data['max_per_unit'],
            dimension_max=dict(projects.DEFAULT_MAX)),
            message='新建示范项目评审')
        return redirect(round_.get_absolute_url())
    return render(request, 'assessment/form.html', {'form': form, 'title': '新建示范项目评审'},
                  status=400 if form.errors else 200)


@guarded
def round_detail(request: Any, pk: int) -> Any:
    round_ = _get(ProjectRound, request.user, pk)
    user = request.user
    admin = _is_admin(user)
    sees_scores = can(user, 'view', RoundExpert) and user.role in ('district_admin', 'leader')
    applications = ProjectApplication.objects.visible_to(user).filter(round=round_).select_related('unit')
    show_results = round_.state in (RoundState.DECIDED, RoundState.PUBLISHED) and (
        sees_scores or round_.state == RoundState.PUBLISHED)
    return render(request, 'assessment/round_detail.html', {
        'round': round_, 'applications': applications, 'is_admin': admin,
        'actions': round_.workflow.available(round_) if admin else [],
        'experts': round_.experts.select_related('user') if sees_scores else [],
        'matrix': projects.score_matrix(round_) if sees_scores else None,
        'groups': projects.grouped_results(round_) if show_results else [],
        'missing': projects.missing_scores(round_) if admin and round_.state == RoundState.REVIEWING else {},
        'can_apply': user.role == 'unit_officer' and round_.state == RoundState.ACCEPTING,
        'dimensions': DIMENSIONS, 'maxima': round_.maxima()})


@guarded
def round_transition(request: Any, pk: int, name: str) -> Any:
    _admin_only(request, '推进示范项目评审')
    round_ = _get(ProjectRound, request.user, pk, 'change')
    try:
        transition = round_.workflow.get(name)
    except workflow.TransitionRefused:
        raise Http404('未知的操作')
    form = forms.TransitionForm(request.POST or None, obj=round_)
    if request.method == 'POST' and form.is_valid():
        try:
            workflow.apply(round_, name, on=form.cleaned_data['on'], note=form.cleaned_data.get('note') or '',
                           step_on=form.cleaned_data['on'])
        except workflow.TransitionRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f'已{transition.label}。')
            return redirect(round_.get_absolute_url())
    return render(request, 'assessment/transition.html', {'object': round_, 'transition': transition,
                                                          'form': form}, status=400 if form.errors else 200)


@guarded
def round_apply(request: Any, pk: int) -> Any:
    round_ = _get(ProjectRound, request.user, pk)
    if not can(request.user, 'add', ProjectApplication):
        raise AccessDenied(deny_message(ProjectApplication, 'add'))
    form = forms.ApplicationForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == 'POST' and form.is_valid():
        data = form.cleaned_data
        try:
            application = projects.submit_application(
                round_, unit=data['unit'], title=data['title'], description=data['description'],
                measures=data['measures'], effects=data['effects'], evidence_note=data['evidence_note'],
                attachment=data.get('attachment'))
        except services.AssessmentError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, '已申报。')
            return redirect(application.get_absolute_url())
    return render(request, 'assessment/form.html', {'form': form, 'title': f'申报示范项目：{round_}',
                                                    'multipart': True}, status=400 if form.errors else 200)


@guarded
def round_expert_add(request: Any, pk: int) -> Any:
    _admin_only(request, '聘请评审专家')
    round_ = _get(ProjectRound, request.user, pk, 'change')
    form = forms.ExpertForm(request.POST or None)
    if request.method == 'POST' and form.is_valid():
        data = form.cleaned_data
        projects.add_expert(round_, name=data['name'], affiliation=data['affiliation'], title=data['title'],
                            user=data['username'])
        return redirect(round_.get_absolute_url())
    return render(request, 'assessment/form.html', {'form': form, 'title': f'聘请评审专家：{round_}'},
                  status=400 if form.errors else 200)


@guarded
def expert_declare(request: Any, pk: int) -> Any:
    expert = RoundExpert.objects.select_related('round', 'user').filter(pk=pk).first()
    if expert is None:
        raise Http404('记录不存在')
    if not (_is_admin(request.user) or expert.user_id == request.user.pk):
        raise AccessDenied('只能由专家本人或依法治区办管理员登记回避声明。')
    form = forms.DeclareForm(request.POST or None, initial={'conflict_unit_codes': ' '.join(expert.conflict_unit_codes)})
    if request.method == 'POST' and form.is_valid():
        try:
            projects.declare(expert, conflict_unit_codes=form.cleaned_data['conflict_unit_codes'],
                             text=form.cleaned_data['declaration'])
        except services.AssessmentError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(expert.round.get_absolute_url() if _is_admin(request.user) else
                            reverse('assessment:expert_queue'))
    return render(request, 'assessment/form.html', {'form': form, 'title': f'回避声明：{expert}'},
                  status=400 if form.errors else 200)


@guarded
def application_detail(request: Any, pk: int) -> Any:
    application = ProjectApplication.objects.select_related('round', 'unit').filter(pk=pk).first()
    if application is None:
        raise Http404('记录不存在')
    experts = [e for e in RoundExpert.objects.filter(user=request.user, round=application.round)]
    if not (can_on_object(request.user, 'view', application) or any(projects.eligible(e, application)
                                                                     for e in experts)):
        raise AccessDenied(deny_message(ProjectApplication, 'view'))
    sees_scores = request.user.role in ('district_admin', 'leader')
    return render(request, 'assessment/application_detail.html', {
        'application': application, 'dimensions': DIMENSIONS,
        'scores': application.expert_scores.select_related('expert') if sees_scores else [],
        'is_admin': _is_admin(request.user), 'my_experts': [e for e in experts if projects.eligible(e, application)],
        'round_experts': application.round.experts.all() if _is_admin(request.user) else []})


@guarded
def application_score(request: Any, pk: int, expert_pk: int) -> Any:
    application = ProjectApplication.objects.select_related('round', 'unit').filter(pk=pk).first()
    expert = RoundExpert.objects.select_related('round', 'user').filter(pk=expert_pk).first()
    if application is None or expert is None:
        raise Http404('记录不存在')
    if not (_is_admin(request.user) or expert.user_id == request.user.pk):
        raise AccessDenied('只有专家本人或依法治区办管理员（代录）可以录入评分。')
    existing = expert.scores.filter(application=application).first()
    initial = {key: getattr(existing, key) for key, _ in DIMENSIONS} if existing else {}
    if existing:
        initial['comment'] = existing.comment
    form = forms.ExpertScoreForm(request.POST or None, round_=expert.round, initial=initial)
    if request.method == 'POST' and form.is_valid():
        try:
            projects.record_score(expert, application, form.cleaned_data, form.cleaned_data.get('comment') or '')
        except services.AssessmentError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, '评分已保存。')
            return redirect(reverse('assessment:expert_queue') if not _is_admin(request.user)
                            else application.get_absolute_url())
    return render(request, 'assessment/expert_score.html', {'form': form, 'application': application,
                                                            'expert': expert}, status=400 if form.errors else 200)


@guarded
def expert_queue(request: Any) -> Any:
    rows = projects.queue_for(request.user)
    experts = RoundExpert.objects.filter(user=request.user).select_related('round')
    return render(request, 'assessment/expert_queue.html', {'rows': rows, 'experts': experts})


@guarded
def round_export(request: Any, pk: int) -> Any:
    round_ = _get(ProjectRound, request.user, pk)
    if request.user.role not in ('district_admin', 'leader') and round_.state != RoundState.PUBLISHED:
        raise AccessDenied('评审结果公布后方可导出。')
    response = HttpResponse(reports.round_xlsx(round_),
                            content_type='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    response['Content-Disposition'] = f"attachment; filename*=UTF-8''{escape_uri_path(round_.name)}.xlsx"
    return response


# -- public ------------------------------------------------------------------------------------------------------

def public_rounds(request: Any) -> Any:
    rounds = ProjectRound.objects.filter(state=RoundState.PUBLISHED)
    return render(request, 'assessment/public_rounds.html', {'rounds': rounds})


def public_round(request: Any, pk: int) -> Any:
    round_ = ProjectRound.objects.filter(state=RoundState.PUBLISHED, pk=pk).first()
    if round_ is None:
        raise Http404('未公布或不存在')
    selected = ProjectApplication.objects.filter(ProjectApplication.public_q, round=round_) \
        .select_related('unit').order_by('category', 'rank')
    total = projects.active_applications(round_).count()
    return render(request, 'assessment/public_round.html', {'round': round_, 'selected': selected, 'total': total,
                                                            'categories': dict(projects.ProjectCategory.choices)})

