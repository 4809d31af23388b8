"""Each role against each path of the reconsideration ledger — pages, API, export, import, search —
including the denials; the public sees published decision documents only."""
from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry
from fazhi.reconsideration.models import (CorrectionFeedback, Party, PublishedDecision, ReconsiderationCase,
                                          ServiceRecord)

from .conftest import add_party, new_case, step

ROLES = ['district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer', 'street_officer',
         'system_admin', 'security_admin', 'auditor']
SCOPE = {'district_admin': 'all', 'legality_reviewer': 'all', 'case_officer': 'all', 'leader': 'all',
         'unit_officer': 'own', 'street_officer': 'own', 'system_admin': 'none', 'security_admin': 'none',
         'auditor': 'none'}
WRITERS = {'district_admin', 'case_officer'}
# record type → (list url name, API path, unit path from the record)
LEDGERS = {
    ReconsiderationCase: ('reconsideration:case_list', '/api/reconsideration/cases/', 'respondent_unit'),
    Party: ('reconsideration:party_list', '/api/reconsideration/parties/', 'case__respondent_unit'),
    ServiceRecord: ('reconsideration:service_list', '/api/reconsideration/services/', 'case__respondent_unit'),
    CorrectionFeedback: ('reconsideration:feedback_list', '/api/reconsideration/feedback/', 'unit'),
    PublishedDecision: ('reconsideration:publication_list', '/api/reconsideration/publications/',
                        'case__respondent_unit'),
}


@pytest.fixture
def ledger(district):
    """A concluded, corrected case against each of three units, with party, service, feedback, publication."""
    officer = district.users['case_officer']
    cases = {}
    for key, unit in (('market', district.market), ('street', district.street), ('other', district.other_street)):
        case = new_case(unit, applicant_names=f'申请人{key}', decision_text=f'申请人{key}不服……决定撤销。')
        party = add_party(case, name=f'申请人{key}', e_service_consent=True, e_service_address='a@example.cn',
                          consent_recorded_on='2026-03-02')
        step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
        step(case, 'send_copy', officer, on='2026-03-04')
        step(case, 'decide', officer, on='2026-03-20', outcome='revoke')
        step(case, 'prepare_publication', officer, on='2026-03-21')
        with acting_as(officer):
            services.create(ServiceRecord(case=case, document='decision', recipient=party, method='electronic',
                                          served_on='2026-03-21'))
        cases[key] = ReconsiderationCase.objects.get(pk=case.pk)
    publication = PublishedDecision.objects.get(case=cases['other'])
    step(publication, 'publish', officer, on='2026-03-22')
    return cases


def expected(model, district, role):
    scope = SCOPE[role]
    if scope == 'none':
        return set()
    qs = model.objects.all()
    if scope == 'own':
        unit = district.users[role].unit
        qs = qs.filter(**{f'{LEDGERS[model][2]}__path__startswith': unit.path})
    return set(qs.values_list('pk', flat=True))


@pytest.mark.parametrize('model', list(LEDGERS), ids=lambda m: m.__name__)
@pytest.mark.parametrize('role', ROLES)
def test_lists_api_and_export_show_exactly_the_scope(district, ledger, client, role, model):
    user = district.users[role]
    client.force_login(user)
    url_name, api_path, _ = LEDGERS[model]
    want = expected(model, district, role)
    page = client.get(reverse(url_name))
    export = client.get(reverse(url_name), {'export': 'csv'})
    xlsx = client.get(reverse(url_name), {'export': 'xlsx'})
    api = APIClient()
    api.force_authenticate(user)
    response = api.get(api_path, {'limit': 500})
    if SCOPE[role] == 'none':
        assert page.status_code == 403 and '没有权限' in page.content.decode()
        assert export.status_code == 403 and xlsx.status_code == 403 and response.status_code == 403
        return
    assert {o.pk for o in page.context['object_list']} == want
    assert {r['id'] for r in response.json()['results']} == want
    assert len(b''.join(export.streaming_content).decode('utf-8-sig').strip().splitlines()) == len(want) + 1
    assert xlsx.status_code == 200 and xlsx.content[:2] == b'PK'


@pytest.mark.parametrize('role', ROLES)
def test_detail_pages_of_another_units_case(district, ledger, client, role):
    user = district.users[role]
    client.force_login(user)
    other = ledger['other']
    api = APIClient()
    api.force_authenticate(user)
    page = client.get(reverse('reconsideration:case_detail', args=[other.pk]))
    response = api.get(f'/api/reconsideration/cases/{other.pk}/')
    if SCOPE[role] == 'all':
        assert page.status_code == 200 and response.status_code == 200
        assert '法定期限' in page.content.decode() and response.json()['due_dates']
    else:
        assert page.status_code == 403
        assert response.status_code in (403, 404)


@pytest.mark.parametrize('role', ROLES)
def test_search_finds_only_visible_cases(district, ledger, client, role):
    client.force_login(district.users[role])
    found = client.get(reverse('search'), {'q': '申请人'}).context['results']
    hits = {h.pk for name, objs in found if name == '行政复议案件' for h in objs}
    assert hits == expected(ReconsiderationCase, district, role)


