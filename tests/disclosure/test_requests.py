"""The 20-working-day reply limit (deadline engine): holidays and 调休, a correction restarting the clock,
third-party consultation not counted, one extension of 20 working days; on-time replies."""
from __future__ import annotations

import datetime as dt

from rest_framework.test import APIClient

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.disclosure.models import DisclosureItem, DisclosureRequest


def request(district, received=dt.date(2025, 9, 26), number='YSQ-1'):
    with acting_as(None, label='system:test'):
        return services.create(DisclosureRequest(unit=district.market, request_no=number, applicant_name='张某',
                                                 content='申请公开某项目批复', received_on=received))


def step(client, obj, name, on, **data):
    return client.post(f'/disclosure/requests/{obj.pk}/do/{name}/', {'on': on, **data})


def test_twenty_working_days_across_the_national_day_holiday(district, client):
    obj = request(district)
    assert obj.due_on == dt.date(2025, 10, 30)  # 9/28 and 10/11 are working days, 10/1–10/8 are not
    client.force_login(district.users['unit_officer'])
    page = client.get(f'/disclosure/requests/{obj.pk}/').content.decode()
    assert '2025-10-30' in page and '政府信息公开条例' in page


def test_correction_restarts_the_clock(district, client):
    obj = request(district, received=dt.date(2025, 3, 3))
    client.force_login(district.users['unit_officer'])
    step(client, obj, 'request_correction', '2025-03-05')
    obj.refresh_from_db()
    assert obj.state == 'correcting' and obj.due_on is None
    step(client, obj, 'receive_correction', '2025-03-14')
    obj.refresh_from_db()
    assert obj.state == 'received' and obj.due_on == dt.date(2025, 4, 14)  # 清明 4/4 is a holiday


def test_consultation_is_not_counted_and_extension_adds_twenty_working_days(district, client):
    obj = request(district)
    client.force_login(district.users['unit_officer'])
    step(client, obj, 'consult', '2025-10-13')
    step(client, obj, 'consulted', '2025-10-20')
    obj.refresh_from_db()
    assert obj.due_on == dt.date(2025, 11, 6)
    step(client, obj, 'extend', '2025-10-31')
    obj.refresh_from_db()
    assert obj.due_on == dt.date(2025, 12, 4)
    again = step(client, obj, 'extend', '2025-11-03')
    assert again.status_code == 400 and '已经延长过一次' in again.content.decode()


def test_reply_on_time_and_late(district, client):
    on_time, late = request(district, number='A'), request(district, number='B')
    client.force_login(district.users['unit_officer'])
    refused = step(client, on_time, 'reply', '2025-10-20')
    assert refused.status_code == 400 and '请选择答复类型' in refused.content.decode()
    step(client, on_time, 'reply', '2025-10-30', outcome='disclosed')
    step(client, late, 'reply', '2025-10-31', outcome='not_exist')
    on_time.refresh_from_db()
    late.refresh_from_db()
    assert (on_time.state, on_time.on_time, late.on_time) == ('replied', True, False)
    listed = client.get('/disclosure/requests/', {'on_time': 'False'}).context['object_list']
    assert list(listed) == [late]


def test_overdue_queue_and_api(district, client):
    obj = request(district, received=dt.date(2025, 1, 6))
    client.force_login(district.users['district_admin'])
    assert list(client.get('/disclosure/requests/', {'due': 'overdue'}).context['object_list']) == [obj]
    api = APIClient()
    api.force_authenticate(district.users['unit_officer'])
    response = api.post(f'/api/disclosure/requests/{obj.pk}/transition/',
                        {'name': 'reply', 'on': '2025-01-20', 'data': {'outcome': 'partial'}}, format='json')
    assert response.status_code == 200 and response.json()['on_time'] is True


def test_proactive_items_are_due_twenty_working_days_after_they_are_formed(district):
    with acting_as(None, label='system:test'):
        item = services.create(DisclosureItem(unit=district.market, title='2025年部门预算', category='budget',
                                              formed_on=dt.date(2025, 9, 26), published_on=dt.date(2025, 10, 31)))
    assert item.due_on == dt.date(2025, 10, 30) and item.on_time is False
