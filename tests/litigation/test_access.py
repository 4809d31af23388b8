"""Each role against each path of the litigation ledger — pages, API, export, import, search — with denials."""
from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry
from fazhi.litigation.models import CourtHearing, JudicialSuggestion, Lawsuit
from tests.reconsideration.test_access import ROLES, SCOPE, WRITERS

from .conftest import heard, new_lawsuit, step

LEDGERS = {
    Lawsuit: ('litigation:lawsuit_list', '/api/litigation/lawsuits/', 'defendant_unit'),
    CourtHearing: ('litigation:hearing_list', '/api/litigation/hearings/', 'lawsuit__defendant_unit'),
    JudicialSuggestion: ('litigation:suggestion_list', '/api/litigation/suggestions/', 'lawsuit__defendant_unit'),
}


@pytest.fixture
def ledger(district):
    officer = district.users['case_officer']
    suits = {}
    for key, unit in (('market', district.market), ('street', district.street), ('other', district.other_street)):
        suit = new_lawsuit(unit, plaintiff_names=f'原告{key}')
        step(suit, 'submit_defence', officer, on='2026-03-10')
        heard(suit, officer, on='2026-04-01')
        with acting_as(officer):
            services.create(JudicialSuggestion(lawsuit=suit, received_on='2026-05-01', content='建议规范执法程序'))
        suits[key] = suit
    return suits


def expected(model, district, role):
    scope = SCOPE[role]
    if scope == 'none':
        return set()
    qs = model.objects.all()
    if scope == 'own':
        qs = qs.filter(**{f'{LEDGERS[model][2]}__path__startswith': district.users[role].unit.path})
    return set(qs.values_list('pk', flat=True))


@pytest.mark.parametrize('model', list(LEDGERS), ids=lambda m: m.__name__)
@pytest.mark.parametrize('role', ROLES)
def test_lists_api_and_export_show_exactly_the_scope(district, ledger, client, role, model):
    user = district.users[role]
    client.force_login(user)
    url_name, api_path, _ = LEDGERS[model]
    want = expected(model, district, role)
    page = client.get(reverse(url_name))
    export = client.get(reverse(url_name), {'export': 'xlsx'})
    api = APIClient()
    api.force_authenticate(user)
    response = api.get(api_path, {'limit': 500})
    if SCOPE[role] == 'none':
        assert page.status_code == 403 and export.status_code == 403 and response.status_code == 403
        return
    assert {o.pk for o in page.context['object_list']} == want
    assert {r['id'] for r in response.json()['results']} == want
    assert export.status_code == 200 and export.content[:2] == b'PK'


@pytest.mark.parametrize('role', ROLES)
def test_detail_search_and_csv(district, ledger, client, role):
    user = district.users[role]
    client.force_login(user)
    other = ledger['other']
    page = client.get(reverse('litigation:lawsuit_detail', args=[other.pk]))
    assert page.status_code == (200 if SCOPE[role] == 'all' else 403)
    csv = client.get(reverse('litigation:lawsuit_list'), {'export': 'csv'})
    if SCOPE[role] != 'none':
        lines = b''.join(csv.streaming_content).decode('utf-8-sig').strip().splitlines()
        assert len(lines) == len(expected(Lawsuit, district, role)) + 1
        found = client.get(reverse('search'), {'q': '原告'}).context['results']
        hits = {h.pk for name, objs in found if name == '行政诉讼案件' for h in objs}
        assert hits == expected(Lawsuit, district, role)


@pytest.mark.parametrize('role', ROLES)
def test_only_case_officers_and_admins_register_run_steps_and_import(district, client, role):
    user = district.users[role]
    client.force_login(user)
    api = APIClient()
    api.force_authenticate(user)
    data = {'case_number': f'（2026）明0105行初9{ROLES.index(role)}号', 'court': '云溪区人民法院', 'instance': 'first',
            'plaintiff_names': '王五', 'plaintiff_kind': 'natural', 'defendant_unit': district.market.pk,
            'cause': '不服罚款', 'domain': 'market', 'complaint_received_on': '2026-03-02'}
    created = api.post('/api/litigation/lawsuits/', data, format='json')
    suit = new_lawsuit(district.market)
    moved = api.post(f'/api/litigation/lawsuits/{suit.pk}/transitions/submit_defence/', {'on': '2026-03-09'},
                     format='json')
    template = client.get(reverse('litigation:lawsuit_import'), {'template': '1'})
    if role in WRITERS:
        assert created.status_code == 201 and moved.status_code == 200 and template.status_code == 200
        assert AuditEntry.objects.filter(action='create', actor_name=role, object_type='litigation.lawsuit').exists()
    else:
        assert created.status_code == 403 and moved.status_code in (403, 404) and template.status_code == 403
        assert Lawsuit.objects.get(pk=suit.pk).state == 'received'


def test_unit_officer_replies_to_its_own_judicial_suggestions_only(district, ledger, client):
    client.force_login(district.users['unit_officer'])
    own = JudicialSuggestion.objects.get(lawsuit=ledger['market'])
    other = JudicialSuggestion.objects.get(lawsuit=ledger['other'])
    data = {'lawsuit': own.lawsuit_id, 'received_on': '2026-05-01', 'content': own.content,
            'replied_on': '2026-05-20', 'reply_summary': '已组织执法人员培训并修订执法文书'}
    assert client.post(reverse('litigation:suggestion_edit', args=[own.pk]), data).status_code == 302
    data['lawsuit'] = other.lawsuit_id
    assert client.post(reverse('litigation:suggestion_edit', args=[other.pk]), data).status_code == 403
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.replied_on is not None and other.replied_on is None
    assert AuditEntry.objects.filter(action='update', actor_name='unit_officer',
                                     object_type='litigation.judicialsuggestion').count() == 1


def test_public_sees_nothing_of_litigation(ledger, client):
    api = APIClient()
    for path in ('/api/litigation/lawsuits/', '/api/litigation/hearings/', '/api/litigation/suggestions/',
                 '/api/litigation/figures/'):
        assert api.get(path).status_code in (401, 403)
    assert client.get(reverse('litigation:lawsuit_list')).status_code == 302
