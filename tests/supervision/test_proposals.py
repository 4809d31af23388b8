"""Proposals and motions: statutory reply limits, the reply with its A/B/C/D category, the proposer's opinion and
re-handling when dissatisfied — on the page and through the API, with the same gates."""
from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.supervision.models import Proposal


def proposal(district, kind='npc', is_complex=False, number='0001'):
    with acting_as(None, label='system:test'):
        return services.create(Proposal(unit=district.market, kind=kind, year=2025, number=number,
                                        title='关于增设便民菜店的建议', proposer='王某', is_complex=is_complex,
                                        assigned_on=dt.date(2025, 3, 20)))


@pytest.mark.parametrize('kind,is_complex,due', [('npc', False, '2025-06-20'), ('npc', True, '2025-09-22'),
                                                 ('cppcc', False, '2025-06-20')])
def test_reply_limits_come_from_the_deadline_engine(district, kind, is_complex, due):
    assert str(proposal(district, kind, is_complex).due_on) == due  # 6 months ends on a Saturday: next working day


def test_reply_feedback_and_re_handling_on_the_pages(district, client):
    obj = proposal(district)
    client.force_login(district.users['unit_officer'])
    assert client.post(f'/supervision/proposals/{obj.pk}/do/sign/', {'on': '2025-03-21'}).status_code == 302
    refused = client.post(f'/supervision/proposals/{obj.pk}/do/reply/', {'on': '2025-05-10', 'reply_summary': 'x'})
    assert refused.status_code == 400 and '请选择答复类别' in refused.content.decode()
    client.post(f'/supervision/proposals/{obj.pk}/do/reply/',
                {'on': '2025-05-10', 'reply_category': 'B', 'reply_summary': '已列入明年计划', 'met_proposer': 'on'})
    obj.refresh_from_db()
    assert (obj.state, obj.reply_category, obj.on_time, obj.met_proposer) == ('replied', 'B', True, True)
    assert client.post(f'/supervision/proposals/{obj.pk}/do/feedback/',
                       {'on': '2025-05-20', 'satisfaction': 'dissatisfied'}).status_code == 403
    client.force_login(district.users['district_admin'])
    client.post(f'/supervision/proposals/{obj.pk}/do/feedback/', {'on': '2025-05-20', 'satisfaction': 'dissatisfied'})
    obj.refresh_from_db()
    assert obj.state == 'redo' and obj.redo_due_on == dt.date(2025, 8, 20)
    page = client.get(f'/supervision/proposals/{obj.pk}/').content.decode()
    assert '登记代表委员意见' in page and '重新办理' in page


def test_late_reply_is_not_on_time_and_open_overdue_ones_are_listed(district, client):
    late, waiting = proposal(district, number='0001'), proposal(district, number='0002')
    client.force_login(district.users['district_admin'])
    client.post(f'/supervision/proposals/{late.pk}/do/reply/',
                {'on': '2025-07-01', 'reply_category': 'A', 'reply_summary': '已解决'})
    late.refresh_from_db()
    assert late.on_time is False
    overdue = client.get('/supervision/proposals/', {'due': 'overdue'}).context['object_list']
    assert list(overdue) == [waiting]


def test_transition_through_the_api_with_the_same_gates(district):
    obj = proposal(district)
    api = APIClient()
    api.force_authenticate(district.users['unit_officer'])
    response = api.post(f'/api/supervision/proposals/{obj.pk}/transition/',
                        {'name': 'reply', 'on': '2025-04-01', 'data': {'reply_summary': '已答复'}}, format='json')
    assert response.status_code == 400
    response = api.post(f'/api/supervision/proposals/{obj.pk}/transition/',
                        {'name': 'reply', 'on': '2025-04-01',
                         'data': {'reply_category': 'A', 'reply_summary': '已答复'}}, format='json')
    assert response.status_code == 200 and response.json()['state'] == 'replied'
    api.force_authenticate(district.users['street_officer'])
    assert api.post(f'/api/supervision/proposals/{obj.pk}/transition/', {'name': 'close'},
                    format='json').status_code == 404
