"""Redaction of personal data, review before publication, and the public page."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.core.workflow import TransitionRefused
from fazhi.reconsideration.models import PublishedDecision, ServiceRecord
from fazhi.reconsideration.redaction import leftovers, pseudonym, redact

from .conftest import add_party, new_case, step

TEXT = ('申请人：王小明，男，1985年3月2日出生，公民身份号码11010519850302123X，住北京市朝阳区花家地北里12号楼3单元502室，'
        '联系电话138-1234-5678。\n委托代理人：李红，女，某律师事务所律师，电话010-65432100。\n'
        '被申请人：区市场监督管理局，住所地云溪区新华路88号。法定代表人：陈建华，局长。\n'
        '第三人欧阳娜娜（身份证410102199001011111）述称……\n申请人王小明不服被申请人作出的罚款决定，本机关决定：撤销。')


def test_redaction_finds_names_ids_phones_and_addresses():
    result = redact(TEXT, ['王小明'])
    text = result.text
    for secret in ('王小明', '11010519850302123X', '138-1234-5678', '010-65432100', '花家地北里', '李红',
                   '欧阳娜娜', '410102199001011111'):
        assert secret not in text, secret
    assert '申请人：王某，男' in text and '委托代理人：李某' in text and '第三人欧阳某' in text
    assert '住[地址已隐去]' in text and '[身份证号码已隐去]' in text and '[电话号码已隐去]' in text
    assert '区市场监督管理局' in text and '法定代表人：陈建华，局长' in text  # officials in office are not redacted
    kinds = {f.kind for f in result.findings}
    assert kinds == {'姓名', '身份证号码', '电话号码', '地址'}
    assert leftovers(text, ['王小明']) == []


def test_pseudonyms_keep_compound_surnames():
    assert pseudonym('欧阳娜娜') == '欧阳某' and pseudonym('张三') == '张某'


def test_leftovers_name_what_remains():
    problems = leftovers('申请人张三，身份证110105198503021234，手机13900001111', ['张三'])
    assert problems == ['身份证号码“110105198503021234”', '电话号码“13900001111”', '姓名“张三”']


@pytest.fixture
def decided(district):
    officer = district.users['case_officer']
    case = new_case(district.market, applicant_names='王小明', decision_text=TEXT)
    add_party(case, name='欧阳娜娜', role='third_party')
    step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
    step(case, 'send_copy', officer, on='2026-03-04')
    return step(case, 'decide', officer, on='2026-04-01', outcome='change')


def test_draft_is_reviewed_and_a_reintroduced_name_blocks_publication(decided, district, client):
    officer = district.users['case_officer']
    step(decided, 'prepare_publication', officer, on='2026-04-02')
    draft = PublishedDecision.objects.get(case=decided)
    assert draft.status == 'draft' and len(draft.findings) >= 8
    client.force_login(officer)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert '自动识别并隐去的个人信息' in page and '<del>王小明</del>' in page
    client.post(reverse('reconsideration:publication_edit', args=[draft.pk]),
                {'title': draft.title, 'redacted_text': draft.redacted_text + '\n送达王小明。'})
    with pytest.raises(TransitionRefused, match='仍有个人信息：姓名“王小明”'):
        step(PublishedDecision.objects.get(pk=draft.pk), 'publish', officer, on='2026-04-03')
    assert client.get(reverse('reconsideration_public:decision_list')).context['object_list'].count() == 0
    client.post(reverse('reconsideration:publication_edit', args=[draft.pk]),
                {'title': draft.title, 'redacted_text': draft.redacted_text})
    published = step(PublishedDecision.objects.get(pk=draft.pk), 'publish', officer, on='2026-04-03')
    assert published.status == 'published' and published.published_on.isoformat() == '2026-04-03'
    with pytest.raises(TransitionRefused, match='请先撤回公开'):
        step(decided, 'prepare_publication', officer, on='2026-04-04')
    locked = client.post(reverse('reconsideration:publication_edit', args=[draft.pk]),
                         {'title': 'x', 'redacted_text': 'x'})
    assert '请先撤回公开' in locked.content.decode()
    client.logout()
    listing = client.get(reverse('reconsideration_public:decision_list')).content.decode()
    assert published.title in listing
    step(published, 'withdraw', officer, on='2026-04-05', note='当事人申请')
    assert client.get(reverse('reconsideration_public:decision_detail', args=[draft.pk])).status_code == 404
    step(decided, 'prepare_publication', officer, on='2026-04-06')
    assert PublishedDecision.objects.get(case=decided).status == 'draft'


def test_only_decisions_with_a_text_are_published(district):
    officer = district.users['case_officer']
    case = new_case(district.market)
    step(case, 'accept', officer, on='2026-03-03', procedure='ordinary')
    mediated = step(case, 'mediate', officer, on='2026-03-10')
    with pytest.raises(TransitionRefused, match='只有行政复议决定书可以公开'):
        step(mediated, 'prepare_publication', officer, on='2026-03-11')
    other = new_case(district.market)
    step(other, 'accept', officer, on='2026-03-03', procedure='ordinary')
    step(other, 'send_copy', officer, on='2026-03-04')
    decided = step(other, 'decide', officer, on='2026-03-20', outcome='uphold')
    with pytest.raises(TransitionRefused, match='决定书正文为空'):
        step(decided, 'prepare_publication', officer, on='2026-03-21')


def test_electronic_service_needs_recorded_consent(decided, district):
    refusing = add_party(decided, name='赵六')
    consenting = add_party(decided, name='钱七', e_service_consent=True, e_service_address='qq@example.cn',
                           consent_recorded_on='2026-04-02')
    with acting_as(district.users['case_officer']):
        with pytest.raises(ValidationError, match='赵六尚未记录同意电子送达'):
            services.create(ServiceRecord(case=decided, document='decision', recipient=refusing,
                                          method='electronic', served_on='2026-04-03'))
        with pytest.raises(ValidationError, match='才同意电子送达'):
            services.create(ServiceRecord(case=decided, document='decision', recipient=consenting,
                                          method='electronic', served_on='2026-04-01'))
        with pytest.raises(ValidationError, match='请选择已记录同意电子送达的当事人'):
            services.create(ServiceRecord(case=decided, document='decision', method='electronic',
                                          served_on='2026-04-03'))
        served = services.create(ServiceRecord(case=decided, document='decision', recipient=consenting,
                                               method='electronic', served_on='2026-04-03'))
        posted = services.create(ServiceRecord(case=decided, document='decision', recipient=refusing, method='post',
                                               served_on='2026-04-03', address='云溪区新华路1号'))
    assert served.address == 'qq@example.cn' and posted.method == 'post'


def test_consent_needs_an_address_and_a_date(decided):
    with pytest.raises(ValidationError, match='须记录电子送达地址和同意日期'):
        add_party(decided, name='孙八', e_service_consent=True)


def test_service_form_offers_only_the_cases_parties(decided, district, client):
    party = add_party(decided, name='周九', e_service_consent=True, e_service_address='z@example.cn',
                      consent_recorded_on='2026-04-01')
    client.force_login(district.users['case_officer'])
    page = client.get(reverse('reconsideration:service_add'), {'case': decided.pk})
    offered = set(page.context['form'].fields['recipient'].queryset)
    assert party in offered and offered == set(decided.parties.all())
    response = client.post(reverse('reconsideration:service_add'), {
        'case': decided.pk, 'document': 'decision', 'recipient': party.pk, 'method': 'electronic',
        'served_on': '2026-04-02'})
    assert response.status_code == 302
    assert ServiceRecord.objects.get().address == 'z@example.cn'
