"""Every role × every page and API path of report intelligence, denials included (district-wide data)."""
from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from fazhi.core.models import AuditEntry
from fazhi.core.navigation import visible_items
from fazhi.core.permissions import can
from fazhi.core.search import search
from fazhi.reports_intel.models import ReportDocument, ReportFact, ReportFinding

from .conftest import SEED_004

pytestmark = pytest.mark.django_db

VIEWERS = {'district_admin', 'legality_reviewer', 'case_officer', 'leader'}
LOADERS = {'district_admin', 'legality_reviewer'}
DELETERS = {'district_admin'}
ROLES = ['district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer', 'street_officer',
         'system_admin', 'security_admin', 'auditor']
DRAFT = '2023年，测试区共审结977件，直接纠错236件，纠错率24.2%。'.encode()


@pytest.fixture
def report(load):
    return load(SEED_004)


def _page_paths(pk):
    return ['/reports-intel/', f'/reports-intel/{pk}/', f'/reports-intel/{pk}/?export=csv',
            f'/reports-intel/{pk}/original/', '/reports-intel/benchmark/', '/reports-intel/benchmark/?export=xlsx',
            '/reports-intel/?export=xlsx']


def _api_paths(pk):
    return ['/api/reports-intel/reports/', f'/api/reports-intel/reports/{pk}/',
            f'/api/reports-intel/reports/{pk}/facts/', f'/api/reports-intel/reports/{pk}/findings/',
            f'/api/reports-intel/reports/{pk}/reconciliation/', '/api/reports-intel/facts/',
            '/api/reports-intel/benchmark/']


@pytest.mark.parametrize('role', ROLES)
def test_viewing_pages_and_api(role, district, report, client):
    client.force_login(district.users[role])
    expected = 200 if role in VIEWERS else 403
    for path in _page_paths(report.pk):
        assert client.get(path).status_code == expected, path
    api = APIClient()
    api.force_authenticate(district.users[role])
    for path in _api_paths(report.pk):
        response = api.get(path)
        assert response.status_code == expected, path
        if expected == 403:
            assert '权限' in response.json()['detail']


@pytest.mark.parametrize('role', ROLES)
def test_loading_and_checking(role, district, client, settings):
    client.force_login(district.users[role])
    allowed = role in LOADERS
    assert client.get('/reports-intel/upload/').status_code == (200 if allowed else 403)
    assert client.get('/reports-intel/check/').status_code == (200 if allowed else 403)
    response = client.post('/reports-intel/upload/', {'files': [SimpleUploadedFile('draft.txt', DRAFT)],
                                                      'region': '测试区'})
    assert response.status_code == (302 if allowed else 403)
    assert ReportDocument.objects.count() == (1 if allowed else 0)
    checked = client.post('/reports-intel/check/', {'text': DRAFT.decode()})
    assert checked.status_code == (200 if allowed else 403)
    api = APIClient()
    api.force_authenticate(district.users[role])
    uploaded = api.post('/api/reports-intel/reports/', {'file': SimpleUploadedFile('other.txt', DRAFT + b'\n')},
                        format='multipart')
    assert uploaded.status_code == (201 if allowed else 403)
    check = api.post('/api/reports-intel/check/', {'text': DRAFT.decode()}, format='json')
    assert check.status_code == (200 if allowed else 403)
    if not allowed:
        assert ReportDocument.objects.count() == 0
        assert AuditEntry.objects.filter(action='denied', actor_name=role).exists()


@pytest.mark.parametrize('role', ROLES)
def test_deleting(role, district, report, client):
    client.force_login(district.users[role])
    allowed = role in DELETERS
    response = client.post(f'/reports-intel/{report.pk}/delete/')
    assert response.status_code == (302 if allowed else 403)
    assert ReportDocument.objects.filter(pk=report.pk).exists() is not allowed


@pytest.mark.parametrize('role', ['legality_reviewer', 'leader', 'unit_officer'])
def test_deleting_through_the_api(role, district, report):
    api = APIClient()
    api.force_authenticate(district.users[role])
    assert api.delete(f'/api/reports-intel/reports/{report.pk}/').status_code == 403
    assert ReportDocument.objects.filter(pk=report.pk).exists()


def test_district_admin_deletes_through_the_api(district, report):
    api = APIClient()
    api.force_authenticate(district.users['district_admin'])
    assert api.delete(f'/api/reports-intel/reports/{report.pk}/').status_code == 204
    assert not ReportDocument.objects.exists() and not ReportFact.objects.exists()


def test_the_public_sees_nothing(report, client):
    for path in _page_paths(report.pk) + ['/reports-intel/upload/', '/reports-intel/check/']:
        assert client.get(path).status_code == 302, path  # to the login page
    assert client.post('/reports-intel/upload/', {'files': [SimpleUploadedFile('x.txt', DRAFT)]}).status_code == 302
    api = APIClient()
    for path in _api_paths(report.pk):
        assert api.get(path).status_code in (401, 403), path
    assert api.post('/api/reports-intel/check/', {'text': 'x'}, format='json').status_code in (401, 403)
    assert ReportDocument.objects.count() == 1


@pytest.mark.parametrize('role', ROLES)
def test_model_grants_navigation_and_search(role, district, report):
    user = district.users[role]
    for model in (ReportDocument, ReportFact, ReportFinding):
        assert can(user, 'view', model) is (role in VIEWERS)
        assert can(user, 'add', model) is (role in LOADERS)
        assert can(user, 'change', model) is (model is ReportDocument and role in DELETERS)
    assert can(user, 'delete', ReportDocument) is (role in DELETERS)
    assert not can(user, 'delete', ReportFact)
    labels = [i['label'] for items in visible_items(user).values() for i in items]
    assert ('报告库' in labels) is (role in VIEWERS)
    assert ('上传报告' in labels) is (role in LOADERS)
    hits = dict(search(user, '海门'))
    assert ('报告' in hits) is (role in VIEWERS)
