"""An inherited access suite for the hand-managed ledgers: each role × page, API, export, search, detail; forged
units refused and audited; unit officers writing in their own subtree; read-only roles refused."""
from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry

from .kit import ROLES

ALL = ('district_admin', 'legality_reviewer', 'case_officer', 'leader')
NONE = ('system_admin', 'security_admin', 'auditor')


class LedgerAccessSuite:
    """Subclasses name the model, its URLs and how to make a record; the tests are inherited."""
    model: Any = None
    list_url: str = ''
    detail_url: str = ''  # URL name taking the pk
    add_url: str = ''
    api_url: str = ''
    search_term: str = ''
    unit_officer_adds = True

    def make(self, unit: Any, index: int) -> Any:
        raise NotImplementedError

    def form_data(self, unit: Any, variant: int = 1) -> dict[str, Any]:
        """Valid form data; records of different `variant`s do not collide on unique fields."""
        raise NotImplementedError

    @pytest.fixture
    def records(self, district: Any) -> dict[str, Any]:
        with acting_as(None, label='system:test'):
            return {'market': services.create(self.make(district.market, 1)),
                    'office': services.create(self.make(district.market_office, 2)),
                    'other': services.create(self.make(district.other_street, 3))}

    def expected(self, district: Any, records: dict[str, Any], role: str) -> set[int]:
        if role in ALL:
            return {r.pk for r in records.values()}
        if role in NONE:
            return set()
        unit = district.users[role].unit
        return {r.pk for r in records.values() if r.unit.path.startswith(unit.path)}

    @pytest.mark.parametrize('role', ROLES)
    def test_list_api_export_and_search_show_exactly_the_scope(self, district, records, client, role):
        client.force_login(district.users[role])
        expected = self.expected(district, records, role)
        page = client.get(reverse(self.list_url))
        api = APIClient()
        api.force_authenticate(district.users[role])
        response = api.get(self.api_url, {'limit': 500})
        export = client.get(reverse(self.list_url), {'export': 'csv'})
        if role in NONE:
            assert page.status_code == 403 and response.status_code == 403 and export.status_code == 403
            return
        assert {o.pk for o in page.context['object_list']} == expected
        assert {r['id'] for r in response.json()['results']} == expected
        lines = b''.join(export.streaming_content).decode('utf-8-sig').strip().splitlines()
        assert len(lines) == len(expected) + 1
        found = client.get(reverse('search'), {'q': self.search_term}).context['results']
        hits = {h.pk for name, objs in found if name == self.model._meta.verbose_name for h in objs}
        assert hits == expected

    @pytest.mark.parametrize('role', ROLES)
    def test_detail_of_another_units_record(self, district, records, client, role):
        client.force_login(district.users[role])
        other = records['other']
        page = client.get(reverse(self.detail_url, args=[other.pk]))
        api = APIClient()
        api.force_authenticate(district.users[role])
        response = api.get(f'{self.api_url}{other.pk}/')
        if role in ALL:
            assert page.status_code == 200 and response.status_code == 200
        else:
            assert page.status_code == 403 and response.status_code in (403, 404)

    def test_forged_unit_in_form_is_refused_audited_and_nothing_saved(self, district, records, client):
        client.force_login(district.users['unit_officer'])
        count = self.model.objects.count()
        response = client.post(reverse(self.add_url), self.form_data(district.other_street))
        assert response.status_code == 403 and '没有权限' in response.content.decode()
        assert self.model.objects.count() == count
        if self.unit_officer_adds:
            assert AuditEntry.objects.filter(action='denied', actor_name='unit_officer').exists()

    def test_unit_officer_creates_in_own_subtree_via_form_and_api(self, district, records, client):
        client.force_login(district.users['unit_officer'])
        response = client.post(reverse(self.add_url), self.form_data(district.market_office))
        api = APIClient()
        api.force_authenticate(district.users['unit_officer'])
        data = self.form_data(district.market, variant=2)
        api_response = api.post(self.api_url, {k: v for k, v in data.items() if v != ''}, format='json')
        if not self.unit_officer_adds:
            assert response.status_code == 403 and api_response.status_code == 403
            return
        assert response.status_code == 302, response.content.decode()[-3000:]
        assert api_response.status_code == 201, api_response.json()
        label = self.model._meta.label_lower
        assert AuditEntry.objects.filter(action='create', actor_name='unit_officer', object_type=label).count() == 2

    def test_district_admin_enters_records_by_hand(self, district, client):
        client.force_login(district.users['district_admin'])
        response = client.post(reverse(self.add_url), self.form_data(district.street))
        assert response.status_code == 302, response.content.decode()[-3000:]
        obj = self.model.objects.get()
        assert obj.unit == district.street and response['Location'] == obj.get_absolute_url()
        assert client.get(obj.get_absolute_url()).status_code == 200

    @pytest.mark.parametrize('role', ['leader', 'legality_reviewer', 'auditor'])
    def test_read_only_roles_cannot_write(self, district, role):
        api = APIClient()
        api.force_authenticate(district.users[role])
        assert api.post(self.api_url, self.form_data(district.market), format='json').status_code == 403

    def test_public_sees_nothing(self, records, client):
        response = client.get(reverse(self.list_url))
        assert response.status_code == 302 and '/accounts/login/' in response['Location']
        assert APIClient().get(self.api_url).status_code in (401, 403)
