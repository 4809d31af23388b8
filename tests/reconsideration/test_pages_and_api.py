"""Every path of the lifecycle through the pages and through the API, with due dates and their explanation."""
from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from fazhi.reconsideration.models import CorrectionFeedback, PublishedDecision, ReconsiderationCase

from .conftest import new_case

DECISION = ('申请人：王小明，男，身份证号码110105198503021234，住北京市朝阳区花家地北里12号楼3单元502室，'
            '电话13812345678。\n被申请人：区市场监督管理局。\n申请人王小明不服被申请人作出的罚款决定……本机关决定：撤销。')


def post_step(client, case, name, **data):
    return client.post(reverse('reconsideration:case_transition', args=[case.pk, name]), data)


def test_register_and_take_a_case_through_the_pages(district, client):
    client.force_login(district.users['case_officer'])
    response = client.post(reverse('reconsideration:case_add'), {
        'received_on': '2026-03-02', 'channel': 'online', 'applicant_names': '王小明', 'applicant_kind': 'natural',
        'respondent_unit': district.market.pk, 'act_description': '罚款5000元', 'act_type': 'penalty',
        'domain': 'market', 'decision_text': DECISION})
    assert response.status_code == 302
    case = ReconsiderationCase.objects.get()
    assert case.case_number == '云复〔2026〕0001号' and case.next_due_label == '受理审查期限'
    detail = client.get(case.get_absolute_url()).content.decode()
    assert '受理审查期限' in detail and '2026-03-09' in detail and '计数：' in detail
    assert post_step(client, case, 'accept', on='2026-03-04', procedure='ordinary').status_code == 302
    assert post_step(client, case, 'send_copy', on='2026-03-05').status_code == 302
    refused = post_step(client, case, 'send_copy', on='2026-03-06')
    assert refused.status_code == 409 and '已于2026-03-05发送申请书副本' in refused.content.decode()
    assert post_step(client, case, 'suspend', on='2026-03-10', note='等待鉴定结论').status_code == 302
    assert post_step(client, case, 'resume', on='2026-03-20').status_code == 302
    assert post_step(client, case, 'extend', on='2026-04-01', days='30', note='案情复杂').status_code == 302
    case.refresh_from_db()
    assert case.decision_due_on.isoformat() == '2026-06-12'  # 60 + 10 suspended + 30 extended
    assert post_step(client, case, 'decide', on='2026-05-20', outcome='revoke', decision_text=DECISION).status_code == 302
    case.refresh_from_db()
    assert case.state == 'concluded' and CorrectionFeedback.objects.filter(case=case).exists()
    page = client.get(case.get_absolute_url()).content.decode()
    for label in ('受理', '中止审理', '恢复审理', '延长审理期限', '作出行政复议决定'):
        assert label in page
    assert post_step(client, case, 'prepare_publication', on='2026-05-21').status_code == 302
    publication = PublishedDecision.objects.get(case=case)
    assert '110105198503021234' not in publication.redacted_text and '王某' in publication.redacted_text
    review = client.post(reverse('reconsideration:publication_edit', args=[publication.pk]),
                         {'title': publication.title, 'redacted_text': publication.redacted_text + '\n（已审核）'})
    assert review.status_code == 302
    response = client.post(reverse('reconsideration:publication_transition', args=[publication.pk, 'publish']),
                           {'on': '2026-05-22'})
    assert response.status_code == 302
    client.logout()
    public = client.get(reverse('reconsideration_public:decision_detail', args=[publication.pk])).content.decode()
    assert '（已审核）' in public and '王小明' not in public and '13812345678' not in public


def test_a_refused_step_shows_why_on_the_page(district, client):
    case = new_case(district.market)
    client.force_login(district.users['case_officer'])
    response = post_step(client, case, 'decide', on='2026-03-03', outcome='uphold')
    assert response.status_code == 409
    assert '当前状态为“待受理审查”，不能执行“作出行政复议决定”' in response.content.decode()
    future = post_step(client, case, 'accept', on='2999-01-01', procedure='ordinary')
    assert future.status_code == 400 and '日期不能晚于今天' in future.content.decode()


