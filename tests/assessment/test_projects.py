"""Demonstration projects: applications, experts with conflict-of-interest declarations, five-dimension scores,
a trimmed mean when there are enough experts (stated in the result), ranking per category, quota selection and
the published list."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fazhi.assessment import projects, services
from fazhi.assessment.models import ExpertScore, ProjectApplication, ProjectRound
from fazhi.core import services as core_services
from fazhi.core import workflow
from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry
from fazhi.core.permissions import AccessDenied
from fazhi.organization.models import Unit

from .conftest import as_user

pytestmark = pytest.mark.django_db
DIMS = ('importance', 'innovation', 'effectiveness', 'legality', 'sustainability')


def _round(**kw):
    with acting_as(None, label='system:test'):
        return core_services.create(ProjectRound(name='首届法治政府建设示范项目评审', year=2025,
                                                 dimension_max=dict(projects.DEFAULT_MAX), **kw))


@pytest.fixture
def round_with_units(district):
    """Six departments and six streets applying (the fixture's four plus eight more), six experts."""
    with acting_as(None, label='system:test'):
        extra = [core_services.create(Unit(code=f'T-D{i}', name=f'区第{i}局', kind='department', parent=district.district))
                 for i in range(3, 7)]
        extra += [core_services.create(Unit(code=f'T-S{i}', name=f'第{i}街道', kind='street', parent=district.district))
                  for i in range(3, 7)]
    round_ = _round(quota_department=2, quota_street=3)
    with acting_as(None, label='system:test'):
        workflow.apply(round_, 'open', step_on=dt.date(2025, 9, 1))
    units = [district.justice, district.market, district.street, district.other_street, *extra]
    for unit in units:
        with acting_as(None, label='system:test'):
            projects.submit_application(round_, unit=unit, title=f'{unit.name}依法行政创新项目', description='简介',
                                        measures='做法', effects='成效', on=dt.date(2025, 9, 10))
    return round_


def _experts(round_, district):
    with acting_as(None, label='system:test'):
        experts = [projects.add_expert(round_, name=f'专家{i}', affiliation='中国政法大学') for i in range(1, 6)]
        # an internal expert with an account at 区司法局: never scores 区司法局's own project
        experts.append(projects.add_expert(round_, name='李审查', affiliation='区司法局',
                                           user=district.users['legality_reviewer']))
        for e in experts[:-1]:
            projects.declare(e, conflict_unit_codes=['T-S2'] if e.name == '专家1' else [], text='')
    return experts


def test_applications_belong_to_their_unit_and_round_state(district):
    round_ = _round()
    officer = district.users['unit_officer']
    with as_user(officer), pytest.raises(services.AssessmentError, match='不接受申报'):
        projects.submit_application(round_, unit=district.market, title='x', description='x', measures='x',
                                    effects='x')
    with acting_as(None, label='system:test'):
        workflow.apply(round_, 'open', step_on=dt.date(2025, 9, 1))
    with as_user(officer):
        with pytest.raises(AccessDenied):
            projects.submit_application(round_, unit=district.street, title='替街道申报', description='x',
                                        measures='x', effects='x')
        with pytest.raises(services.AssessmentError, match='请以所属部门'):
            projects.submit_application(round_, unit=district.market_office, title='科室', description='x',
                                        measures='x', effects='x')
        application = projects.submit_application(round_, unit=district.market, title='信用监管“沙盒”',
                                                  description='x', measures='x', effects='x')
        with pytest.raises(services.AssessmentError, match='达到每个单位的限报数'):
            projects.submit_application(round_, unit=district.market, title='第二个', description='x', measures='x',
                                        effects='x')
    assert application.category == 'department'
    assert AuditEntry.objects.filter(object_type='assessment.projectapplication', action='create').count() == 1


def test_round_with_several_experts_produces_a_ranked_published_list(round_with_units, district):
    round_ = round_with_units
    experts = _experts(round_, district)
    with acting_as(None, label='system:test'), pytest.raises(workflow.TransitionRefused, match='李审查 尚未签署回避声明'):
        workflow.apply(round_, 'start_review', step_on=dt.date(2025, 9, 20))
    internal = experts[-1]
    with as_user(district.users['legality_reviewer']):
        projects.declare(internal, conflict_unit_codes=[], text='本人在区司法局工作，回避本单位项目')
    with acting_as(None, label='system:test'):
        workflow.apply(round_, 'start_review', step_on=dt.date(2025, 9, 20))
    applications = list(projects.active_applications(round_).order_by('unit__code'))
    assert len(applications) == 12
    justice_app = next(a for a in applications if a.unit == district.justice)
    # the internal expert's queue leaves out his own unit
    queue = projects.queue_for(district.users['legality_reviewer'])
    assert len(queue) == 11 and all(a.unit != district.justice for _, a, _ in queue)
    with as_user(district.users['legality_reviewer']), pytest.raises(AccessDenied, match='回避'):
        projects.record_score(internal, justice_app, {k: 18 for k in DIMS})
    # a unit officer cannot score; the administrator may enter a paper score sheet
    with as_user(district.users['unit_officer']), pytest.raises(AccessDenied):
        projects.record_score(experts[0], applications[0], {k: 18 for k in DIMS})
    with as_user(district.users['district_admin']), pytest.raises(services.AssessmentError, match='0 至 20'):
        projects.record_score(experts[1], applications[0], {**{k: 18 for k in DIMS}, 'legality': 21})
    strength = {a.pk: i for i, a in enumerate(applications)}
    for n, expert in enumerate(experts):
        actor = district.users['legality_reviewer'] if expert is internal else district.users['district_admin']
        with as_user(actor):
            for a in applications:
                if not projects.eligible(expert, a):
                    continue
                base = 10 + strength[a.pk] % 6 + (0.5 if a.category == 'street' else 0)
                values = {k: base for k in DIMS}
                if n == 0:
                    values['innovation'] = 20  # one generous expert: trimmed away where there are enough experts
                projects.record_score(expert, a, values, comment='评审意见')
    with acting_as(None, label='system:test'):
        workflow.apply(round_, 'decide', step_on=dt.date(2025, 9, 28))
    results = {a.unit.code: a for a in projects.active_applications(round_)}
    justice = results['T-D1']  # 5 experts (the internal one excused) → trimmed mean
    assert justice.expert_count == 5 and '去掉1个最高分和1个最低分' in justice.method_note
    assert '1位专家因回避未评此项目' in justice.method_note
    other = results['T-S2']  # 专家1 declared a conflict with T-S2 → 5 experts
    assert other.expert_count == 5 and not ExpertScore.objects.filter(application=other, expert=experts[0]).exists()
    full = results['T-D2']
    assert full.expert_count == 6
    totals = sorted(s.total for s in ExpertScore.objects.filter(application=full))
    assert full.score == (sum(totals[1:-1]) / 4).quantize(Decimal('0.01'))  # the generous 专家1 trimmed away
    groups = {g['code']: g for g in projects.grouped_results(round_)}
    assert groups['department']['selected'] == 2 and groups['street']['selected'] == 3
    ranks = [a.rank for a in groups['street']['rows']]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert all(a.selected for a in groups['street']['rows'][:3])
    with acting_as(None, label='system:test'):
        workflow.apply(round_, 'publish', step_on=dt.date(2025, 10, 8))
    published = ProjectApplication.objects.filter(ProjectApplication.public_q)
    assert published.count() == 5


def test_trimmed_mean_needs_enough_experts():
    round_ = ProjectRound(trim_min_experts=5, trim_each=1)
    score, note = projects.method_for(round_, [Decimal(80), Decimal(90), Decimal(70)], 0)
    assert score == Decimal('80.00') and '不足5位，不去掉最高最低分' in note
    score, note = projects.method_for(round_, [Decimal(v) for v in (60, 80, 82, 84, 100)], 1)
    assert score == Decimal('82.00') and '5位专家评分，去掉1个最高分和1个最低分后取平均' in note
    assert '1位专家因回避' in note


def test_decide_waits_for_every_expert(round_with_units, district):
    experts = _experts(round_with_units, district)
    with as_user(district.users['legality_reviewer']):
        projects.declare(experts[-1], conflict_unit_codes=[], text='')
    with acting_as(None, label='system:test'):
        workflow.apply(round_with_units, 'start_review', step_on=dt.date(2025, 9, 20))
        with pytest.raises(workflow.TransitionRefused, match='专家1尚有 11 个项目未评分'):
            workflow.apply(round_with_units, 'decide', step_on=dt.date(2025, 9, 28))
