"""A document from draft to filed to repealed, by API and by pages; the gates; "in force on date D"; versions."""
from __future__ import annotations

import datetime as dt

from django.urls import reverse

from fazhi.core.models import AuditEntry, WorkflowEvent
from fazhi.legality.models import ReviewRequest
from fazhi.normative.models import NormativeDocument
from tests.legality.access_kit import api_client

from .helpers import draft, published, reviewed


def step(user, obj, name, on='2025-03-20', **data):
    return api_client(user).post(f'/api/normative/documents/{obj.pk}/transition/', {'name': name, 'on': on,
                                                                                   'data': data}, format='json')


def review_step(user, review, name, on, **data):
    return api_client(user).post(f'/api/legality/reviews/{review.pk}/transition/', {'name': name, 'on': on,
                                                                                   'data': data}, format='json')


def test_draft_to_filed_to_repealed_by_api(district):
    officer, reviewer = district.users['unit_officer'], district.users['legality_reviewer']
    created = api_client(officer).post('/api/normative/documents/', {
        'unit': district.market.pk, 'issuer': '测试区市场监督管理局', 'title': '电梯安全监督管理办法', 'subject': 'market',
        'text': '第一条 为了加强电梯安全监督管理……\n第九条 违反本办法的，依法予以处罚。'}, format='json')
    assert created.status_code == 201
    doc = NormativeDocument.objects.get(pk=created.json()['id'])
    assert step(officer, doc, 'submit_review', on='2025-03-03').json()['state'] == 'reviewing'
    review = ReviewRequest.objects.get(normative_documents=doc)
    assert review.matter_type == 'normative_document' and review.unit == district.market
    refused = step(officer, doc, 'deliberate', on='2025-03-05', meeting='局务会议')
    assert refused.status_code == 409 and '合法性审核尚未出具意见' in refused.json()['detail']
    review_step(reviewer, review, 'assign', '2025-03-04', reviewer=reviewer.pk)
    review_step(reviewer, review, 'conclude', '2025-03-10', outcome='passed_with_changes', opinion='删除第四条',
                suggestion_count=1)
    assert step(officer, doc, 'deliberate', on='2025-03-14', meeting='局务会议').status_code == 200
    body = step(officer, doc, 'publish', doc_number='测市监规〔2025〕1号', effective_on='2025-04-20',
                validity_years=5).json()
    assert body['state'] == 'published' and body['expires_on'] == '2030-04-19' and body['filing_due'] == '2025-04-21'
    assert body['review_passed_on'] == '2025-03-10'
    filed = step(officer, doc, 'file', on='2025-04-10', filing_authority='测试区人民政府').json()
    assert filed['state'] == 'filed' and filed['filed_on_time'] is True
    assert step(officer, doc, 'filing_review', on='2025-04-15', result='conforming').status_code == 403
    assert step(reviewer, doc, 'filing_review', on='2025-04-15', result='conforming',
                materials_conforming=True).json()['filing_materials_conforming'] is True
    repealed = step(officer, doc, 'repeal', on='2026-01-01', reason='上位法修改').json()
    assert repealed['state'] == 'repealed' and repealed['repealed_on'] == '2026-01-01'
    labels = [e.label for e in WorkflowEvent.objects.filter(object_id=doc.pk, content_type__model='normativedocument')]
    assert labels == ['送合法性审核', '集体审议', '公布', '报送备案', '备案审查', '废止']
    assert [e.kind for e in doc.events.all()] == ['publication', 'filing', 'filing_review', 'commencement', 'repeal',
                                                  'expiry']  # in date order
    assert AuditEntry.objects.filter(object_type='normative.normativedocument', object_id=str(doc.pk),
                                     action='update', message__startswith='公布').exists()


def test_no_publication_without_legality_review_and_deliberation(district):
    officer = district.users['unit_officer']
    doc = draft(district.market)
    response = step(officer, doc, 'publish', doc_number='x', effective_on='2025-04-20')
    assert response.status_code == 409
    assert response.json()['detail'] == '不能执行“公布”：未经合法性审核（尚未送审）的规范性文件不得公布。'
    failed = reviewed(draft(district.market), district.users['legality_reviewer'], outcome='not_passed', suggestions=2)
    response = step(officer, failed, 'publish', doc_number='x', effective_on='2025-04-20')
    assert '合法性审核结论为“不合法，不同意”' in response.json()['detail']
    passed = reviewed(draft(district.market), district.users['legality_reviewer'])
    response = step(officer, passed, 'publish', doc_number='x', effective_on='2025-04-20')
    assert '未经集体审议的规范性文件不得公布' in response.json()['detail']
    assert not NormativeDocument.objects.filter(published_on__isnull=False).exists()


def test_no_filing_without_publication_and_late_filing_is_marked(district):
    officer = district.users['unit_officer']
    doc = draft(district.market)
    response = step(officer, doc, 'file', on='2025-04-01')
    assert response.status_code == 409 and '文件尚未公布，不能报送备案' in response.json()['detail']
    late = published(district.market, district.users['legality_reviewer'], dt.date(2025, 3, 20))
    step(officer, late, 'file', on='2025-05-06')
    late.refresh_from_db()
    assert late.filed_on_time is False and late.filing_due == dt.date(2025, 4, 21)  # 4-19 is a Saturday


def test_a_failed_review_sends_the_draft_back_for_revision(district):
    officer = district.users['unit_officer']
    doc = reviewed(draft(district.market), district.users['legality_reviewer'], outcome='not_passed', suggestions=1)
    assert step(officer, doc, 'revise', on='2025-03-10').json()['state'] == 'draft'
    assert step(officer, doc, 'submit_review', on='2025-03-12').status_code == 200
    doc.refresh_from_db()
    assert doc.legality_review.state == 'submitted' and ReviewRequest.objects.count() == 2


