"""Legality review and legal advisers: each role against pages, API, export, search, import — denials included."""
from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.core.models import AuditEntry
from fazhi.legality.models import AdviserEngagement, LegalAdviser, ReviewRequest

from .access_kit import ROLES, api_client, assert_scope, expected_ids, scope_of
from .helpers import adviser, engagement, review


@pytest.fixture
def ledger(district):
    for unit in (district.market, district.market_office, district.street, district.other_street):
        review(unit, title=f'{unit.name}物业服务合同')
        engagement(adviser(unit, name=f'{unit.name[:2]}顾问'))
    return district


@pytest.mark.parametrize('role', ROLES)
def test_review_requests_show_exactly_the_roles_scope(ledger, client, role):
    expected = expected_ids(ReviewRequest, ledger, role) if scope_of(role) != 'none' else None
    assert_scope(client, ledger.users[role], page_url=reverse('legality:review_list'),
                 api_url='/api/legality/reviews/', expected=expected, search=('物业服务', '合法性审查事项'))


@pytest.mark.parametrize('role', ROLES)
def test_advisers_and_engagements_show_exactly_the_roles_scope(ledger, client, role):
    for model, page, api in ((LegalAdviser, 'legality:adviser_list', '/api/legality/advisers/'),
                             (AdviserEngagement, 'legality:engagement_list', '/api/legality/engagements/')):
        expected = expected_ids(model, ledger, role) if scope_of(role) != 'none' else None
        assert_scope(client, ledger.users[role], page_url=reverse(page), api_url=api, expected=expected)


@pytest.mark.parametrize('role', ROLES)
def test_detail_of_another_units_review(ledger, client, role):
    other = ReviewRequest.objects.get(unit=ledger.other_street)
    client.force_login(ledger.users[role])
    page = client.get(reverse('legality:review_detail', args=[other.pk]))
    api = api_client(ledger.users[role]).get(f'/api/legality/reviews/{other.pk}/')
    if scope_of(role) == 'all':
        assert page.status_code == 200 and api.status_code == 200
    else:
        assert page.status_code == 403 and api.status_code in (403, 404)


def test_public_sees_nothing_of_legality_review(ledger, client):
    for name in ('legality:review_list', 'legality:adviser_list', 'legality:engagement_list', 'legality:review_stats',
                 'legality:figures', 'legality:review_import'):
        response = client.get(reverse(name))
        assert response.status_code == 302 and '/accounts/login/' in response['Location']
    api = api_client(None)
    for url in ('/api/legality/reviews/', '/api/legality/advisers/', '/api/legality/engagements/'):
        assert api.get(url).status_code in (401, 403)


@pytest.mark.parametrize('role,allowed', [('unit_officer', True), ('legality_reviewer', True),
                                          ('district_admin', True), ('leader', False), ('case_officer', False),
                                          ('auditor', False)])
def test_who_may_submit_a_review_request(district, role, allowed):
    api = api_client(district.users[role])
    response = api.post('/api/legality/reviews/', {'unit': district.market.pk, 'matter_type': 'contract',
                                                   'title': '区市场监管局执法记录仪采购合同', 'received_on': '2025-05-06'},
                        format='json')
    assert response.status_code == (201 if allowed else 403)
    if allowed:
        created = ReviewRequest.objects.get(pk=response.json()['id'])
        assert created.serial == '合审〔2025〕0001号' and created.due_on is not None
        assert AuditEntry.objects.filter(action='create', object_type='legality.reviewrequest',
                                         actor_name=role).exists()


def test_unit_officer_cannot_submit_for_another_unit_and_the_attempt_is_audited(district):
    api = api_client(district.users['unit_officer'])
    response = api.post('/api/legality/reviews/', {'unit': district.street.pk, 'matter_type': 'contract',
                                                   'title': '伪造', 'received_on': '2025-05-06'}, format='json')
    assert response.status_code == 403 and '没有权限' in response.json()['detail']
    assert not ReviewRequest.objects.exists()
    assert AuditEntry.objects.filter(action='denied', actor_name='unit_officer').exists()


def test_unit_officer_adds_an_adviser_through_the_form(district, client):
    client.force_login(district.users['unit_officer'])
    response = client.post(reverse('legality:adviser_add'), {
        'unit': district.market.pk, 'name': '吴立', 'kind': 'external', 'engaged_from': '2025-01-01',
        'is_active': 'on'})
    assert response.status_code == 302
    assert LegalAdviser.objects.get(name='吴立').unit == district.market
