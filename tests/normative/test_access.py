"""Normative documents: each role against pages, API, export, search and import; the public sees only what is
published, on the portal and through the API."""
from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from fazhi.normative.models import CleanupCampaign, CleanupItem, DocumentEvent, DocumentVersion, NormativeDocument
from tests.legality.access_kit import ROLES, api_client, assert_scope, expected_ids, scope_of

from .helpers import draft, published


@pytest.fixture
def library(district):
    reviewer = district.users['legality_reviewer']
    for unit in (district.market, district.market_office, district.street, district.other_street):
        draft(unit, title=f'{unit.name}文件草案')
        published(unit, reviewer, title=f'{unit.name}文件管理办法')
    return district


@pytest.mark.parametrize('role', ROLES)
def test_documents_show_exactly_the_roles_scope(library, client, role):
    expected = expected_ids(NormativeDocument, library, role) if scope_of(role) != 'none' else None
    assert_scope(client, library.users[role], page_url=reverse('normative:document_list'),
                 api_url='/api/normative/documents/', expected=expected, search=('文件', '行政规范性文件'))


@pytest.mark.parametrize('role', ROLES)
def test_versions_and_events_follow_their_documents(library, client, role):
    for model, url in ((DocumentVersion, '/api/normative/versions/'), (DocumentEvent, '/api/normative/events/')):
        response = api_client(library.users[role]).get(url, {'limit': 1000})
        if scope_of(role) == 'none':
            assert response.status_code == 403
            continue
        assert {r['id'] for r in response.json()['results']} == expected_ids(model, library, role, 'document__unit__path')


def test_public_sees_only_published_documents_on_portal_and_api(library, client):
    drafts = NormativeDocument.objects.filter(published_on__isnull=True)
    page = client.get(reverse('public_normative_library'))
    assert page.status_code == 200
    shown = {doc.pk for doc, _ in page.context['rows']}
    assert shown == set(NormativeDocument.objects.filter(published_on__isnull=False).values_list('pk', flat=True))
    assert '文件草案' not in page.content.decode()
    for doc in drafts:
        assert client.get(reverse('public_normative_detail', args=[doc.pk])).status_code == 404
    api = api_client(None).get('/api/normative/documents/', {'limit': 100}).json()
    assert {r['id'] for r in api['results']} == shown
    assert api_client(None).get('/api/normative/campaigns/').status_code in (401, 403)
    assert api_client(None).post('/api/normative/documents/', {'title': 'x'}, format='json').status_code in (401, 403)


def test_internal_pages_ask_the_public_to_log_in(library, client):
    doc = NormativeDocument.objects.filter(published_on__isnull=False).first()
    for url in (reverse('normative:document_list'), reverse('normative:document_detail', args=[doc.pk]),
                reverse('normative:alerts'), reverse('normative:figures'), reverse('normative:campaign_list'),
                reverse('normative:document_import')):
        response = client.get(url)
        assert response.status_code == 302 and '/accounts/login/' in response['Location'], url


def test_logged_in_users_see_the_same_public_library(library, client):
    client.force_login(library.users['district_admin'])
    shown = {doc.pk for doc, _ in client.get(reverse('public_normative_library')).context['rows']}
    assert shown == set(NormativeDocument.objects.filter(published_on__isnull=False).values_list('pk', flat=True))


@pytest.mark.parametrize('role', ROLES)
def test_detail_of_another_units_draft(library, client, role):
    other = NormativeDocument.objects.get(unit=library.other_street, published_on__isnull=True)
    client.force_login(library.users[role])
    page = client.get(reverse('normative:document_detail', args=[other.pk]))
    api = api_client(library.users[role]).get(f'/api/normative/documents/{other.pk}/')
    if scope_of(role) == 'all':
        assert page.status_code == 200 and api.status_code == 200
    else:
        assert page.status_code == 403 and api.status_code in (403, 404)


@pytest.mark.parametrize('role,allowed', [('unit_officer', True), ('district_admin', True), ('legality_reviewer', True),
                                          ('leader', False), ('case_officer', False), ('auditor', False)])
def test_who_may_register_a_draft(district, client, role, allowed):
    client.force_login(district.users[role])
    response = client.post(reverse('normative:document_add'), {
        'unit': district.market.pk, 'issuer': '区市场监督管理局', 'title': '电梯安全监督管理办法', 'subject': 'market',
        'validity_years': 5, 'text': '第一条 为了……'})
    assert response.status_code == (302 if allowed else 403)
    assert NormativeDocument.objects.filter(title='电梯安全监督管理办法').exists() == allowed


def test_unit_officer_cannot_register_for_another_unit(district):
    response = api_client(district.users['unit_officer']).post('/api/normative/documents/', {
        'unit': district.street.pk, 'issuer': 'x', 'title': '伪造', 'text': 'x'}, format='json')
    assert response.status_code == 403 and not NormativeDocument.objects.exists()


@pytest.mark.parametrize('role', ROLES)
def test_campaigns_are_district_wide_and_items_follow_the_documents(library, client, role):
    with_admin = api_client(library.users['district_admin'])
    campaign = with_admin.post('/api/normative/campaigns/', {
        'name': '专项清理', 'organizer': library.justice.pk, 'started_on': '2025-09-01'}, format='json').json()
    with_admin.post(f'/api/normative/campaigns/{campaign["id"]}/transition/', {'name': 'select', 'on': '2025-09-01'},
                    format='json')
    assert CleanupItem.objects.count() == 4
    expected_campaigns = None if scope_of(role) == 'none' else {campaign['id']}
    assert_scope(client, library.users[role], page_url=reverse('normative:campaign_list'),
                 api_url='/api/normative/campaigns/', expected=expected_campaigns)
    expected_items = None if scope_of(role) == 'none' else expected_ids(CleanupItem, library, role, 'document__unit__path')
    assert_scope(client, library.users[role], page_url=reverse('normative:item_list'),
                 api_url='/api/normative/cleanup-items/', expected=expected_items)
    assert CleanupCampaign.objects.count() == 1


def test_alerts_show_overdue_filing_and_coming_expiry(district, client):
    reviewer = district.users['legality_reviewer']
    today = dt.date.today()
    late = published(district.market, reviewer, today - dt.timedelta(days=45), effective_on=today - dt.timedelta(days=40),
                     title='逾期未报备的文件')
    expiring = published(district.street, reviewer, today - dt.timedelta(days=400), years=1,
                         effective_on=today - dt.timedelta(days=300), filed_on=today - dt.timedelta(days=390),
                         title='即将到期的文件')
    client.force_login(district.users['district_admin'])
    page = client.get(reverse('normative:alerts'))
    assert [d.pk for d in page.context['filing_overdue']] == [late.pk]
    assert [d.pk for d in page.context['expiring']] == [expiring.pk]
    client.force_login(district.users['unit_officer'])
    own = client.get(reverse('normative:alerts'))
    assert [d.pk for d in own.context['filing_overdue']] == [late.pk] and not own.context['expiring']
