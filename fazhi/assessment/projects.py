"""Demonstration projects (示范项目评审): applications, experts with conflict-of-interest declarations, scores on
five dimensions, aggregation (a trimmed mean when there are enough experts, stated in the result), ranking per
category, selection by quota and the published list.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from fazhi.core import services
from fazhi.core.context import current_actor

from . import scoring
from .choices import DIMENSIONS, ApplicationState, ProjectCategory, RoundState
from .models import ExpertScore, ProjectApplication, ProjectRound, RoundExpert
from .services import AssessmentError, refuse

DEFAULT_MAX = {key: 20 for key, _ in DIMENSIONS}


def category_for(unit: Any) -> str:
    if unit.kind == 'street':
        return ProjectCategory.STREET
    if unit.kind in ('department', 'vertical'):
        return ProjectCategory.DEPARTMENT
    raise AssessmentError(f'“{unit}”是{unit.get_kind_display()}，请以所属部门或街道（乡镇）的名义申报。')


def submit_application(round_: ProjectRound, *, unit: Any, title: str, description: str, measures: str,
                       effects: str, evidence_note: str = '', attachment: Any = None,
                       on: dt.date | None = None) -> ProjectApplication:
    round_.refresh_from_db(fields=['state'])
    if round_.state != RoundState.ACCEPTING:
        raise AssessmentError(f'“{round_}”当前为“{round_.get_state_display()}”，不接受申报。')
    on = on or dt.date.today()
    if round_.accept_until and on > round_.accept_until:
        raise AssessmentError(f'申报已于 {round_.accept_until:%Y-%m-%d} 截止。')
    if round_.applications.filter(unit=unit, state=ApplicationState.SUBMITTED).count() >= round_.max_per_unit:
        raise AssessmentError(f'{unit}已申报 {round_.max_per_unit} 个项目，达到每个单位的限报数（可先撤回再重新申报）。')
    application = ProjectApplication(round=round_, unit=unit, category=category_for(unit), title=title,
                                     description=description, measures=measures, effects=effects,
                                     evidence_note=evidence_note, submitted_on=on)
    if attachment is not None:
        application.attachment.save(attachment.name, attachment, save=False)
    return services.create(application, message='申报示范项目')


def withdraw(application: ProjectApplication) -> ProjectApplication:
    if application.round.state != RoundState.ACCEPTING:
        raise AssessmentError('申报截止后不能撤回。')
    return services.update(application, {'state': ApplicationState.WITHDRAWN}, message='撤回申报')


def add_expert(round_: ProjectRound, *, name: str, affiliation: str, title: str = '', user: Any = None,
               conflict_unit_codes: list[str] | None = None) -> RoundExpert:
    return services.create(RoundExpert(round=round_, name=name, affiliation=affiliation, title=title, user=user,
                                       conflict_unit_codes=list(conflict_unit_codes or [])), message='聘请评审专家')


def declare(expert: RoundExpert, *, conflict_unit_codes: list[str], text: str, on: dt.date | None = None) \
        -> RoundExpert:
    from fazhi.organization.models import Unit
    unknown = set(conflict_unit_codes) - set(Unit.objects.filter(code__in=conflict_unit_codes)
                                            .values_list('code', flat=True))
    if unknown:
        raise AssessmentError(f'未知的单位编码：{"、".join(sorted(unknown))}')
    actor = current_actor()
    if actor and not actor.is_system and actor.user != expert.user and actor.role != 'district_admin':
        raise refuse(expert, '只能由专家本人或依法治区办管理员登记回避声明。')
    return services.update(expert, {'conflict_unit_codes': sorted(set(conflict_unit_codes)),
                                    'declaration': text or '本人与所回避单位之外的申报项目无利害关系。',
                                    'declared_on': on or dt.date.today()}, message='签署回避声明', enforce=False)


def active_applications(round_: ProjectRound) -> QuerySet:
    return round_.applications.filter(state=ApplicationState.SUBMITTED).select_related('unit')


def eligible(expert: RoundExpert, application: ProjectApplication) -> bool:
    return not expert.conflicts_with(application.unit)


def queue_for(user: Any) -> list[tuple[RoundExpert, ProjectApplication, ExpertScore | None]]:
    """What an expert with an account may score now: non-conflicted applications of rounds under review."""
    out = []
    for expert in RoundExpert.objects.filter(user=user, round__state=RoundState.REVIEWING).select_related('round'):
        done = {s.application_id: s for s in expert.scores.all()}
        for application in active_applications(expert.round):
            if eligible(expert, application):
                out.append((expert, application, done.get(application.pk)))
    return out


def record_score(expert: RoundExpert, application: ProjectApplication, values: dict[str, Any], comment: str = '') \
        -> ExpertScore:
    """Record (or correct) an expert's scores; by the expert or, from a paper sheet, by the administrator."""
    actor = current_actor()
    round_ = expert.round
    if application.round_id != round_.pk:
        raise AssessmentError('该项目不属于此次评审。')
    round_.refresh_from_db(fields=['state'])
    if round_.state != RoundState.REVIEWING:
        raise AssessmentError(f'“{round_}”当前为“{round_.get_state_display()}”，不能评分。')
    if actor and not actor.is_system and actor.user != expert.user and actor.role != 'district_admin':
        raise refuse(application, '只有专家本人或依法治区办管理员（代录纸质评分表）可以录入评分。')
    if not expert.declared_on:
        raise AssessmentError(f'专家{expert.name}尚未签署回避声明，不能评分。')
    if not eligible(expert, application):
        raise refuse(application, f'专家{expert.name}须回避{application.unit}的项目（本单位或已声明回避的单位）。')
    maxima = round_.maxima()
    clean: dict[str, Decimal] = {}
    for key, label in DIMENSIONS:
        raw = values.get(key)
        try:
            value = Decimal(str(raw))
        except Exception:
            raise AssessmentError(f'请填写“{label}”的得分。')
        if value < 0 or value > maxima[key]:
            raise AssessmentError(f'“{label}”的得分应在 0 至 {scoring.fmt(maxima[key])} 之间，现为 {raw}。')
        clean[key] = scoring.q(value)
    entered_by = actor.name if actor else 'system'
    existing = ExpertScore.objects.filter(application=application, expert=expert).first()
    proxy = '（代录）' if actor and actor.user is not None and actor.user != expert.user else ''
    if existing:
        return services.update(existing, {**clean, 'comment': comment, 'entered_by': entered_by},
                               message=f'修改专家评分{proxy}', enforce=False)
    return services.create(ExpertScore(application=application, expert=expert, comment=comment,
                                       entered_by=entered_by, **clean), message=f'专家评分{proxy}', enforce=False)