@pytest.mark.parametrize('role', ROLES)
def test_only_case_officers_and_admins_register_cases(district, client, role):
    user = district.users[role]
    client.force_login(user)
    data = {'received_on': '2026-03-02', 'channel': 'counter', 'applicant_names': '赵六', 'applicant_kind': 'natural',
            'respondent_unit': district.market.pk, 'act_description': '行政处罚', 'act_type': 'penalty',
            'domain': 'market', 'hearing_count': 0}
    page = client.post(reverse('reconsideration:case_add'), data)
    api = APIClient()
    api.force_authenticate(user)
    response = api.post('/api/reconsideration/cases/', data, format='json')
    if role in WRITERS:
        assert page.status_code == 302 and response.status_code == 201
        assert ReconsiderationCase.objects.filter(applicant_names='赵六').count() == 2
        assert AuditEntry.objects.filter(action='create', actor_name=role,
                                         object_type='reconsideration.reconsiderationcase').count() == 2
    else:
        assert page.status_code == 403 and response.status_code == 403
        assert not ReconsiderationCase.objects.filter(applicant_names='赵六').exists()


@pytest.mark.parametrize('role', ROLES)
def test_only_case_officers_and_admins_run_steps(district, client, role):
    case = new_case(district.market)
    user = district.users[role]
    client.force_login(user)
    api = APIClient()
    api.force_authenticate(user)
    response = api.post(f'/api/reconsideration/cases/{case.pk}/transitions/accept/',
                        {'on': '2026-03-03', 'procedure': 'ordinary'}, format='json')
    page = client.get(reverse('reconsideration:case_transition', args=[case.pk, 'accept']))
    if role in WRITERS:
        assert response.status_code == 200 and page.status_code == 200
    else:
        assert response.status_code in (403, 404) and page.status_code in (302, 403)
        assert ReconsiderationCase.objects.get(pk=case.pk).state == 'received'
    if role == 'unit_officer':
        assert AuditEntry.objects.filter(action='denied', actor_name='unit_officer').exists()


@pytest.mark.parametrize('role', ROLES)
def test_import_is_for_case_officers_and_admins(district, client, role):
    user = district.users[role]
    client.force_login(user)
    template = client.get(reverse('reconsideration:case_import'), {'template': '1'})
    api = APIClient()
    api.force_authenticate(user)
    response = api.post('/api/reconsideration/cases/import/', {}, format='multipart')
    if role in WRITERS:
        assert template.status_code == 200 and template.content[:2] == b'PK'
        assert response.status_code == 400 and '请上传文件' in response.json()['detail']
    else:
        assert template.status_code == 403 and response.status_code == 403


def test_unit_officer_handles_the_feedback_addressed_to_its_unit_only(district, ledger, client):
    client.force_login(district.users['unit_officer'])
    own = CorrectionFeedback.objects.get(case=ledger['market'])
    other = CorrectionFeedback.objects.get(case=ledger['other'])
    data = {'status': 'handled', 'handled_on': '2026-04-01', 'result': '已撤销原处罚决定并重新调查'}
    assert client.post(reverse('reconsideration:feedback_edit', args=[own.pk]), data).status_code == 302
    assert client.post(reverse('reconsideration:feedback_edit', args=[other.pk]), data).status_code == 403
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.status == 'handled' and other.status == 'pending'
    api = APIClient()
    api.force_authenticate(district.users['unit_officer'])
    assert api.patch(f'/api/reconsideration/feedback/{other.pk}/', data, format='json').status_code == 404


def test_public_sees_published_decisions_only_and_never_the_findings(district, ledger, client):
    api = APIClient()
    response = api.get('/api/reconsideration/publications/')
    assert response.status_code == 200
    rows = response.json()['results']
    assert [r['id'] for r in rows] == [PublishedDecision.objects.get(status='published').pk]
    assert 'findings' not in rows[0] and 'case' not in rows[0]
    draft = PublishedDecision.objects.filter(status='draft').first()
    assert api.get(f'/api/reconsideration/publications/{draft.pk}/').status_code == 404
    assert api.get('/api/reconsideration/cases/').status_code in (401, 403)
    page = client.get(reverse('reconsideration_public:decision_list'))
    assert page.status_code == 200
    assert [d.pk for d in page.context['object_list']] == [rows[0]['id']]
    assert client.get(reverse('reconsideration_public:decision_detail', args=[draft.pk])).status_code == 404
    assert client.get(reverse('reconsideration:case_list')).status_code == 302


def test_forged_respondent_unit_is_refused(district):
    api = APIClient()
    api.force_authenticate(district.users['unit_officer'])
    response = api.post('/api/reconsideration/cases/', {
        'received_on': '2026-03-02', 'applicant_names': 'x', 'respondent_unit': district.other_street.pk,
        'act_description': 'x'}, format='json')
    assert response.status_code == 403
