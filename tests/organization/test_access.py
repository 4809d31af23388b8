"""Each role against each path — pages, API, exports, search — including the denials."""
from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from fazhi.core.models import AuditEntry
from fazhi.organization.models import Liaison

ROLES = ['district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer', 'street_officer',
         'system_admin', 'security_admin', 'auditor']
# What each role sees of the liaison ledger: 'all' units, its 'own' subtree, or 'none'.
LIAISON_SCOPE = {'district_admin': 'all', 'legality_reviewer': 'all', 'case_officer': 'all', 'leader': 'all',
                 'unit_officer': 'own', 'street_officer': 'own', 'system_admin': 'none', 'security_admin': 'none',
                 'auditor': 'none'}


def _expected_liaisons(district, role):
    scope = LIAISON_SCOPE[role]
    if scope == 'all':
        return set(Liaison.objects.values_list('pk', flat=True))
    if scope == 'none':
        return set()
    unit = district.users[role].unit
    return set(Liaison.objects.filter(unit__path__startswith=unit.path).values_list('pk', flat=True))


@pytest.mark.parametrize('role', ROLES)
def test_liaison_list_page_api_export_and_search_show_exactly_the_scope(district, client, role):
    user = district.users[role]
    client.force_login(user)
    expected = _expected_liaisons(district, role)
    page = client.get(reverse('organization:liaison_list'))
    api = APIClient()
    api.force_authenticate(user)
    response = api.get('/api/organization/liaisons/', {'limit': 500})
    export = client.get(reverse('organization:liaison_list'), {'export': 'csv'})
    if LIAISON_SCOPE[role] == 'none':
        assert page.status_code == 403 and '没有权限' in page.content.decode()
        assert response.status_code == 403
        assert export.status_code == 403
        return
    assert page.status_code == 200
    assert {o.pk for o in page.context['object_list']} == expected
    assert response.status_code == 200
    assert {row['id'] for row in response.json()['results']} == expected
    csv_text = b''.join(export.streaming_content).decode('utf-8-sig')
    assert len(csv_text.strip().splitlines()) == len(expected) + 1
    found = client.get(reverse('search'), {'q': '联络员'}).context['results']
    hits = {h.pk for name, objs in found if name == '法治工作联络员' for h in objs}
    assert hits == expected


@pytest.mark.parametrize('role', ROLES)
def test_detail_of_another_units_record(district, client, role):
    user = district.users[role]
    client.force_login(user)
    other = Liaison.objects.get(unit=district.other_street)
    page = client.get(reverse('organization:liaison_detail', args=[other.pk]))
    api = APIClient()
    api.force_authenticate(user)
    response = api.get(f'/api/organization/liaisons/{other.pk}/')
    if LIAISON_SCOPE[role] == 'all':
        assert page.status_code == 200 and response.status_code == 200
    else:
        assert page.status_code == 403
        assert response.status_code in (403, 404)


def test_unit_officer_sees_only_own_subtree_of_units(district, client):
    client.force_login(district.users['unit_officer'])
    units = {u.code for u in client.get(reverse('organization:unit_list')).context['object_list']}
    assert units == {'T-D2', 'T-D2-1'}
    assert client.get(reverse('organization:unit_detail', args=[district.street.pk])).status_code == 403
    assert client.get(reverse('organization:unit_detail', args=[district.market_office.pk])).status_code == 200


def test_forged_unit_in_form_is_refused_audited_and_nothing_saved(district, client):
    officer = district.users['unit_officer']
    client.force_login(officer)
    count = Liaison.objects.count()
    response = client.post(reverse('organization:liaison_add'),
                           {'unit': district.other_street.pk, 'name': '伪造', 'phone': '1'})
    assert response.status_code == 403
    assert '没有权限' in response.content.decode()
    assert Liaison.objects.count() == count
    denied = AuditEntry.objects.filter(action='denied', actor_name='unit_officer').latest('seq')
    assert denied.after['unit_id'] == district.other_street.pk


def test_forged_unit_in_api_body_is_refused_audited_and_nothing_saved(district):
    api = APIClient()
    api.force_authenticate(district.users['unit_officer'])
    count = Liaison.objects.count()
    response = api.post('/api/organization/liaisons/', {'unit': district.other_street.pk, 'name': '伪造'},
                        format='json')
    assert response.status_code == 403
    assert '没有权限' in response.json()['detail']
    assert Liaison.objects.count() == count
    assert AuditEntry.objects.filter(action='denied', actor_name='unit_officer').exists()


