"""Role × path checks shared by the legal-affairs tests: list page, API, CSV export and search show exactly
the records of the role's scope; denied roles get 403 (logged in) or the login page (public)."""
from __future__ import annotations

from typing import Any

from rest_framework.test import APIClient

ROLES = ['district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer', 'street_officer',
         'system_admin', 'security_admin', 'auditor']
READ_ALL = {'district_admin', 'legality_reviewer', 'case_officer', 'leader'}
UNIT_SCOPED = {'unit_officer', 'street_officer'}


def scope_of(role: str) -> str:
    return 'all' if role in READ_ALL else 'own' if role in UNIT_SCOPED else 'none'


def expected_ids(model: Any, district: Any, role: str, unit_path: str = 'unit__path') -> set[int]:
    scope = scope_of(role)
    if scope == 'none':
        return set()
    qs = model._default_manager.all()
    if scope == 'own':
        qs = qs.filter(**{f'{unit_path}__startswith': district.users[role].unit.path})
    return set(qs.values_list('pk', flat=True))


def api_client(user: Any) -> APIClient:
    api = APIClient()
    if user is not None:
        api.force_authenticate(user)
    return api


def assert_scope(client: Any, user: Any, *, page_url: str, api_url: str, expected: set[int] | None,
                 search: tuple[str, str] | None = None) -> None:
    """expected None: the role is denied on every path."""
    client.force_login(user)
    page = client.get(page_url)
    response = api_client(user).get(api_url, {'limit': 1000})
    export = client.get(page_url, {'export': 'csv'})
    if expected is None:
        assert page.status_code == 403 and '没有权限' in page.content.decode()
        assert response.status_code == 403 and export.status_code == 403
        return
    assert page.status_code == 200
    assert {o.pk for o in page.context['object_list']} == expected
    assert response.status_code == 200
    assert {row['id'] for row in response.json()['results']} == expected
    csv_text = b''.join(export.streaming_content).decode('utf-8-sig')
    assert len(csv_text.strip().splitlines()) == len(expected) + 1
    if search:
        term, group = search
        found = client.get('/search/', {'q': term}).context['results']
        assert {h.pk for name, objs in found if name == group for h in objs} == expected
