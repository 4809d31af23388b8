"""Assessment services: load a system version, open a campaign, score automatically from the indicator engine,
self-assess, review, object, recompute totals and rankings, compare under another system version.

Every write goes through fazhi.core.services (audited). Checks that the generic unit scopes cannot express
(a reviewer's assignment, a reviewer never scoring their own unit) are made here, and a refusal is audited.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Iterable

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from fazhi.core import services
from fazhi.core.context import current_actor
from fazhi.core.permissions import AccessDenied, can_on_object

from . import scoring
from .choices import (AUTOMATIC_RULES, OPEN_CAMPAIGN_STATES, CampaignState, ObjectionState, RuleType, ScoreState,
                      SmallSampleRule, SystemState)
from .models import (Campaign, CampaignUnit, Deduction, Evidence, IndicatorSystem, ItemScore, Objection,
                     ReviewerAssignment, SystemItem)
from .systemfile import ItemSpec, SystemSpec, load_spec

EVIDENCE_SUFFIXES = {'.pdf', '.doc', '.docx', '.xls', '.xlsx', '.wps', '.ofd', '.jpg', '.jpeg', '.png', '.zip',
                     '.txt', '.csv'}
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
REVIEWER_ROLES = ('district_admin', 'legality_reviewer', 'case_officer')


class AssessmentError(ValueError):
    """A step the rules do not allow now, with the reason in Chinese."""


def refuse(obj: Any, message: str) -> AccessDenied:
    """An audited refusal (the attempt leaves a 'denied' entry naming the record)."""
    services.record_event(obj, f'拒绝：{message}', action='denied')
    return AccessDenied(message)


# -- indicator systems -------------------------------------------------------------------------------------------

def items_from_spec(spec: SystemSpec, system: IndicatorSystem | None = None) -> list[SystemItem]:
    """Unsaved SystemItem rows of a spec, parents linked (saved by `load_system`, or used for a what-if)."""
    out: list[SystemItem] = []

    def walk(nodes: list[ItemSpec], parent: SystemItem | None) -> None:
        for node in nodes:
            rule = node.rule or None
            row = SystemItem(system=system, parent=parent, code=node.code, name=node.name, level=node.level,
                             points=node.points, sort_order=len(out) + 1,
                             rule_type=(rule or {}).get('type', '') if node.is_leaf else '',
                             rule=rule if node.is_leaf else None,
                             indicator_code=(rule or {}).get('indicator', '') if node.is_leaf else '',
                             applies_to=list(node.applies_to), enforcement_only=node.enforcement_only,
                             note=node.note)
            out.append(row)
            walk(node.children, row)
    walk(spec.items, None)
    return out


def system_fields(spec: SystemSpec) -> dict[str, Any]:
    return dict(code=spec.code, name=spec.name, is_default=spec.is_default, description=spec.description,
                basis=spec.basis, total=spec.total, small_sample_rule=spec.small_sample,
                categories=[{'code': c.code, 'name': c.name, 'unit_kinds': list(c.unit_kinds), 'optional': c.optional}
                            for c in spec.categories],
                grades=[{'name': g.name, 'min': float(g.min)} for g in spec.grades])


def load_system(text: str, *, note: str = '') -> IndicatorSystem:
    """Validate and save a system as the next version of its code; raises SystemFileError, saving nothing."""
    spec = load_spec(text)
    with transaction.atomic():
        previous = IndicatorSystem.objects.filter(code=spec.code).order_by('-version').first()
        version = previous.version + 1 if previous else 1
        if previous is not None and previous.source_text.strip() == text.strip():
            raise AssessmentError(f'与现行第{previous.version}版内容相同，未生成新版本。')
        system = services.create(IndicatorSystem(version=version, source_text=text, change_note=note[:200],
                                                 **system_fields(spec)),
                                 message=f'导入考核指标体系 {spec.code} 第{version}版')
        rows = items_from_spec(spec, system)
        for row in rows:  # parents come first, so each child's parent is saved before it
            services.create(row, message=f'{spec.code} 第{version}版')
        for old in IndicatorSystem.objects.filter(code=spec.code, state=SystemState.ACTIVE).exclude(pk=system.pk):
            services.update(old, {'state': SystemState.SUPERSEDED}, message=f'被第{version}版替代')
    return system


def leaves(system: IndicatorSystem) -> list[SystemItem]:
    return [i for i in system.items.all() if i.rule_type]


def first_level_of(item: SystemItem, by_id: dict[int, SystemItem]) -> SystemItem:
    while item.parent_id:
        item = by_id[item.parent_id]
    return item


# -- campaigns ---------------------------------------------------------------------------------------------------

def category_of(system: IndicatorSystem, unit: Any) -> str | None:
    return next((c['code'] for c in system.categories if unit.kind in c['unit_kinds']), None)


def create_campaign(*, name: str, period: str, system: IndicatorSystem, categories: Iterable[str] | None = None,
                    previous: Campaign | None = None, **dates: Any) -> Campaign:
    chosen = list(categories) if categories is not None else \
        [c['code'] for c in system.categories if not c.get('optional')]
    unknown = set(chosen) - {c['code'] for c in system.categories}
    if unknown:
        raise AssessmentError(f'指标体系中没有考核类别：{"、".join(sorted(unknown))}')
    return services.create(Campaign(name=name, period=period, system=system, categories=chosen, previous=previous,
                                    **dates), message='新建考核活动')


def prepare_entries(campaign: Campaign) -> None:
    """Create the participating units and one score row per leaf item, then score the automatic items."""
    from fazhi.organization.models import Unit
    system = campaign.system
    items = leaves(system)
    kinds = {k: c['code'] for c in system.categories if c['code'] in campaign.categories for k in c['unit_kinds']}
    units = list(Unit.objects.filter(kind__in=list(kinds), is_active=True).order_by('sort_order', 'path'))
    existing = set(campaign.entries.values_list('unit_id', flat=True))
    entries = services.bulk_create([CampaignUnit(campaign=campaign, unit=u, category=kinds[u.kind]) for u in units
                                    if u.pk not in existing], message='参评单位')
    rows = []
    for entry in entries:
        for item in items:
            applicable = item.applies(entry.category, entry.unit)
            rows.append(ItemScore(
                entry=entry, item=item, method=item.rule_type, applicable=applicable,
                state=ScoreState.NOT_APPLICABLE if not applicable else
                ScoreState.PENDING if item.rule_type == RuleType.MANUAL else ScoreState.SCORED,
                explanation='' if applicable else _not_applicable_text(item)))
    automatic = [r for r in rows if r.applicable and r.method in AUTOMATIC_RULES]
    results = _outcomes(campaign, automatic)  # scored before they are written: one audited insert
    for row in results:
        for key, value in _outcome_fields(row).items():
            setattr(row.score, key, value)
    with transaction.atomic():
        saved = services.bulk_create(rows, message='生成评分表并自动评分')
        by_key = {(s.entry_id, s.item_id): s for s in saved}
        lines = []
        for row in results:
            score = by_key[(row.score.entry_id, row.score.item_id)]
            lines.extend(_deduction_rows(score, row.outcome.deductions))
        services.bulk_create(lines, message='扣分明细')
        services.update(campaign, {'scored_at': timezone.now()}, message=f'自动评分 {len(results)} 项')
        recompute(campaign)


def _not_applicable_text(item: SystemItem) -> str:
    if item.enforcement_only:
        return '本项仅适用于行政执法主体，本单位不适用，总分按其余适用项折算。'
    return '本项不适用于本单位所在的考核类别，总分按其余适用项折算。'


@dataclass
class Scored:
    score: ItemScore
    outcome: scoring.Outcome
    figure: scoring.Figure | None


def _outcomes(campaign: Campaign, scores: list[ItemScore], progress: Callable[[str], None] | None = None) \
        -> list[Scored]:
    """Outcomes of automatic items (saved or not yet saved) from the engine's figures and drill-downs."""
    from fazhi.indicators import service
    from fazhi.indicators.definitions import get
    period = campaign.period_obj
    system = campaign.system
    codes = sorted({s.item.rule['indicator'] for s in scores if scoring.indicator_of(s.item)})
    units = sorted({s.entry.unit.code for s in scores})
    records: dict[int, dict[str, list[Any]] | str] = {}
    with service.store() as con:
        if progress:
            progress('刷新指标数据')
        service.refresh(con, [get(c) for c in codes])
        frames = {c: service.figures(con, c, units, period.grain, period.label) for c in codes}
        deduction_items = {s.item.pk: s.item for s in scores if s.item.rule_type == RuleType.DEDUCTION
                           and scoring.indicator_of(s.item)}
        assessed = sorted({s.entry.unit for s in scores}, key=lambda u: u.path)
        for item in deduction_items.values():
            if progress:
                progress(f'扣分明细 {item.code} {item.name}')
            try:
                records[item.pk] = scoring.deduction_records(con, item, assessed, period)
            except ValueError as exc:
                records[item.pk] = str(exc)
    results: list[Scored] = []
    for score in scores:
        item = score.item
        indicator = scoring.indicator_of(item)
        figure = scoring.Figure.from_row(service.value_of(frames[indicator.code], indicator.code,
                                                          score.entry.unit.code, period.label), indicator) \
            if indicator else None
        found = records.get(item.pk)
        if isinstance(found, str):
            results.append(Scored(score, scoring.Outcome(None, found, applicable=False), figure))
            continue
        outcome = scoring.evaluate(item, figure or scoring.Figure(None, None, None, True),
                                   system_rule=system.small_sample_rule,
                                   records=found.get(score.entry.unit.code, []) if found is not None else None)
        results.append(Scored(score, outcome, figure))
    _fill_category_means(results)
    return results