def test_moving_own_record_to_another_unit_is_refused(district):
    api = APIClient()
    api.force_authenticate(district.users['unit_officer'])
    own = Liaison.objects.get(unit=district.market)
    response = api.patch(f'/api/organization/liaisons/{own.pk}/', {'unit': district.street.pk}, format='json')
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.unit == district.market


def test_unit_officer_creates_in_own_subtree_via_form_and_api(district, client):
    client.force_login(district.users['unit_officer'])
    response = client.post(reverse('organization:liaison_add'),
                           {'unit': district.market_office.pk, 'name': '合法新增', 'phone': '1'})
    assert response.status_code == 302
    api = APIClient()
    api.force_authenticate(district.users['unit_officer'])
    assert api.post('/api/organization/liaisons/', {'unit': district.market.pk, 'name': 'API新增'},
                    format='json').status_code == 201
    assert AuditEntry.objects.filter(action='create', actor_name='unit_officer').count() == 2


@pytest.mark.parametrize('role', ['leader', 'legality_reviewer', 'auditor'])
def test_read_only_roles_cannot_write(district, role):
    api = APIClient()
    api.force_authenticate(district.users[role])
    response = api.post('/api/organization/liaisons/', {'unit': district.market.pk, 'name': 'x'}, format='json')
    assert response.status_code == 403


def test_public_sees_nothing_internal(district, client):
    for name in ('organization:unit_list', 'organization:liaison_list', 'organization:user_list', 'audit_list'):
        response = client.get(reverse(name))
        assert response.status_code == 302 and '/accounts/login/' in response['Location']
    api = APIClient()
    assert api.get('/api/organization/liaisons/').status_code in (401, 403)
    assert api.get('/api/audit-entries/').status_code in (401, 403)


@pytest.mark.parametrize('role,allowed', [(r, r == 'auditor') for r in ROLES])
def test_only_the_auditor_reads_the_audit_trail(district, client, role, allowed):
    client.force_login(district.users[role])
    assert (client.get(reverse('audit_list')).status_code == 200) == allowed
    assert (client.get(reverse('audit_verify')).status_code == 200) == allowed
    api = APIClient()
    api.force_authenticate(district.users[role])
    assert (api.get('/api/audit-entries/').status_code == 200) == allowed


@pytest.mark.parametrize('role,allowed', [(r, r in ('system_admin', 'security_admin')) for r in ROLES])
def test_only_system_and_security_admins_manage_users(district, client, role, allowed):
    client.force_login(district.users[role])
    assert (client.get(reverse('organization:user_list')).status_code == 200) == allowed


def test_separation_of_duties(district, client):
    """三员分立: the system admin creates accounts but cannot set roles; the security admin sets roles but
    not its own; neither reads the audit trail; the auditor manages no one."""
    client.force_login(district.users['system_admin'])
    response = client.post(reverse('organization:user_add'), {
        'username': 'newbie', 'full_name': '新人', 'unit': district.market.pk, 'password': 'Strong#Pass99',
        'is_active': 'on', 'role': 'district_admin'})
    assert response.status_code == 302
    from fazhi.organization.models import User
    newbie = User.objects.get(username='newbie')
    assert newbie.role == 'unit_officer'  # role is not the system admin's to choose
    client.force_login(district.users['security_admin'])
    response = client.post(reverse('organization:user_edit', args=[newbie.pk]), {'role': 'leader'})
    assert response.status_code == 302
    newbie.refresh_from_db()
    assert newbie.role == 'leader'
    own = district.users['security_admin']
    response = client.post(reverse('organization:user_edit', args=[own.pk]), {'role': 'auditor'})
    assert response.status_code == 200 and '不能修改自己的角色' in response.content.decode()
    client.force_login(district.users['auditor'])
    assert client.get(reverse('organization:user_list')).status_code == 403


def test_token_auth_expiry_and_wrong_password(district, settings):
    api = APIClient()
    bad = api.post('/api/token/', {'username': 'leader', 'password': 'wrong'}, format='json')
    assert bad.status_code == 401 and '错误' in bad.json()['detail']
    good = api.post('/api/token/', {'username': 'leader', 'password': 'Test#Pass2026'}, format='json')
    token = good.json()['token']
    api.credentials(HTTP_AUTHORIZATION=f'Token {token}')
    assert api.get('/api/organization/liaisons/').status_code == 200
    from datetime import timedelta
    from django.utils import timezone
    Token.objects.filter(key=token).update(created=timezone.now() - timedelta(days=2))
    expired = api.get('/api/organization/liaisons/')
    assert expired.status_code == 401 and '过期' in expired.json()['detail']