def test_every_path_through_the_api(district):
    api = APIClient()
    api.force_authenticate(district.users['case_officer'])
    created = api.post('/api/reconsideration/cases/', {
        'received_on': '2026-03-02', 'applicant_names': '李四', 'respondent_unit': district.street.pk,
        'act_description': '拆除违法建设决定', 'domain': 'urban', 'act_type': 'coercion'}, format='json')
    assert created.status_code == 201
    pk = created.json()['id']
    base = f'/api/reconsideration/cases/{pk}/transitions'

    def run(name, **body):
        return api.post(f'{base}/{name}/', body, format='json')

    assert run('request_correction', on='2026-03-03', note='补充身份证明').json()['state'] == 'correction'
    assert run('receive_correction', on='2026-03-05').json()['state'] == 'received'
    body = run('accept', on='2026-03-06', procedure='ordinary').json()
    assert body['state'] == 'accepted' and body['accepted_on'] == '2026-03-06'
    decision = next(d for d in body['due_dates'] if d['key'] == 'decision')
    assert decision['due'] == '2026-05-06' and '届满日：2026-05-06' in decision['explanation']
    assert {t['name'] for t in body['available_transitions']} >= {'send_copy', 'suspend', 'extend', 'decide'}
    assert run('decide', on='2026-03-07', outcome='uphold').status_code == 409
    assert run('send_copy', on='2026-03-09').status_code == 200
    assert run('receive_reply', on='2026-03-19').status_code == 200
    assert run('hold_hearing', on='2026-03-25', hearing_kind='hearing').json()['hearing_count'] == 1
    suspended = run('suspend', on='2026-03-26', note='案件涉及法律适用问题需有权机关解释').json()
    assert suspended['state'] == 'suspended' and suspended['decision_due_on'] is None
    resumed = run('resume', on='2026-04-05').json()
    assert resumed['decision_due_on'] == '2026-05-15'
    assert run('extend', on='2026-04-06', days=40, note='复杂').status_code == 400
    assert run('extend', on='2026-04-06', days=20, note='复杂').json()['decision_due_on'] == '2026-06-04'
    done = run('decide', on='2026-04-20', outcome='order_performance', decision_text='责令被申请人履行法定职责。').json()
    assert done['state'] == 'concluded' and done['is_correction'] is True
    assert [e['label'] for e in done['timeline']][-1] == '作出行政复议决定'
    assert api.post(f'{base}/nonsense/', {}, format='json').status_code == 404
    published = api.post(f'{base}/prepare_publication/', {}, format='json')
    assert published.status_code == 200
    publication = PublishedDecision.objects.get(case_id=pk)
    ok = api.post(f'/api/reconsideration/publications/{publication.pk}/transitions/publish/', {}, format='json')
    assert ok.status_code == 200 and ok.json()['status'] == 'published'
    edit = api.patch(f'/api/reconsideration/publications/{publication.pk}/', {'redacted_text': 'x'}, format='json')
    assert edit.status_code == 400


@pytest.mark.parametrize('name,kwargs', [('reject', {'note': '不属于受理范围'}), ('deem_accepted', {}),
                                         ('request_correction', {'note': '补正'})])
def test_acceptance_review_paths_by_api(district, name, kwargs):
    case = new_case(district.market, received='2026-03-02')
    api = APIClient()
    api.force_authenticate(district.users['case_officer'])
    on = '2026-03-20' if name == 'deem_accepted' else '2026-03-04'
    response = api.post(f'/api/reconsideration/cases/{case.pk}/transitions/{name}/', {'on': on, **kwargs},
                        format='json')
    assert response.status_code == 200
    assert response.json()['state'] == {'reject': 'not_accepted', 'deem_accepted': 'accepted',
                                        'request_correction': 'correction'}[name]


def test_queue_pages_and_api(district, client):
    overdue = new_case(district.market, received='2026-01-05')
    new_case(district.street, received='2026-01-06')
    client.force_login(district.users['unit_officer'])
    page = client.get(reverse('reconsideration:queue'), {'kind': 'overdue'})
    assert [e.case.pk for e in page.context['entries']] == [overdue.pk]
    assert page.context['units'][0]['unit'] == district.market
    api = APIClient()
    api.force_authenticate(district.users['case_officer'])
    rows = api.get('/api/reconsideration/cases/queue/', {'kind': 'overdue'}).json()
    assert {r['case_id'] for r in rows} == set(ReconsiderationCase.objects.values_list('pk', flat=True))
    assert rows[0]['deadline'] == '受理审查期限'
    assert api.get('/api/reconsideration/cases/queue/', {'kind': 'overdue', 'mine': '1'}).json() == []
    assert api.get('/api/reconsideration/cases/queue/', {'kind': 'nope'}).status_code == 400


def test_list_filters(district, client):
    new_case(district.market, domain='market')
    new_case(district.street, domain='urban')
    client.force_login(district.users['case_officer'])
    page = client.get(reverse('reconsideration:case_list'), {'domain': 'urban'})
    assert [c.respondent_unit for c in page.context['object_list']] == [district.street]
    page = client.get(reverse('reconsideration:case_list'), {'respondent_unit': district.market.pk,
                                                             'received_on__gte': '2026-03-01'})
    assert [c.respondent_unit for c in page.context['object_list']] == [district.market]
    assert 'f-domain' in page.content.decode()


def test_home_page_reminds_each_user_of_their_deadlines(district, client):
    from tests.litigation.conftest import new_lawsuit
    officer = district.users['case_officer']
    mine = new_case(district.market, received='2026-01-05', officer=officer)
    new_case(district.street, received='2026-01-06')
    new_lawsuit(district.market, received='2026-01-05', officer=officer)
    client.force_login(officer)
    reminders = client.get('/').context['reminders']
    assert [r['ledger'] for r in reminders] == ['行政复议', '行政应诉']
    assert str(mine) in reminders[0]['text'] and '受理审查期限' in reminders[0]['text']
    assert reminders[0]['level'] == 'danger' and '已逾期' in reminders[0]['text']
    client.force_login(district.users['street_officer'])
    texts = [r['text'] for r in client.get('/').context['reminders']]
    assert len(texts) == 1 and '西岭' not in texts[0]
    client.force_login(district.users['auditor'])
    assert client.get('/').context['reminders'] == []
    client.force_login(district.users['leader'])
    page = client.get('/').content.decode()
    assert '期限提醒' in page and page.count('list-group-item small') >= 3
