"""Due dates explain themselves on the page and in the API; administrators enter a year's schedule."""
from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from fazhi.core import calendar_service
from fazhi.core.models import AuditEntry, HolidayDay, HolidayYear


@pytest.fixture(autouse=True)
def _fresh_calendar():
    calendar_service.invalidate()
    yield
    calendar_service.invalidate()


def test_deadline_page_explains_a_span_over_spring_festival(district, client):
    client.force_login(district.users['case_officer'])
    response = client.get('/deadlines/', {'rule': 'reconsideration.acceptance_review', 'start': '2026-02-12'})
    assert response.status_code == 200
    text = response.content.decode()
    assert '行政复议法' in text and '春节' in text
    assert response.context['due'].due.isoformat() == '2026-02-26'


def test_deadline_api_returns_rule_basis_and_day_by_day_count(district):
    api = APIClient()
    api.force_authenticate(district.users['unit_officer'])
    data = api.get('/api/deadlines/', {'rule': 'reconsideration.decision', 'start': '2026-09-01'}).json()
    assert data['due'] == '2026-11-02'  # 60 days end on Sat 10-31 → next working day
    assert '第六十二条' in data['rule']['legal_basis']
    assert data['provisional'] is False
    assert any('国庆' in str(step) for step in data['steps'])


def test_malformed_date_gets_a_chinese_error_and_400(district, client):
    client.force_login(district.users['case_officer'])
    assert client.get('/deadlines/', {'rule': 'reconsideration.acceptance_review', 'start': '2026-13-45'}
                      ).status_code == 400
    api = APIClient()
    api.force_authenticate(district.users['case_officer'])
    response = api.get('/api/deadlines/', {'rule': 'reconsideration.acceptance_review', 'start': '2026/02/30'})
    assert response.status_code == 400 and '日期格式不正确' in str(response.json())
    assert api.get('/api/deadlines/', {'rule': 'nope', 'start': '2026-01-05'}).status_code == 400


def test_unpublished_year_is_provisional_until_an_administrator_enters_it(district, client):
    api = APIClient()
    api.force_authenticate(district.users['district_admin'])
    before = api.get('/api/deadlines/', {'rule': 'disclosure.reply', 'start': '2027-01-25'}).json()
    assert before['provisional'] is True
    client.force_login(district.users['district_admin'])
    response = client.post('/calendar/?year=2027', {
        'year': 2027, 'notice': '国务院办公厅关于2027年部分节假日安排的通知',
        'days': '2027-02-06 至 2027-02-12 春节 放假\n2027-02-13 春节 上班\n2027-01-01 元旦 放假'})
    assert response.status_code == 302
    assert HolidayDay.objects.filter(schedule__year=2027).count() == 9
    after = api.get('/api/deadlines/', {'rule': 'disclosure.reply', 'start': '2027-01-25'}).json()
    assert after['provisional'] is False
    assert after['due'] != before['due']  # the entered Spring Festival moves the 20-working-day limit
    assert AuditEntry.objects.filter(object_type='core.holidayyear', action='create').exists()


def test_bad_schedule_line_is_rejected_naming_the_line(district, client):
    client.force_login(district.users['district_admin'])
    response = client.post('/calendar/?year=2027', {'year': 2027, 'notice': 'x', 'days': '2027-02-06 春节 放假\n春节'})
    assert response.status_code == 200 and '第2行' in response.content.decode()
    assert not HolidayYear.objects.filter(year=2027).exists()


def test_unit_officer_cannot_enter_a_schedule(district, client):
    client.force_login(district.users['unit_officer'])
    response = client.post('/calendar/', {'year': 2027, 'notice': 'x', 'days': '2027-02-06 春节 放假'})
    assert response.status_code == 403
    assert not HolidayYear.objects.exists()
