"""A review request from submission to opinion, by API and by pages; the gates and roles of each step."""
from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from fazhi.core.models import AuditEntry, WorkflowEvent
from fazhi.legality.models import ReviewRequest

from .access_kit import api_client
from .helpers import review


def step(user, obj, name, **data):
    on = data.pop('on', '2025-03-05')
    return api_client(user).post(f'/api/legality/reviews/{obj.pk}/transition/',
                                 {'name': name, 'on': on, 'data': data}, format='json')


def test_review_from_submission_to_opinion_by_api(district):
    officer, reviewer = district.users['unit_officer'], district.users['legality_reviewer']
    created = api_client(officer).post('/api/legality/reviews/', {
        'unit': district.market.pk, 'matter_type': 'agreement', 'title': '食品安全社会共治合作协议', 'is_major': True,
        'received_on': '2025-03-03'}, format='json').json()
    obj = ReviewRequest.objects.get(pk=created['id'])
    assert obj.due_on == dt.date(2025, 3, 12)  # 7 working days after Monday 3 March
    assert step(officer, obj, 'assign', reviewer=reviewer.pk).status_code == 403  # units do not assign
    assert step(reviewer, obj, 'assign', reviewer=reviewer.pk).status_code == 200
    refused = step(reviewer, obj, 'conclude', outcome='passed_with_changes', opinion='第八条需修改', suggestion_count=0)
    assert refused.status_code == 409 and '至少一条意见建议' in refused.json()['detail']
    done = step(reviewer, obj, 'conclude', on='2025-03-10', outcome='passed_with_changes',
                opinion='第八条违约责任不明确，建议补充。', suggestion_count=2)
    assert done.status_code == 200
    body = done.json()
    assert body['state'] == 'concluded' and body['suggestion_count'] == 2 and body['on_time'] is True
    assert [e.label for e in WorkflowEvent.objects.filter(object_id=obj.pk).order_by('id')] == ['分派审查员', '出具审查意见']
    assert AuditEntry.objects.filter(object_type='legality.reviewrequest', object_id=str(obj.pk),
                                     message__startswith='出具审查意见').exists()


def test_workflow_fields_cannot_be_written_directly_and_concluded_requests_are_locked(district):
    obj = review(district.market)
    api = api_client(district.users['unit_officer'])
    api.patch(f'/api/legality/reviews/{obj.pk}/', {'outcome': 'passed', 'state': 'concluded',
                                                   'suggestion_count': 9}, format='json')
    obj.refresh_from_db()
    assert obj.state == 'submitted' and obj.outcome == '' and obj.suggestion_count == 0
    reviewer = district.users['legality_reviewer']
    step(reviewer, obj, 'assign', reviewer=reviewer.pk)
    step(reviewer, obj, 'conclude', outcome='passed', opinion='合法')
    response = api.patch(f'/api/legality/reviews/{obj.pk}/', {'title': '改名'}, format='json')
    assert response.status_code == 400 and '不能修改' in str(response.json())


def test_late_opinion_is_recorded_as_not_on_time_and_a_conclusion_needs_an_assignment(district):
    obj = review(district.market, received_on=dt.date(2025, 9, 26))  # National Day holidays extend the limit
    reviewer = district.users['legality_reviewer']
    early = step(reviewer, obj, 'conclude', outcome='passed', opinion='合法')
    assert early.status_code == 409 and '当前状态为“已送审”' in early.json()['detail']
    step(reviewer, obj, 'assign', reviewer=reviewer.pk, on='2025-09-28')
    step(reviewer, obj, 'conclude', outcome='passed', opinion='合法', on='2025-10-31')
    obj.refresh_from_db()
    assert obj.due_on == dt.date(2025, 10, 13) and obj.on_time is False  # 9-28 and 10-11 are adjusted workdays


def test_assigning_someone_who_is_not_a_reviewer_is_refused(district):
    obj = review(district.market)
    response = step(district.users['district_admin'], obj, 'assign', reviewer=district.users['leader'].pk)
    assert response.status_code == 400 and '不能承办审查' in str(response.json()['errors'])


def test_review_by_pages(district, client):
    obj = review(district.market)
    reviewer = district.users['legality_reviewer']
    client.force_login(reviewer)
    detail = client.get(reverse('legality:review_detail', args=[obj.pk]))
    assert '分派审查员' in detail.content.decode() and '审查期限' in detail.content.decode()
    url = reverse('legality:review_transition', args=[obj.pk, 'assign'])
    assert client.get(url).status_code == 200
    assert client.post(url, {'on': '2025-03-04', 'reviewer': reviewer.pk}).status_code == 302
    conclude = reverse('legality:review_transition', args=[obj.pk, 'conclude'])
    refused = client.post(conclude, {'on': '2025-03-06', 'outcome': 'not_passed', 'opinion': '违法', 'suggestion_count': 0})
    assert refused.status_code == 400 and '至少一条意见建议' in refused.content.decode()
    assert client.post(conclude, {'on': '2025-03-06', 'outcome': 'not_passed', 'opinion': '无上位法依据',
                                  'suggestion_count': 1}).status_code == 302
    page = client.get(reverse('legality:review_detail', args=[obj.pk])).content.decode()
    assert '出具审查意见' in page and '不合法，不同意' in page


def test_unit_officer_sees_no_reviewer_buttons_and_is_refused_the_step(district, client):
    obj = review(district.market)
    client.force_login(district.users['unit_officer'])
    page = client.get(reverse('legality:review_detail', args=[obj.pk])).content.decode()
    assert '分派审查员' not in page and '撤回送审' in page
    response = client.post(reverse('legality:review_transition', args=[obj.pk, 'assign']),
                           {'on': '2025-03-04', 'reviewer': district.users['legality_reviewer'].pk})
    assert response.status_code == 403


@pytest.mark.parametrize('due,expected', [('overdue', {'old'}), ('soon', {'new'})])
def test_queue_filters_overdue_and_due_soon(district, client, due, expected):
    today = dt.date.today()
    old = review(district.market, title='old', received_on=today - dt.timedelta(days=40))
    new = review(district.market, title='new', received_on=today)
    ReviewRequest.objects.filter(pk=new.pk)  # due in 7 working days: not "soon" unless within 3 days
    from fazhi.core import services
    from fazhi.core.context import acting_as
    with acting_as(None):
        services.update(new, {'due_on': today + dt.timedelta(days=2)})
    client.force_login(district.users['legality_reviewer'])
    listed = client.get(reverse('legality:review_list'), {'due': due}).context['object_list']
    assert {o.title for o in listed} == expected
    assert old.due_status == 'overdue'


def test_step_form_offers_today_in_the_date_field_format_browsers_read(district, client):
    obj = review(district.market)
    client.force_login(district.users['legality_reviewer'])
    page = client.get(reverse('legality:review_transition', args=[obj.pk, 'assign'])).content.decode()
    assert f'type="date" name="on" value="{dt.date.today().isoformat()}"' in page
