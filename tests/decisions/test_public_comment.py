"""The public comment page: submission only while the consultation is open, moderation before display,
dispositions shown once the adoption report is published, comment counts, audit entries."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from fazhi.core.context import acting_as
from fazhi.core.models import AuditEntry
from fazhi.core.workflow import apply
from fazhi.decisions.models import PublicComment
from tests.legality.access_kit import api_client

from .helpers import consulting


def test_visitor_submits_a_comment_that_waits_for_moderation(district, client):
    d = consulting(district)
    url = reverse('public_decision_detail', args=[d.pk])
    page = client.get(url)
    assert page.status_code == 200 and '我要提意见' in page.content.decode()
    response = client.post(url, {'author_name': '张先生', 'contact': '13800000000', 'content': '建议在小区增设分类指导员。'})
    assert response.status_code == 302
    stored = PublicComment.objects.get()
    assert stored.moderation == 'pending' and stored.contact == '13800000000' and stored.submitted_on == dt.date.today()
    entry = AuditEntry.objects.get(object_type='decisions.publiccomment', action='create')
    assert entry.actor_name == 'public' and entry.ip == '127.0.0.1' and '政务公开页面' in entry.message
    again = client.get(url).content.decode()
    assert '建议在小区增设分类指导员' not in again and '共收到 <span id="count-received">1</span> 条' in again


def test_invalid_and_robot_submissions_are_not_stored(district, client):
    d = consulting(district)
    url = reverse('public_decision_detail', args=[d.pk])
    short = client.post(url, {'content': '好'})
    assert short.status_code == 400 and '至少5个字' in short.content.decode()
    robot = client.post(url, {'content': '这是一条机器提交的广告内容', 'website': 'http://spam.example'})
    assert robot.status_code == 400
    assert not PublicComment.objects.exists()


def test_no_comments_before_or_after_the_period(district, client):
    d = consulting(district, opens=dt.date.today() - dt.timedelta(days=60))
    response = client.post(reverse('public_decision_detail', args=[d.pk]), {'content': '征求意见期满后才提交的意见'})
    assert response.status_code == 400 and '征求意见已结束' in response.content.decode()
    assert not PublicComment.objects.exists()


def test_feedback_appears_after_moderation_disposition_and_report(district, client):
    d = consulting(district, unit=district.street)
    url = reverse('public_decision_detail', args=[d.pk])
    client.post(url, {'content': '建议增加夜间照明设施。'})
    client.post(url, {'content': '广告：低价出售二手车。'})
    good, spam = PublicComment.objects.order_by('id')
    street = api_client(district.users['street_officer'])
    street.patch(f'/api/decisions/comments/{good.pk}/', {'moderation': 'approved'}, format='json')
    street.patch(f'/api/decisions/comments/{spam.pk}/', {'moderation': 'rejected', 'moderation_reason': '广告'},
                 format='json')
    shown = client.get(url).content.decode()
    assert '建议增加夜间照明设施' in shown and '低价出售' not in shown and '已调整' not in shown
    street.patch(f'/api/decisions/comments/{good.pk}/', {'disposition': 'adopted', 'disposition_reason': '已调整照明方案'},
                 format='json')
    assert '已调整照明方案' not in client.get(url).content.decode()  # shown with the adoption report
    after = d.comment_closes_on + dt.timedelta(days=1)
    with acting_as(district.users['street_officer']):
        apply(d, 'close_comment', on=after, step_on=after)
        d.refresh_from_db()
        apply(d, 'publish_feedback', on=after)
    page = client.get(url)
    text = page.content.decode()
    assert '已调整照明方案' in text and '采纳 1 条' in text and 'id="feedback-report"' in text
    assert page.context['counts'] == {'received': 2, 'approved': 1, 'rejected': 1, 'unmoderated': 0, 'adopted': 1,
                                      'partly': 0, 'not_adopted': 0, 'undisposed': 0}
    locked = street.patch(f'/api/decisions/comments/{good.pk}/', {'disposition': 'not_adopted',
                                                                  'disposition_reason': '改主意'}, format='json')
    assert locked.status_code == 400


def test_portal_index_lists_open_consultations_and_catalogues(district, client):
    d = consulting(district, title='口袋公园建设三年行动计划')
    index = client.get(reverse('public_decision_index'))
    assert [x.pk for x in index.context['open']] == [d.pk]
    catalogue = client.get(reverse('public_decision_catalogue', args=[d.catalogue_id])).content.decode()
    assert '口袋公园建设三年行动计划' in catalogue and '区市场监督管理局' in catalogue