def test_in_force_on_a_date_and_the_version_in_force(district):
    reviewer = district.users['legality_reviewer']
    doc = published(district.market, reviewer, dt.date(2020, 1, 10), effective_on=dt.date(2020, 2, 1), years=5,
                    filed_on=dt.date(2020, 1, 20))
    step(district.users['unit_officer'], doc, 'amend', on='2022-06-01', valid_from='2022-07-01',
         text='第一条 修改后的文本。', summary='根据行政处罚法修订修改')
    repealed = published(district.street, reviewer, dt.date(2021, 1, 5), effective_on=dt.date(2021, 1, 5),
                         title='东湖街道文件')
    step(district.users['street_officer'], repealed, 'repeal', on='2023-01-01', reason='已被替代')
    in_force = NormativeDocument.objects.in_force_on
    assert set(in_force(dt.date(2020, 1, 31))) == set()  # published, not yet commenced
    assert set(in_force(dt.date(2021, 6, 1))) == {doc, repealed}
    assert set(in_force(dt.date(2023, 1, 1))) == {doc}  # repealed from that day
    assert set(in_force(dt.date(2025, 1, 31))) == {doc}
    assert set(in_force(dt.date(2025, 2, 1))) == set()  # the five years ended on 2025-01-31
    doc.refresh_from_db()
    assert doc.version_on(dt.date(2021, 1, 1)).number == 1 and doc.version_on(dt.date(2022, 7, 1)).number == 2
    assert doc.validity_on(dt.date(2022, 8, 1)) == 'amended' and doc.validity_on(dt.date(2025, 3, 1)) == 'expired'
    assert doc.validity == 'expired'  # an expired document shows as expired everywhere
    api = api_client(None).get('/api/normative/documents/', {'in_force_on': '2021-06-01'}).json()
    assert {r['id'] for r in api['results']} == {doc.pk, repealed.pk}
    expired = api_client(None).get('/api/normative/documents/', {'status': 'expired'}).json()
    assert [r['validity_display'] for r in expired['results']] == ['已失效']


def test_public_page_shows_the_text_in_force_on_a_date(district, client):
    doc = published(district.market, district.users['legality_reviewer'], dt.date(2020, 1, 10),
                    effective_on=dt.date(2020, 2, 1), years=10)
    step(district.users['unit_officer'], doc, 'amend', on='2022-06-01', valid_from='2022-07-01',
         text='第一条 修改后的文本。')
    old = client.get(reverse('public_normative_detail', args=[doc.pk]), {'on': '2021-01-01'})
    assert old.context['version'].number == 1 and '油烟' in old.content.decode()
    now = client.get(reverse('public_normative_detail', args=[doc.pk]))
    assert now.context['version'].number == 2 and now.context['status'] == '有效（已修改）'
    listed = client.get(reverse('public_normative_library'), {'on': '2020-01-20'})
    assert not listed.context['rows']


def test_document_from_draft_to_repealed_by_pages(district, client):
    officer, reviewer = district.users['unit_officer'], district.users['legality_reviewer']
    client.force_login(officer)
    response = client.post(reverse('normative:document_add'), {
        'unit': district.market.pk, 'issuer': '区市场监督管理局', 'title': '农贸市场管理办法', 'subject': 'market',
        'validity_years': 5, 'text': '第一条 为了规范农贸市场管理……'})
    doc = NormativeDocument.objects.get(title='农贸市场管理办法')
    assert response.status_code == 302

    def do(user, name, **data):
        client.force_login(user)
        return client.post(reverse('normative:document_transition', args=[doc.pk, name]), data)

    assert do(officer, 'submit_review', on='2025-03-03').status_code == 302
    review = ReviewRequest.objects.get(normative_documents=doc)
    client.force_login(reviewer)
    client.post(reverse('legality:review_transition', args=[review.pk, 'assign']), {'on': '2025-03-04', 'reviewer': reviewer.pk})
    client.post(reverse('legality:review_transition', args=[review.pk, 'conclude']),
                {'on': '2025-03-07', 'outcome': 'passed', 'opinion': '合法'})
    early = do(officer, 'publish', on='2025-03-20', doc_number='x', effective_on='2025-04-20')
    assert early.status_code == 400 and '未经集体审议的规范性文件不得公布' in early.content.decode()
    assert do(officer, 'deliberate', on='2025-03-14', meeting='局务会议').status_code == 302
    assert do(officer, 'publish', on='2025-03-20', doc_number='测市监规〔2025〕2号', effective_on='2025-04-20',
              validity_years=5).status_code == 302
    assert do(officer, 'file', on='2025-03-28', filing_authority='测试区人民政府').status_code == 302
    assert do(officer, 'repeal', on='2026-02-01', reason='').status_code == 400
    assert do(officer, 'repeal', on='2026-02-01', reason='已被新文件替代').status_code == 302
    doc.refresh_from_db()
    assert doc.state == 'repealed' and doc.validity_on(dt.date(2026, 3, 1)) == 'repealed'
    client.force_login(officer)
    detail = client.get(reverse('normative:document_detail', args=[doc.pk])).content.decode()
    assert '已废止' in detail and '报送备案' in detail and '已被新文件替代' in detail
    edit = client.get(reverse('normative:document_edit', args=[doc.pk]))
    assert edit.status_code == 403 and '不能直接修改' in edit.content.decode()