def missing_scores(round_: ProjectRound) -> dict[str, int]:
    missing: dict[str, int] = {}
    applications = list(active_applications(round_))
    for expert in round_.experts.all():
        done = set(expert.scores.values_list('application_id', flat=True))
        count = sum(1 for a in applications if eligible(expert, a) and a.pk not in done)
        if count:
            missing[expert.name] = count
    return missing


def method_for(round_: ProjectRound, totals: list[Decimal], excused: int) -> tuple[Decimal | None, str]:
    n = len(totals)
    if n == 0:
        return None, '无有效评分'
    cut = round_.trim_each
    if n >= round_.trim_min_experts and n - 2 * cut >= 1:
        kept = sorted(totals)[cut:n - cut]
        note = f'{n}位专家评分，去掉{cut}个最高分和{cut}个最低分后取平均'
    else:
        kept = totals
        note = f'{n}位专家评分（不足{round_.trim_min_experts}位，不去掉最高最低分），取平均'
    if excused:
        note += f'；{excused}位专家因回避未评此项目'
    return scoring.q(sum(kept, Decimal(0)) / len(kept)), note


def aggregate(round_: ProjectRound) -> None:
    """Scores, ranks per category and selection by quota; ties at the quota line are all selected (stated)."""
    experts = list(round_.experts.all())
    by_app: dict[int, list[ExpertScore]] = defaultdict(list)
    for s in ExpertScore.objects.filter(application__round=round_):
        by_app[s.application_id].append(s)
    applications = list(active_applications(round_))
    results: dict[int, dict[str, Any]] = {}
    for application in applications:
        rows = by_app[application.pk]
        excused = sum(1 for e in experts if not eligible(e, application))
        score, note = method_for(round_, [r.total for r in rows], excused)
        means = {key: float(scoring.q(sum((getattr(r, key) for r in rows), Decimal(0)) / len(rows)))
                 for key, _ in DIMENSIONS} if rows else {}
        results[application.pk] = {'score': score, 'expert_count': len(rows), 'method_note': note[:200],
                                   'dimension_means': means}
    by_category: dict[str, list[ProjectApplication]] = defaultdict(list)
    for a in applications:
        by_category[a.category].append(a)
    for category, group in by_category.items():
        ordered = sorted(group, key=lambda a: (results[a.pk]['score'] is None, -(results[a.pk]['score'] or 0),
                                               -_tiebreak(results[a.pk])))
        quota = round_.quota(category)
        rank, last, cutoff = 0, object(), None
        for position, a in enumerate(ordered, 1):
            key = (results[a.pk]['score'], _tiebreak(results[a.pk]))
            if key != last:
                rank, last = position, key
            results[a.pk]['rank'] = rank
            if position == quota:
                cutoff = key
        for a in ordered:
            r = results[a.pk]
            key = (r['score'], _tiebreak(r))
            r['selected'] = r['score'] is not None and (r['rank'] <= quota or key == cutoff)
    with transaction.atomic():
        for a in applications:
            services.update(a, results[a.pk], message='汇总专家评分', enforce=False)


def _tiebreak(result: dict[str, Any]) -> float:
    """Equal scores are ordered by the mean on effectiveness (效益程度), then stay tied."""
    return float(result['dimension_means'].get('effectiveness', 0) if result['dimension_means'] else 0)


def grouped_results(round_: ProjectRound) -> list[dict[str, Any]]:
    groups = []
    for code, name in ProjectCategory.choices:
        rows = list(active_applications(round_).filter(category=code).order_by('rank', 'id'))
        groups.append({'code': code, 'name': name, 'rows': rows, 'size': len(rows), 'quota': round_.quota(code),
                       'selected': sum(1 for r in rows if r.selected)})
    return groups


def score_matrix(round_: ProjectRound) -> dict[str, Any]:
    """Applications × experts: each cell the expert's total, '回避' where the expert must not score."""
    experts = list(round_.experts.all())
    scores = {(s.application_id, s.expert_id): s for s in ExpertScore.objects.filter(application__round=round_)}
    rows = []
    for a in active_applications(round_).order_by('category', 'rank', 'id'):
        cells = []
        for e in experts:
            if not eligible(e, a):
                cells.append('回避')
            else:
                s = scores.get((a.pk, e.pk))
                cells.append(scoring.fmt(s.total) if s else '—')
        rows.append({'application': a, 'cells': cells})
    return {'experts': experts, 'rows': rows}
