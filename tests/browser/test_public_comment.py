"""End to end in headless Chromium: an anonymous visitor comments on a draft decision; the responsible unit
moderates and answers it and publishes the adoption report; the visitor then sees the feedback."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.decisions.models import PublicComment
from tests.conftest import PASSWORD
from tests.decisions.helpers import consulting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username):
    page.goto(f'{live_server.url}/accounts/login/')
    page.fill('#id_username', username)
    page.fill('#id_password', PASSWORD)
    page.click('button[type=submit]')
    page.wait_for_url(f'{live_server.url}/')


def _submit_step(page, url, **fields):
    page.goto(url)
    for selector, value in fields.items():
        element = page.locator(f'#id_{selector}')
        if element.evaluate('e => e.tagName') == 'SELECT':
            element.select_option(value)
        else:
            element.fill(value)
    page.click('form button[type=submit]')
    page.wait_for_load_state()


def test_visitor_comments_and_sees_the_moderated_feedback(district, live_server, page, browser):
    decision = consulting(district, unit=district.street, title='东湖街道口袋公园建设方案')
    public_url = f'{live_server.url}/public/decisions/{decision.pk}/'

    page.goto(f'{live_server.url}/public/decisions/')
    page.click('#open-consultations a')
    assert page.locator('#decision-title').inner_text() == '东湖街道口袋公园建设方案'
    page.fill('#id_author_name', '王女士')
    page.fill('#id_content', '建议增加儿童游乐设施和遮阳座椅。')
    page.click('#comment-form button[type=submit]')
    assert '您的意见已提交' in page.locator('main > .alert-success').first.inner_text()
    assert '儿童游乐设施' not in page.locator('#public-comments').inner_text()  # waits for moderation
    comment = PublicComment.objects.get()
    assert comment.moderation == 'pending'

    staff = browser.new_context(locale='zh-CN', viewport={'width': 390, 'height': 844}).new_page()
    _login(staff, live_server, 'street_officer')
    _submit_step(staff, f'{live_server.url}/decisions/comments/{comment.pk}/moderate/', moderation='approved')
    _submit_step(staff, f'{live_server.url}/decisions/comments/{comment.pk}/dispose/', disposition='partly',
                 disposition_reason='儿童游乐设施已纳入设计，遮阳座椅将在二期实施。')
    after = (decision.comment_closes_on + dt.timedelta(days=1)).isoformat()
    _submit_step(staff, f'{live_server.url}/decisions/items/{decision.pk}/do/close_comment/', on=after)
    _submit_step(staff, f'{live_server.url}/decisions/items/{decision.pk}/do/publish_feedback/', on=after)
    assert '意见采纳情况反馈' in staff.content()

    page.goto(public_url)
    comments = page.locator('#public-comments').inner_text()
    assert '建议增加儿童游乐设施和遮阳座椅' in comments and '王女士' in comments
    feedback = page.locator('#public-comments .feedback').inner_text()
    assert '部分采纳' in feedback and '遮阳座椅将在二期实施' in feedback
    assert '部分采纳1条' in page.locator('#feedback-report').inner_text()
    assert '我要提意见' not in page.content()  # the consultation has ended
