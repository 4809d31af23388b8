"""Each role against every assessment path: lists, details, API, exports, search — denials included.

Reviewers (legality_reviewer, case_officer) have no blanket access to scores: they see what is assigned to them.
Experts' individual scores are for the office and leaders only. The public sees published demonstration lists."""
from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from fazhi.assessment import projects, services
from fazhi.assessment.models import (Campaign, CampaignUnit, Deduction, Evidence, ExpertScore, IndicatorSystem,
                                     ItemScore, Objection, ProjectApplication, ProjectRound, ReviewerAssignment,
                                     RoundExpert, SystemItem)
from fazhi.core import services as core_services
from fazhi.core import workflow
from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry

from .conftest import as_user, score_of, upload

pytestmark = pytest.mark.django_db
ROLES = ['district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer', 'street_officer',
         'system_admin', 'security_admin', 'auditor']
READ_ALL = {'district_admin', 'legality_reviewer', 'case_officer', 'leader'}
UNITS = {'unit_officer', 'street_officer'}
NONE = {'system_admin', 'security_admin', 'auditor'}


def api(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def ledger(campaign, district):
    """An opened campaign with evidence and an objection per unit, an assignment, and a scored round."""
    with as_user(district.users['unit_officer']):
        services.add_evidence(score_of(campaign, district.market, '2.2'), upload())
        services.submit_objection(score_of(campaign, district.market, '1.1'), reason='响应率有误')
    with as_user(district.users['street_officer']):
        services.add_evidence(score_of(campaign, district.street, '2.2'), upload('街道演练.pdf'))
        services.submit_objection(score_of(campaign, district.street, '2.1'), reason='隐患已整改')
    with acting_as(None, label='system:test'):
        area = campaign.system.items.get(code='2')
        core_services.create(ReviewerAssignment(campaign=campaign, reviewer=district.users['legality_reviewer'],
                                                area=area))
        round_ = core_services.create(ProjectRound(name='示范项目评审', year=2025, dimension_max=projects.DEFAULT_MAX))
        workflow.apply(round_, 'open', step_on=dt.date(2025, 9, 1))
        for unit in (district.market, district.street, district.other_street):
            projects.submit_application(round_, unit=unit, title=f'{unit.name}示范项目', description='简介',
                                        measures='做法', effects='成效')
        experts = [projects.add_expert(round_, name=f'专家{i}', affiliation='高校') for i in range(3)]
        for e in experts:
            projects.declare(e, conflict_unit_codes=[], text='')
        workflow.apply(round_, 'start_review', step_on=dt.date(2025, 9, 20))
        for e in experts:
            for a in projects.active_applications(round_):
                projects.record_score(e, a, {k: 15 for k in ('importance', 'innovation', 'effectiveness', 'legality',
                                                             'sustainability')})
    district.campaign, district.round = campaign, round_
    return district


def _expected(model, ledger, role, unit_path):
    if role in NONE:
        return None
    qs = model._default_manager.all()
    if role in UNITS:
        qs = qs.filter(**{f'{unit_path}__startswith': ledger.users[role].unit.path})
    return set(qs.values_list('pk', flat=True))


CASES = [
    # model, api path, list page (or None), unit path, roles with blanket read besides the office and leaders
    (CampaignUnit, 'entries', 'assessment:entry_list', 'unit__path', {'legality_reviewer', 'case_officer'}),
    (ItemScore, 'scores', None, 'entry__unit__path', set()),
    (Deduction, 'deductions', None, 'score__entry__unit__path', set()),
    (Evidence, 'evidence', None, 'score__entry__unit__path', set()),
    (Objection, 'objections', 'assessment:objection_list', 'score__entry__unit__path', set()),
    (ProjectApplication, 'applications', 'assessment:application_list', 'unit__path',
     {'legality_reviewer', 'case_officer'}),
]


@pytest.mark.parametrize('case', CASES, ids=[c[1] for c in CASES])
def test_unit_scoped_records_show_exactly_the_roles_scope(ledger, client, case):
    for role in ROLES:
        _check_scope(ledger, client, role, case)


def _check_scope(ledger, client, role, case):
    model, path, page, unit_path, readers = case
    user = ledger.users[role]
    expected = _expected(model, ledger, role, unit_path)
    if role in {'legality_reviewer', 'case_officer'} and role not in readers:
        expected = None
    response = api(user).get(f'/api/assessment/{path}/', {'limit': 5000})
    if expected is None:
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        assert {row['id'] for row in response.json()['results']} == expected
        assert expected or role in UNITS  # every district-wide role has something to see
    if page:
        client.force_login(user)
        listing = client.get(reverse(page))
        export = client.get(reverse(page), {'export': 'csv'})
        if expected is None:
            assert listing.status_code == 403 and '没有权限' in listing.content.decode()
            assert export.status_code == 403
        else:
            assert listing.status_code == 200 and {o.pk for o in listing.context['object_list']} == expected
            lines = b''.join(export.streaming_content).decode('utf-8-sig').strip().splitlines()
            assert len(lines) == len(expected) + 1


def test_systems_campaigns_and_rounds_are_read_by_business_roles(ledger, client):
    for role in ROLES:
        _systems_campaigns_and_rounds_are_read_by_business_roles(ledger, client, role)


def _systems_campaigns_and_rounds_are_read_by_business_roles(ledger, client, role):
    user = ledger.users[role]
    for model, path, page in ((IndicatorSystem, 'systems', 'assessment:system_list'),
                              (SystemItem, 'items', None), (Campaign, 'campaigns', 'assessment:campaign_list'),
                              (ProjectRound, 'rounds', 'assessment:round_list')):
        response = api(user).get(f'/api/assessment/{path}/', {'limit': 5000})
        if role in NONE:
            assert response.status_code == 403, path
        else:
            assert response.status_code == 200
            assert {r['id'] for r in response.json()['results']} == set(model.objects.values_list('pk', flat=True))
        if page:
            client.force_login(user)
            assert client.get(reverse(page)).status_code == (403 if role in NONE else 200)


def test_assignments_experts_and_expert_scores(ledger):
    for role in ROLES:
        _assignments_experts_and_expert_scores(ledger, role)


def _assignments_experts_and_expert_scores(ledger, role):
    user = ledger.users[role]
    for model, path, allowed in ((ReviewerAssignment, 'assignments', {'district_admin', 'leader'}),
                                 (RoundExpert, 'experts', READ_ALL), (ExpertScore, 'expert-scores',
                                                                      {'district_admin', 'leader'})):
        response = api(user).get(f'/api/assessment/{path}/', {'limit': 5000})
        if role in allowed:
            assert response.status_code == 200
            assert len(response.json()['results']) == model.objects.count() > 0
        else:
            assert response.status_code == 403, (path, role)


def test_score_and_entry_details(ledger, client):
    for role in ROLES:
        _score_and_entry_details(ledger, client, role)


def _score_and_entry_details(ledger, client, role):
    own_market = score_of(ledger.campaign, ledger.market, '2.2')
    street_score = score_of(ledger.campaign, ledger.street, '2.2')
    unassigned = score_of(ledger.campaign, ledger.market, '3.1')
    own_area = score_of(ledger.campaign, ledger.justice, '2.2')  # the reviewer's own unit
    entry = CampaignUnit.objects.get(campaign=ledger.campaign, unit=ledger.street)
    client.force_login(ledger.users[role])
    codes = {s: client.get(reverse('assessment:score_detail', args=[s.pk])).status_code
             for s in (own_market, street_score, unassigned, own_area)}
    entry_code = client.get(reverse('assessment:entry_detail', args=[entry.pk])).status_code
    expected = {
        'district_admin': (200, 200, 200, 200, 200), 'leader': (200, 200, 200, 200, 200),
        'legality_reviewer': (200, 200, 403, 403, 200), 'case_officer': (403, 403, 403, 403, 200),
        'unit_officer': (200, 403, 200, 403, 403), 'street_officer': (403, 200, 403, 403, 200),
    }.get(role, (403, 403, 403, 403, 403))
    assert (codes[own_market], codes[street_score], codes[unassigned], codes[own_area], entry_code) == expected


def test_evidence_downloads(ledger, client):
    for role in ROLES:
        _evidence_downloads(ledger, client, role)


def _evidence_downloads(ledger, client, role):
    evidence = Evidence.objects.get(score__entry__unit=ledger.street)
    client.force_login(ledger.users[role])
    response = client.get(reverse('assessment:evidence_download', args=[evidence.pk]))
    allowed = role in {'district_admin', 'leader', 'street_officer', 'legality_reviewer'}  # reviewer: assigned
    assert response.status_code == (200 if allowed else 403)
    if allowed:
        assert b''.join(response.streaming_content).startswith(b'%PDF')


def test_public_sees_nothing_but_published_lists(ledger, client):
    for name, args in (('assessment:home', []), ('assessment:entry_list', []), ('assessment:objection_list', []),
                       ('assessment:system_list', []), ('assessment:campaign_list', []),
                       ('assessment:campaign_detail', [ledger.campaign.pk]), ('assessment:review_queue', [])):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and '/accounts/login/' in response['Location'], name
    for path in ('systems', 'campaigns', 'entries', 'scores', 'deductions', 'evidence', 'objections', 'assignments',
                 'experts', 'expert-scores'):
        assert api(None).get(f'/api/assessment/{path}/').status_code in (401, 403), path
    assert api(None).get('/api/assessment/applications/').json()['results'] == []
    assert client.get(reverse('assessment_public:round', args=[ledger.round.pk])).status_code == 404
    with acting_as(None, label='system:test'):
        workflow.apply(ledger.round, 'decide', step_on=dt.date(2025, 9, 28))
        workflow.apply(ledger.round, 'publish', step_on=dt.date(2025, 10, 8))
    page = client.get(reverse('assessment_public:round', args=[ledger.round.pk]))
    assert page.status_code == 200 and '入选名单' in page.content.decode()
    rows = api(None).get('/api/assessment/applications/').json()['results']
    assert {r['id'] for r in rows} == set(ProjectApplication.objects.filter(selected=True).values_list('pk', flat=True))
    assert api(None).get('/api/assessment/expert-scores/').status_code in (401, 403)


def test_full_rankings_before_publication(ledger, client):
    for role in ROLES:
        _full_rankings_before_publication(ledger, client, role)


def _full_rankings_before_publication(ledger, client, role):
    client.force_login(ledger.users[role])
    results = client.get(reverse('assessment:campaign_results', args=[ledger.campaign.pk]))
    ranking = api(ledger.users[role]).get(f'/api/assessment/campaigns/{ledger.campaign.pk}/ranking/')
    allowed = role in READ_ALL
    assert results.status_code == (200 if allowed else 403)
    assert ranking.status_code == (200 if allowed else 403)


def test_office_only_pages(ledger, client):
    for role in ROLES:
        _office_only_pages(ledger, client, role)


def _office_only_pages(ledger, client, role):
    client.force_login(ledger.users[role])
    campaign = ledger.campaign
    for url in (reverse('assessment:system_load'), reverse('assessment:campaign_add'),
                reverse('assessment:campaign_assignments', args=[campaign.pk]),
                reverse('assessment:campaign_transition', args=[campaign.pk, 'start_review']),
                reverse('assessment:round_add')):
        assert client.get(url).status_code == (200 if role == 'district_admin' else 403), url
    rescore = client.post(reverse('assessment:campaign_score', args=[campaign.pk]))
    assert rescore.status_code == (302 if role == 'district_admin' else 403)


def test_forged_writes_are_refused_and_audited(ledger, client):
    street_score = score_of(ledger.campaign, ledger.street, '2.2')
    client.force_login(ledger.users['unit_officer'])
    response = client.post(reverse('assessment:score_self', args=[street_score.pk]),
                           {'self_score': '20', 'self_note': '替别人'})
    assert response.status_code == 403
    response = client.post(reverse('assessment:score_object', args=[street_score.pk]), {'reason': '替别人申诉'})
    assert response.status_code == 403
    forged = api(ledger.users['unit_officer']).post('/api/assessment/objections/',
                                                    {'score': street_score.pk, 'reason': '伪造'}, format='json')
    assert forged.status_code == 403
    client.force_login(ledger.users['case_officer'])
    with acting_as(None, label='system:test'):
        workflow.apply(ledger.campaign, 'start_review', step_on=dt.date(2026, 1, 10))
    refused = client.post(reverse('assessment:score_review', args=[street_score.pk]), {'value': '20', 'comment': 'x'})
    assert refused.status_code == 403
    street_score.refresh_from_db()
    assert street_score.score is None and street_score.self_score is None
    assert AuditEntry.objects.filter(action='denied', object_type='assessment.itemscore').exists()


def test_search_finds_only_what_the_role_may_see(ledger, client):
    client.force_login(ledger.users['street_officer'])
    found = dict(client.get('/search/', {'q': '示范项目'}).context['results'])
    assert {a.unit for a in found['示范项目申报']} == {ledger.street}
    client.force_login(ledger.users['leader'])
    found = dict(client.get('/search/', {'q': '测试考核'}).context['results'])
    assert [c.pk for c in found['考核活动']] == [ledger.campaign.pk]
    client.force_login(ledger.users['auditor'])
    assert client.get('/search/', {'q': '测试考核'}).context['results'] == []


def test_every_write_leaves_an_audit_entry(ledger):
    kinds = set(AuditEntry.objects.filter(action='create').values_list('object_type', flat=True))
    assert {'assessment.indicatorsystem', 'assessment.systemitem', 'assessment.campaign', 'assessment.campaignunit',
            'assessment.itemscore', 'assessment.deduction', 'assessment.evidence', 'assessment.objection',
            'assessment.reviewerassignment', 'assessment.projectround', 'assessment.projectapplication',
            'assessment.roundexpert', 'assessment.expertscore'} <= kinds
    assert AuditEntry.objects.filter(object_type='assessment.campaign', action='update',
                                     message__contains='启动考核').exists()
