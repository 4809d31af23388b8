"""A decision from catalogue to public comment to decided to evaluated, by API and by pages; the gates."""
from __future__ import annotations

from django.urls import reverse

from fazhi.core.models import AuditEntry, WorkflowEvent
from fazhi.decisions.models import DecisionEvaluation, MajorDecision, PublicComment
from tests.legality.access_kit import api_client

from .helpers import catalogue, comment, decision, publish, record


def step(user, obj, name, on, kind='decisions', **data):
    return api_client(user).post(f'/api/decisions/{kind}/{obj.pk}/transition/', {'name': name, 'on': on, 'data': data},
                                 format='json')


def concluded_review(district, d):
    """The legality review of the decision, requested by the unit and concluded by the reviewer (by API)."""
    reviewer = district.users['legality_reviewer']
    api = api_client(district.users['unit_officer'])
    created = api.post('/api/legality/reviews/', {'unit': d.unit.pk, 'matter_type': 'major_decision', 'title': d.title,
                                                  'received_on': '2025-05-06'}, format='json').json()
    rev = api_client(reviewer)
    rev.post(f'/api/legality/reviews/{created["id"]}/transition/', {'name': 'assign', 'on': '2025-05-06',
                                                                   'data': {'reviewer': reviewer.pk}}, format='json')
    rev.post(f'/api/legality/reviews/{created["id"]}/transition/', {'name': 'conclude', 'on': '2025-05-16', 'data': {
        'outcome': 'passed_with_changes', 'opinion': '第三条缺乏依据，建议删除。', 'suggestion_count': 1}}, format='json')
    return created['id']


def test_catalogue_to_comment_to_decided_to_evaluated_by_api(district):
    officer, admin = district.users['unit_officer'], district.users['district_admin']
    cat = api_client(admin).post('/api/decisions/catalogues/', {'unit': district.district.pk, 'year': 2025,
                                                               'title': '测试区2025年度重大行政决策事项目录'}, format='json').json()
    d = api_client(officer).post('/api/decisions/decisions/', {
        'catalogue': cat['id'], 'deciding_body': district.district.pk, 'unit': district.market.pk,
        'title': '农贸市场升级改造方案', 'planned_on': '2025-10-31'}, format='json').json()
    d = MajorDecision.objects.get(pk=d['id'])
    catalogue_obj = d.catalogue
    refused = step(admin, catalogue_obj, 'publish', '2025-02-20', kind='catalogues')
    assert refused.status_code == 409 and '党委同意' in refused.json()['detail']
    assert step(admin, catalogue_obj, 'publish', '2025-02-20', kind='catalogues', party_consent_on='2025-02-14'
                ).json()['state'] == 'published'
    assert step(officer, d, 'start', '2025-03-01').json()['state'] == 'drafting'
    short = step(officer, d, 'open_comment', '2025-04-01', closes_on='2025-04-20', draft_text='征求意见稿')
    assert short.status_code == 409 and '截止日期不得早于2025-05-06' in short.json()['detail']  # 5-1..5-5 holidays
    opened = step(officer, d, 'open_comment', '2025-04-01', closes_on='2025-05-06', draft_text='征求意见稿')
    assert opened.json()['state'] == 'consulting'
    c1, c2 = comment(d, '建议延长营业时间。'), comment(d, '广告内容')
    api = api_client(officer)
    api.patch(f'/api/decisions/comments/{c1.pk}/', {'moderation': 'approved'}, format='json')
    early = step(officer, d, 'close_comment', '2025-05-06')
    assert early.status_code == 409 and '期满后才能结束' in early.json()['detail']
    assert step(officer, d, 'close_comment', '2025-05-07').json()['state'] == 'consulted'
    pending = step(officer, d, 'publish_feedback', '2025-05-10')
    assert pending.status_code == 409 and '1条意见尚未审核' in pending.json()['detail']
    api.patch(f'/api/decisions/comments/{c2.pk}/', {'moderation': 'rejected', 'moderation_reason': '广告'}, format='json')
    undisposed = step(officer, d, 'publish_feedback', '2025-05-10')
    assert '1条意见尚未提出处理意见' in undisposed.json()['detail']
    assert api.patch(f'/api/decisions/comments/{c1.pk}/', {'disposition': 'adopted'}, format='json').status_code == 400
    api.patch(f'/api/decisions/comments/{c1.pk}/', {'disposition': 'partly', 'disposition_reason': '已调整至晚九点'},
              format='json')
    published = step(officer, d, 'publish_feedback', '2025-05-10').json()
    assert '部分采纳1条' in published['feedback_report'] and published['comment_counts']['rejected'] == 1
    missing = step(officer, d, 'decide', '2025-06-20', meeting='区政府第20次常务会议', result='原则同意')
    assert missing.status_code == 409
    assert missing.json()['detail'] == ('不能执行“集体讨论决定”：以下法定程序尚未履行，也未登记依法不适用的理由：'
                                        '专家论证、风险评估、合法性审查。')
    no_reason = api.patch(f'/api/decisions/procedures/{d.procedures.get(kind="expert_argument").pk}/',
                          {'status': 'exempted'}, format='json')
    assert no_reason.status_code == 400 and '说明理由' in str(no_reason.json())
    legality = d.procedures.get(kind='legality_review')
    exempt_legality = api.patch(f'/api/decisions/procedures/{legality.pk}/', {'status': 'exempted',
                                                                              'exemption_reason': '时间紧'}, format='json')
    assert exempt_legality.status_code == 400 and '必经程序' in str(exempt_legality.json())
    api.patch(f'/api/decisions/procedures/{d.procedures.get(kind="expert_argument").pk}/',
              {'status': 'exempted', 'exemption_reason': '不涉及专业性、技术性较强的问题'}, format='json')
    api.patch(f'/api/decisions/procedures/{d.procedures.get(kind="risk_assessment").pk}/', {
        'status': 'done', 'held_on': '2025-05-20', 'participants': '明州社会稳定风险评估中心', 'conclusion': '低风险'},
        format='json')
    review_id = concluded_review(district, d)
    assert api_client(district.users['legality_reviewer']).patch(f'/api/decisions/procedures/{legality.pk}/', {
        'status': 'done', 'held_on': '2025-05-16', 'review': review_id, 'conclusion': '修改后同意'},
        format='json').status_code == 200
    decided = step(officer, d, 'decide', '2025-06-20', meeting='区政府第20次常务会议', result='原则同意', attendees='区长等')
    assert decided.json()['state'] == 'decided'
    assert d.procedures.get(kind='collective_decision').status == 'done'
    same = step(officer, d, 'evaluate', '2025-12-10', evaluator='明州社会稳定风险评估中心', findings='x', conclusion='continue')
    assert same.status_code == 409 and '第三十六条' in same.json()['detail']
    evaluated = step(officer, d, 'evaluate', '2025-12-10', evaluator='明州市公共政策评估研究院', findings='商户满意度提高',
                     conclusion='continue')
    assert evaluated.json()['state'] == 'evaluated' and DecisionEvaluation.objects.get().decision_id == d.pk
    labels = list(WorkflowEvent.objects.filter(content_type__model='majordecision', object_id=d.pk).values_list('label', flat=True))
    assert labels == ['启动决策', '公开征求意见', '结束征求意见', '公布采纳情况反馈', '集体讨论决定', '决策后评估']
    assert AuditEntry.objects.filter(object_type='decisions.publiccomment', action='update').count() >= 3


