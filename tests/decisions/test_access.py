"""Major decisions: each role against pages, API, export and search; the public sees only published material."""
from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.decisions.models import DecisionCatalogue, DecisionEvaluation, DecisionProcedure, MajorDecision, PublicComment
from tests.legality.access_kit import ROLES, api_client, assert_scope, expected_ids, scope_of

from .helpers import catalogue, comment, consulting, decision, publish


@pytest.fixture
def ledger(district):
    published = catalogue(district)
    draft = catalogue(district, year=2024)
    for unit in (district.market, district.market_office, district.street, district.other_street):
        decision(district, published, unit=unit, title=f'{unit.name}决策事项')
        decision(district, draft, unit=unit, title=f'{unit.name}未公布目录中的决策事项')
    publish(published)
    open_one = consulting(district, unit=district.street, title='东湖街道征求意见的决策事项')
    comment(open_one, '公开的意见', moderation='approved', contact='13800000000')
    comment(open_one, '待审核的意见')
    return district


@pytest.mark.parametrize('role', ROLES)
def test_decisions_procedures_and_comments_show_exactly_the_roles_scope(ledger, client, role):
    for model, page, api, path, search in (
            (MajorDecision, 'decisions:decision_list', '/api/decisions/decisions/', 'unit__path', ('决策事项', '重大行政决策')),
            (PublicComment, 'decisions:comment_list', '/api/decisions/comments/', 'decision__unit__path', None),
            (DecisionEvaluation, 'decisions:evaluation_list', '/api/decisions/evaluations/', 'decision__unit__path', None)):
        expected = expected_ids(model, ledger, role, path) if scope_of(role) != 'none' else None
        assert_scope(client, ledger.users[role], page_url=reverse(page), api_url=api, expected=expected, search=search)
    procedures = api_client(ledger.users[role]).get('/api/decisions/procedures/', {'limit': 1000})
    if scope_of(role) == 'none':
        assert procedures.status_code == 403
    else:
        assert {r['id'] for r in procedures.json()['results']} == expected_ids(DecisionProcedure, ledger, role,
                                                                              'decision__unit__path')


@pytest.mark.parametrize('role', ROLES)
def test_catalogues_follow_the_deciding_unit(ledger, client, role):
    expected = expected_ids(DecisionCatalogue, ledger, role) if scope_of(role) != 'none' else None
    assert_scope(client, ledger.users[role], page_url=reverse('decisions:catalogue_list'),
                 api_url='/api/decisions/catalogues/', expected=expected)


def test_public_sees_published_catalogues_and_consultations_only(ledger, client):
    index = client.get(reverse('public_decision_index'))
    assert index.status_code == 200
    assert 2025 in {c.year for c in index.context['catalogues']} and 2024 not in {c.year for c in index.context['catalogues']}
    hidden = MajorDecision.objects.filter(title__contains='未公布目录').first()
    assert client.get(reverse('public_decision_detail', args=[hidden.pk])).status_code == 404
    draft = DecisionCatalogue.objects.get(year=2024, state='draft')
    assert client.get(reverse('public_decision_catalogue', args=[draft.pk])).status_code == 404
    shown = MajorDecision.objects.get(title='东湖街道征求意见的决策事项')
    page = client.get(reverse('public_decision_detail', args=[shown.pk])).content.decode()
    assert '公开的意见' in page and '待审核的意见' not in page and '13800000000' not in page
    api = api_client(None)
    titles = {r['title'] for r in api.get('/api/decisions/decisions/', {'limit': 100}).json()['results']}
    assert '东湖街道征求意见的决策事项' in titles and not any('未公布目录' in t for t in titles)
    assert api.get('/api/decisions/comments/').status_code in (401, 403)
    assert api.get('/api/decisions/procedures/').status_code in (401, 403)
    assert api.patch(f'/api/decisions/decisions/{shown.pk}/', {'title': 'x'}, format='json').status_code in (401, 403)


def test_internal_pages_ask_the_public_to_log_in(ledger, client):
    d = MajorDecision.objects.first()
    for url in (reverse('decisions:decision_list'), reverse('decisions:decision_detail', args=[d.pk]),
                reverse('decisions:catalogue_list'), reverse('decisions:comment_list'), reverse('decisions:figures')):
        response = client.get(url)
        assert response.status_code == 302 and '/accounts/login/' in response['Location'], url


@pytest.mark.parametrize('role,allowed', [('unit_officer', True), ('district_admin', True), ('legality_reviewer', False),
                                          ('leader', False), ('case_officer', False)])
def test_who_may_moderate_a_comment(ledger, role, allowed):
    pending = PublicComment.objects.get(content='待审核的意见')
    if role == 'unit_officer':  # the market bureau is not the responsible unit (the street is)
        allowed = False
    api = api_client(ledger.users[role])
    response = api.patch(f'/api/decisions/comments/{pending.pk}/', {'moderation': 'approved'}, format='json')
    assert response.status_code == (200 if allowed else 403 if role != 'unit_officer' else 404)
    street = api_client(ledger.users['street_officer'])
    assert street.patch(f'/api/decisions/comments/{pending.pk}/', {'moderation': 'rejected'}, format='json'
                        ).status_code == 400  # a reason is required
    assert street.patch(f'/api/decisions/comments/{pending.pk}/', {'moderation': 'rejected', 'moderation_reason': '广告'},
                        format='json').status_code == 200


def test_unit_officer_cannot_add_a_decision_for_another_unit(district):
    cat = catalogue(district)
    response = api_client(district.users['unit_officer']).post('/api/decisions/decisions/', {
        'catalogue': cat.pk, 'deciding_body': district.district.pk, 'unit': district.street.pk, 'title': '伪造'},
        format='json')
    assert response.status_code == 403 and not MajorDecision.objects.exists()
    own = api_client(district.users['unit_officer']).post('/api/decisions/decisions/', {
        'catalogue': cat.pk, 'deciding_body': district.district.pk, 'unit': district.market.pk, 'title': '本单位事项'},
        format='json')
    assert own.status_code == 201 and DecisionProcedure.objects.filter(decision_id=own.json()['id']).count() == 5