def score_automatic(campaign: Campaign, progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """(Re)score every automatic item of the campaign from the indicator engine; returns counts. Items whose score
    was set by an accepted objection keep it."""
    campaign.refresh_from_db(fields=['state'])
    if campaign.state in (CampaignState.FINALIZED, CampaignState.PUBLISHED):
        raise AssessmentError('考核已定分，不能重新计分。')
    scores = list(ItemScore.objects.filter(entry__campaign=campaign, item__rule_type__in=list(AUTOMATIC_RULES),
                                           locked=False)
                  .select_related('item', 'entry__unit', 'entry__campaign'))
    scores = [s for s in scores if s.item.applies(s.entry.category, s.entry.unit)]
    results = _outcomes(campaign, scores, progress)
    changed = 0
    with transaction.atomic():
        for row in results:
            changed += _save_outcome(row)
        services.update(campaign, {'scored_at': timezone.now()}, message=f'自动评分 {len(results)} 项')
        recompute(campaign)
    return {'scored': len(results), 'changed': changed}


def _fill_category_means(results: list[Scored]) -> None:
    """Items scored by the category mean: the mean score rate of same-category units with enough cases."""
    rates: dict[tuple[str, int], list[Decimal]] = defaultdict(list)
    for row in results:
        o = row.outcome
        if o.score is not None and o.applicable and not o.small_sample:
            rates[(row.score.entry.category, row.score.item_id)].append(o.score / row.score.item.points)
    for row in results:
        o = row.outcome
        if not o.deferred_mean:
            continue
        found = rates.get((row.score.entry.category, row.score.item_id))
        if found:
            mean = sum(found, Decimal(0)) / len(found)
            o.score = scoring.q(row.score.item.points * mean)
            o.explanation = (f'{o.explanation[:-1]}：同类 {len(found)} 个单位平均得分率 '
                             f'{scoring.fmt(mean * 100)}%，得 {scoring.fmt(o.score)} 分。')
        else:
            o.applicable = False
            o.explanation = f'{o.explanation[:-1]}；同类单位均样本不足，本项不计分，总分按其余适用项折算。'
        o.deferred_mean = False


def _outcome_fields(row: Scored) -> dict[str, Any]:
    o, figure = row.outcome, row.figure
    return {
        'score': o.score, 'applicable': o.applicable, 'explanation': o.explanation,
        'fairness_note': o.fairness_note[:200], 'small_sample': o.small_sample,
        'state': ScoreState.SCORED if o.applicable else ScoreState.NOT_APPLICABLE,
        'value': figure.value if figure else None, 'numerator': figure.numerator if figure else None,
        'denominator': figure.denominator if figure else None, 'indicator_version': figure.version if figure else None,
    }


def _save_outcome(row: Scored) -> int:
    score = row.score
    changes = _outcome_fields(row)
    differs = any(_differs(getattr(score, k), v) for k, v in changes.items())
    if differs:
        services.update(score, changes, message='自动评分')
    if score.method == RuleType.DEDUCTION:
        _replace_deductions(score, row.outcome.deductions)
    return int(differs)


def _deduction_rows(score: ItemScore, lines: list[scoring.DeductionLine]) -> list[Deduction]:
    indicator = score.item.rule['indicator']
    return [Deduction(score=score, points=l.points, reason=l.reason, indicator_code=indicator, part=l.part,
                      source=l.source, record_key=l.key[:120], record=l.record, sort_order=i)
            for i, l in enumerate(lines, 1)]


def _differs(old: Any, new: Any) -> bool:
    if old is None or new is None:
        return (old is None) != (new is None)
    if isinstance(old, Decimal) or isinstance(new, Decimal):
        return Decimal(str(old)) != Decimal(str(new))
    return old != new


def _replace_deductions(score: ItemScore, lines: list[scoring.DeductionLine]) -> None:
    old = list(score.deductions.all())
    same = [(d.points, d.reason, d.record_key) for d in old] == [(l.points, l.reason, l.key) for l in lines]
    if same:
        return
    for d in old:
        services.delete(d, message='重新计分')
    services.bulk_create(_deduction_rows(score, lines), message='扣分明细')


def recompute(campaign: Campaign) -> None:
    """Totals (re-based on the applicable points), area scores, ranks per category, grades, change vs last time."""
    system = campaign.system
    items = {i.pk: i for i in system.items.all()}
    entries = list(campaign.entries.select_related('unit'))
    by_entry: dict[int, list[ItemScore]] = defaultdict(list)
    for s in ItemScore.objects.filter(entry__campaign=campaign):
        by_entry[s.entry_id].append(s)
    previous = {}
    if campaign.previous_id:
        previous = {e.unit_id: e for e in CampaignUnit.objects.filter(campaign_id=campaign.previous_id)}
    computed: dict[int, dict[str, Any]] = {}
    for entry in entries:
        raw, applicable_points, pending = Decimal(0), Decimal(0), 0
        areas: dict[str, dict[str, Any]] = {}
        for s in by_entry[entry.pk]:
            item = items[s.item_id]
            top = first_level_of(item, items)
            area = areas.setdefault(top.code, {'name': top.name, 'points': float(top.points), 'applicable': 0.0,
                                               'score': 0.0})
            if not s.applicable:
                continue
            applicable_points += item.points
            area['applicable'] = float(Decimal(str(area['applicable'])) + item.points)
            if s.score is None:
                pending += 1
                continue
            raw += s.score
            area['score'] = float(Decimal(str(area['score'])) + s.score)
        for area in areas.values():
            area['rate'] = round(area['score'] / area['applicable'] * 100, 2) if area['applicable'] else None
            area['rebased'] = round(area['score'] / area['applicable'] * area['points'], 2) \
                if area['applicable'] else None
        total = scoring.q(raw / applicable_points * system.total) if applicable_points else None
        before = previous.get(entry.unit_id)
        computed[entry.pk] = {
            'raw_score': scoring.q(raw), 'applicable_points': scoring.q(applicable_points), 'total': total,
            'area_scores': dict(sorted(areas.items(), key=lambda kv: _code_key(kv[0]))), 'grade':
            system.grade_for(total), 'complete': pending == 0, 'pending_items': pending,
            'previous_total': before.total if before else None, 'previous_rank': before.rank if before else None}
    by_category: dict[str, list[CampaignUnit]] = defaultdict(list)
    for entry in entries:
        by_category[entry.category].append(entry)
    for group in by_category.values():
        ordered = sorted(group, key=lambda e: (computed[e.pk]['total'] is None, -(computed[e.pk]['total'] or 0)))
        rank, last = 0, object()
        for position, entry in enumerate(ordered, 1):
            total = computed[entry.pk]['total']
            if total != last:
                rank, last = position, total
            computed[entry.pk].update(rank=rank if total is not None else None, category_size=len(group))
    for entry in entries:
        changes = computed[entry.pk]
        if any(_differs(getattr(entry, k), v) for k, v in changes.items()):
            services.update(entry, changes, message='汇总得分与排名', enforce=False)


def _code_key(code: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in code.replace('-', '.').split('.'))


def unreviewed(campaign: Campaign) -> QuerySet:
    return ItemScore.objects.filter(entry__campaign=campaign, applicable=True, method=RuleType.MANUAL,
                                    score__isnull=True)


def finalize_scores(campaign: Campaign) -> None:
    """Final scores are the scores standing when the campaign is finalized (its state says so); totals once more."""
    recompute(campaign)


# -- self-assessment, evidence, review ---------------------------------------------------------------------------

def _require_state(campaign: Campaign, states: Iterable[str], what: str) -> None:
    fresh = Campaign.objects.filter(pk=campaign.pk).values('state', 'objection_closes_on').first() or {}
    campaign.state = fresh.get('state', campaign.state)
    campaign.objection_closes_on = fresh.get('objection_closes_on', campaign.objection_closes_on)
    if campaign.state not in states:
        allowed = '、'.join(CampaignState(s).label for s in states)
        raise AssessmentError(f'考核当前为“{campaign.get_state_display()}”阶段，不能{what}（只在“{allowed}”阶段可以）。')


def self_assess(score: ItemScore, *, self_score: Decimal, note: str, on: dt.date | None = None) -> ItemScore:
    actor = current_actor()
    if actor and not actor.is_system and not can_on_object(actor.user, 'change', score):
        raise refuse(score, '您只能为本单位提交自评。')
    _require_state(score.campaign, [CampaignState.SELF_ASSESSMENT], '提交自评')
    if score.method != RuleType.MANUAL or not score.applicable:
        raise AssessmentError('只有适用的人工评分项需要自评；自动评分项如有异议请提出申诉。')
    if score.state not in (ScoreState.PENDING, ScoreState.SELF_ASSESSED):
        raise AssessmentError('该项已评分，不能再修改自评。')
    if self_score < 0 or self_score > score.item.points:
        raise AssessmentError(f'自评分应在 0 至该项分值 {scoring.fmt(score.item.points)} 之间。')
    if (score.item.rule or {}).get('evidence_required', True) and not score.evidence.exists():
        raise AssessmentError('该项须上传佐证材料后才能提交自评。')
    return services.update(score, {'self_score': self_score, 'self_note': note, 'state': ScoreState.SELF_ASSESSED,
                                   'self_submitted_on': on or dt.date.today()}, message='单位自评')


def add_evidence(score: ItemScore, upload: Any, title: str = '') -> Evidence:
    import os
    actor = current_actor()
    if actor and not actor.is_system and not can_on_object(actor.user, 'change', score):
        raise refuse(score, '您只能为本单位上传佐证材料。')
    _require_state(score.campaign, [CampaignState.SELF_ASSESSMENT, CampaignState.REVIEW], '上传佐证材料')
    name = os.path.basename(upload.name or 'file')
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in EVIDENCE_SUFFIXES:
        raise AssessmentError(f'不支持的文件类型“{suffix or "无扩展名"}”（可上传：{"、".join(sorted(EVIDENCE_SUFFIXES))}）。')
    if upload.size > EVIDENCE_MAX_BYTES:
        raise AssessmentError(f'文件“{name}”超过 20 MB。')
    if upload.size == 0:
        raise AssessmentError(f'文件“{name}”是空文件。')
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    evidence = Evidence(score=score, title=(title or name)[:200], original_name=name[:200], size=upload.size,
                        sha256=digest.hexdigest(), uploaded_by=actor.name if actor else 'system')
    evidence.file.save(name, upload, save=False)
    return services.create(evidence, message='上传佐证材料')


def assignments_of(user: Any, campaign: Campaign | None = None) -> QuerySet:
    qs = ReviewerAssignment.objects.filter(reviewer=user)
    return qs.filter(campaign=campaign) if campaign is not None else qs


def assigned_scores(user: Any, campaign: Campaign | None = None) -> QuerySet:
    """The manual items a reviewer is assigned (never their own unit's), over open campaigns by default."""
    conds = Q(pk__in=[])
    items_by_area: dict[int, list[int]] = {}
    for a in assignments_of(user, campaign).select_related('campaign'):
        cond = Q(entry__campaign=a.campaign)
        if a.area_id:
            if a.area_id not in items_by_area:
                items_by_area[a.area_id] = _descendant_leaves(a.area)
            cond &= Q(item_id__in=items_by_area[a.area_id])
        if a.category:
            cond &= Q(entry__category=a.category)
        conds |= cond
    qs = ItemScore.objects.filter(conds, method=RuleType.MANUAL, applicable=True)
    if getattr(user, 'unit_id', None):
        qs = qs.exclude(entry__unit__path__startswith=user.unit.path)
    return qs.select_related('entry__unit', 'entry__campaign', 'item')


def _descendant_leaves(area: SystemItem) -> list[int]:
    items = list(SystemItem.objects.filter(system_id=area.system_id).values('pk', 'parent_id', 'rule_type'))
    children: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
    for i in items:
        children[i['parent_id']].append(i)
    out, stack = [], [area.pk]
    while stack:
        pk = stack.pop()
        for child in children[pk]:
            (out.append(child['pk']) if child['rule_type'] else stack.append(child['pk']))
    return out or [area.pk]


def may_review(user: Any, score: ItemScore) -> bool:
    """The district administrator may score any unit; a reviewer only what is assigned (never their own unit)."""
    role = getattr(user, 'role', None)
    if role == 'district_admin':
        return True
    if role not in REVIEWER_ROLES or score.method != RuleType.MANUAL or not score.applicable:
        return False
    unit = getattr(user, 'unit', None)
    if unit is not None and score.entry.unit.path.startswith(unit.path):
        return False
    ancestors, item = set(), score.item
    while item is not None:
        ancestors.add(item.pk)
        item = item.parent
    for a in assignments_of(user, score.entry.campaign):
        if a.category and a.category != score.entry.category:
            continue
        if a.area_id and a.area_id not in ancestors:
            continue
        return True
    return False


def review(score: ItemScore, *, value: Decimal, comment: str, on: dt.date | None = None,
           totals: bool = True) -> ItemScore:
    """A reviewer's score of a manual item; `totals=False` leaves the recomputation of totals to the caller
    (bulk entry, e.g. the demo), which must then call `recompute`."""
    actor = current_actor()
    user = actor.user if actor else None
    _require_state(score.campaign, [CampaignState.REVIEW], '评分')
    if score.method != RuleType.MANUAL or not score.applicable:
        raise AssessmentError('自动评分项不需要人工评分。')
    if value < 0 or value > score.item.points:
        raise AssessmentError(f'得分应在 0 至该项分值 {scoring.fmt(score.item.points)} 之间。')
    if not str(comment or '').strip():
        raise AssessmentError('请填写评分意见（说明依据哪些材料、为何给出该分）。')
    if actor and not actor.is_system:
        own = getattr(user, 'unit', None)
        if own is not None and score.entry.unit.path.startswith(own.path) and user.role != 'district_admin':
            raise refuse(score, '评分人不能为本单位评分（回避）。')
        if user.role not in REVIEWER_ROLES or not may_review(user, score):
            raise refuse(score, '您未被分配该项的评分任务。')
    with transaction.atomic():
        score = services.update(score, {'score': scoring.q(value), 'review_comment': comment, 'reviewer': user,
                                        'reviewed_on': on or dt.date.today(), 'state': ScoreState.REVIEWED,
                                        'explanation': f'评分意见：{comment}'}, message='人工评分', enforce=False)
        if totals:
            recompute(score.entry.campaign)
    return score


# -- objections --------------------------------------------------------------------------------------------------

def objection_open(score: ItemScore, on: dt.date | None = None) -> str | None:
    """None when the unit may object to this score now; otherwise why not."""
    campaign = score.campaign
    campaign.refresh_from_db(fields=['state', 'objection_closes_on'])
    on = on or dt.date.today()
    if campaign.state not in OPEN_CAMPAIGN_STATES:
        return f'考核当前为“{campaign.get_state_display()}”，不受理申诉'
    if campaign.objection_closes_on and on > campaign.objection_closes_on:
        return f'申诉期已于 {campaign.objection_closes_on:%Y-%m-%d} 截止'
    if score.score is None and score.applicable:
        return '该项尚未评分'
    if score.objections.filter(state=ObjectionState.SUBMITTED).exists():
        return '该项已有待处理的申诉'
    return None


def submit_objection(score: ItemScore, *, reason: str, requested: Decimal | None = None,
                     on: dt.date | None = None) -> Objection:
    actor = current_actor()
    on = on or dt.date.today()
    why = objection_open(score, on)
    if why:
        raise AssessmentError(f'不能申诉：{why}。')
    if not str(reason or '').strip():
        raise AssessmentError('请写明申诉理由（如哪条扣分记录有误、依据是什么）。')
    if requested is not None and (requested < 0 or requested > score.item.points):
        raise AssessmentError(f'申请调整的分数应在 0 至该项分值 {scoring.fmt(score.item.points)} 之间。')
    return services.create(Objection(score=score, reason=reason, requested_score=requested, submitted_on=on,
                                     original_score=score.score,
                                     submitted_by=actor.name if actor else 'system'), message='提出申诉')


def apply_objection(objection: Objection, decided: Decimal) -> None:
    """Accepting an objection: the item keeps the decided score through later automatic re-scoring."""
    actor = current_actor()
    score = objection.score
    objection.original_score = score.score
    objection.decided_score = scoring.q(decided)
    objection.decided_by = actor.name if actor else 'system'
    note = f'经申诉调整：{scoring.fmt(score.score)} → {scoring.fmt(decided)} 分（{objection.response}）'
    services.update(score, {'score': scoring.q(decided), 'locked': True, 'applicable': True,
                            'explanation': f'{score.explanation}\n{note}'.strip(),
                            'state': ScoreState.REVIEWED if score.method == RuleType.MANUAL else ScoreState.SCORED},
                    message='申诉成立，调整得分', enforce=False)
    recompute(score.entry.campaign)


# -- results -----------------------------------------------------------------------------------------------------

def ranking(campaign: Campaign, category: str | None = None) -> list[CampaignUnit]:
    qs = campaign.entries.select_related('unit')
    if category:
        qs = qs.filter(category=category)
    return sorted(qs, key=lambda e: (e.rank is None, e.rank or 0, e.unit.sort_order))


def grouped_ranking(campaign: Campaign) -> list[dict[str, Any]]:
    """Per category: its name, the number of units (the sample) and the ranked entries."""
    groups = []
    for cat in campaign.system.categories:
        if cat['code'] not in campaign.categories:
            continue
        rows = ranking(campaign, cat['code'])
        scored = [r.total for r in rows if r.total is not None]
        groups.append({'code': cat['code'], 'name': cat['name'], 'entries': rows, 'size': len(rows),
                       'mean': scoring.q(sum(scored, Decimal(0)) / len(scored)) if scored else None,
                       'complete': all(r.complete for r in rows)})
    return groups


@dataclass
class WhatIf:
    entry: CampaignUnit
    total: Decimal | None
    rank: int | None
    notes: list[str]

    @property
    def delta(self) -> Decimal | None:
        if self.total is None or self.entry.total is None:
            return None
        return self.total - self.entry.total

    @property
    def rank_move(self) -> int | None:
        if self.rank is None or self.entry.rank is None:
            return None
        return self.entry.rank - self.rank


def simulate(campaign: Campaign, *, spec: SystemSpec | None = None, system: IndicatorSystem | None = None) \
        -> list[WhatIf]:
    """How this campaign's totals and ranks would come out under another system version (or the same system with
    today's indicator definitions and data). Manual scores carry over by item code, scaled to the new points;
    nothing is saved."""
    from fazhi.indicators import service
    if spec is not None:
        fields = system_fields(spec)
        target = IndicatorSystem(**fields)
        items = items_from_spec(spec, target)
    else:
        target = system or campaign.system
        items = list(target.items.all())
    leaves_ = [i for i in items if i.rule_type]
    entries = list(campaign.entries.select_related('unit'))
    old_scores: dict[tuple[int, str], ItemScore] = {
        (s.entry_id, s.item.code): s for s in ItemScore.objects.filter(entry__campaign=campaign).select_related('item')}
    period = campaign.period_obj
    codes = sorted({i.rule['indicator'] for i in leaves_ if scoring.indicator_of(i)})
    with service.store() as con:
        from fazhi.indicators.definitions import get
        service.refresh(con, [get(c) for c in codes])
        frames = {c: service.figures(con, c, [e.unit.code for e in entries], period.grain, period.label)
                  for c in codes}
    outcomes: dict[tuple[int, str], scoring.Outcome] = {}
    notes: dict[int, list[str]] = defaultdict(list)
    for entry in entries:
        for item in leaves_:
            key = (entry.pk, item.code)
            if not item.applies(entry.category, entry.unit):
                outcomes[key] = scoring.Outcome(None, '', applicable=False)
                continue
            if item.rule_type == RuleType.MANUAL:
                old = old_scores.get(key)
                if old is not None and old.score is not None and old.item.points:
                    outcomes[key] = scoring.Outcome(scoring.q(old.score / old.item.points * item.points), '沿用')
                else:
                    outcomes[key] = scoring.Outcome(None, '', applicable=False)
                    notes[entry.pk].append(f'{item.code} 无对应的人工评分，不计分')
                continue
            indicator = scoring.indicator_of(item)
            figure = scoring.Figure.from_row(service.value_of(frames[indicator.code], indicator.code, entry.unit.code,
                                                              period.label), indicator) if indicator else \
                scoring.Figure(None, None, None, True)
            outcomes[key] = scoring.evaluate(item, figure, system_rule=target.small_sample_rule)
    rows = [Scored(ItemScore(entry=e, item=i), outcomes[(e.pk, i.code)], None) for e in entries for i in leaves_]
    _fill_category_means(rows)
    totals: dict[int, Decimal | None] = {}
    for entry in entries:
        raw, points = Decimal(0), Decimal(0)
        for item in leaves_:
            o = outcomes[(entry.pk, item.code)]
            if o.applicable:
                points += item.points
                raw += o.score or 0
        totals[entry.pk] = scoring.q(raw / points * target.total) if points else None
    ranks: dict[int, int | None] = {}
    by_category: dict[str, list[CampaignUnit]] = defaultdict(list)
    for e in entries:
        by_category[e.category].append(e)
    for group in by_category.values():
        ordered = sorted(group, key=lambda e: (totals[e.pk] is None, -(totals[e.pk] or 0)))
        rank, last = 0, object()
        for position, e in enumerate(ordered, 1):
            if totals[e.pk] != last:
                rank, last = position, totals[e.pk]
            ranks[e.pk] = rank if totals[e.pk] is not None else None
    return sorted((WhatIf(e, totals[e.pk], ranks[e.pk], notes[e.pk]) for e in entries),
                  key=lambda w: (w.entry.category, w.rank or 9999))


def progress_of(campaign: Campaign) -> dict[str, int]:
    qs = ItemScore.objects.filter(entry__campaign=campaign, applicable=True)
    manual = qs.filter(method=RuleType.MANUAL)
    return {'units': campaign.entries.count(), 'automatic': qs.exclude(method=RuleType.MANUAL).count(),
            'manual': manual.count(), 'self_assessed': manual.exclude(state=ScoreState.PENDING).count(),
            'reviewed': manual.filter(score__isnull=False).count(),
            'objections': Objection.objects.filter(score__entry__campaign=campaign).count(),
            'open_objections': Objection.objects.filter(score__entry__campaign=campaign,
                                                        state=ObjectionState.SUBMITTED).count(),
            'deductions': Deduction.objects.filter(score__entry__campaign=campaign, points__gt=0).count()}


def small_sample_label(code: str) -> str:
    return SmallSampleRule(code).label