def test_shortened_comment_period_needs_and_shows_its_reason(district, client):
    d = decision(district, publish_with(district))
    api = api_client(district.users['unit_officer'])
    step(district.users['unit_officer'], d, 'start', '2025-03-01')
    opened = step(district.users['unit_officer'], d, 'open_comment', '2025-04-01', closes_on='2025-04-15',
                  draft_text='征求意见稿', shortened_reason='冬季供暖保障情况紧急')
    assert opened.status_code == 200
    page = client.get(reverse('public_decision_detail', args=[d.pk])).content.decode()
    assert '冬季供暖保障情况紧急' in page
    assert api.get(f'/api/decisions/decisions/{d.pk}/').json()['shortened_reason'] == '冬季供暖保障情况紧急'


def publish_with(district):
    cat = catalogue(district)
    decision(district, cat, title='占位事项')
    return publish(cat)


def test_exempted_public_participation_allows_a_decision_without_consultation(district):
    d = decision(district, publish_with(district))
    record(d, 'public_participation', status='exempted', exemption_reason='涉及国家秘密，依法不予公开（条例第十四条）')
    record(d, 'expert_argument')
    record(d, 'risk_assessment')
    record(d, 'legality_review')
    officer = district.users['unit_officer']
    step(officer, d, 'start', '2025-03-01')
    refused = step(officer, d, 'open_comment', '2025-04-01', closes_on='2025-06-01', draft_text='x')
    assert '公众参与依法不适用' in refused.json()['detail']
    assert step(officer, d, 'decide', '2025-05-01', meeting='区政府常务会议', result='同意').json()['state'] == 'decided'


def test_decision_by_pages(district, client):
    d = decision(district, publish_with(district))
    officer = district.users['unit_officer']
    client.force_login(officer)

    def do(name, **data):
        return client.post(reverse('decisions:decision_transition', args=[d.pk, name]), data)

    assert do('start', on='2025-03-01').status_code == 302
    refused = do('open_comment', on='2025-04-01', closes_on='2025-04-10', draft_text='征求意见稿')
    assert refused.status_code == 400 and '不少于30日' in refused.content.decode()
    assert do('open_comment', on='2025-04-01', closes_on='2025-05-06', draft_text='征求意见稿').status_code == 302
    c = comment(d, '建议增加停车位。')
    assert client.post(reverse('decisions:comment_moderate', args=[c.pk]), {'moderation': 'approved'}).status_code == 302
    assert client.post(reverse('decisions:comment_dispose', args=[c.pk]), {
        'disposition': 'adopted', 'disposition_reason': '已增加'}).status_code == 302
    assert do('close_comment', on='2025-05-07').status_code == 302
    assert do('publish_feedback', on='2025-05-08').status_code == 302
    decide = do('decide', on='2025-06-01', meeting='区政府常务会议', result='同意')
    assert decide.status_code == 400 and '专家论证、风险评估、合法性审查' in decide.content.decode()
    procedure = d.procedures.get(kind='expert_argument')
    assert client.post(reverse('decisions:procedure_edit', args=[procedure.pk]), {
        'status': 'done', 'held_on': '2025-05-20', 'participants': '专家5名', 'conclusion': '可行'}).status_code == 302
    page = client.get(reverse('decisions:decision_detail', args=[d.pk])).content.decode()
    assert '已履行' in page and '意见采纳情况反馈' in page and '专家5名' in page
    c.refresh_from_db()
    assert c.disposition == 'adopted' and PublicComment.objects.count() == 1
