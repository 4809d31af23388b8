"""Chinese full-text search with jieba: a two-character term inside a sentence finds its document."""
from __future__ import annotations

from django.urls import reverse

from fazhi.normative import fulltext
from fazhi.normative.models import DocumentTerm, NormativeDocument
from tests.legality.access_kit import api_client

from .helpers import draft, published

SMOKE = '第三条 餐饮服务单位应当安装油烟净化设施并保持正常使用，不得超标排放油烟。'
PARKING = '第二条 本区道路停车实行电子收费，收费标准由区发展改革部门会同交通部门制定。'


def test_terms_hold_words_and_their_two_character_pieces():
    words = fulltext.terms('对违反本办法规定的，由区市场监督管理部门依法予以行政处罚；情节严重的，处以罚款。')
    assert {'处罚', '行政处罚', '罚款', '监督', '管理', '情节'} <= words
    assert '的' not in words and '，' not in words


def test_two_character_term_inside_a_sentence_finds_the_document(district):
    smoke = draft(district.market, title='餐饮油烟管理办法', text=SMOKE)
    parking = draft(district.market, title='道路停车收费管理办法', text=PARKING)
    search = NormativeDocument.objects.search
    assert list(search('油烟')) == [smoke]
    assert list(search('净化')) == [smoke]  # only in the text, inside "油烟净化设施"
    assert list(search('收费')) == [parking]
    assert list(search('电子收费')) == [parking]
    assert set(search('管理办法')) == {smoke, parking}
    assert not search('处罚').exists()
    assert list(search('油烟 排放')) == [smoke]  # every word must match
    assert not search('油烟 停车').exists()


def test_index_follows_amendments(district):
    doc = published(district.market, district.users['legality_reviewer'])
    assert NormativeDocument.objects.search('处罚').exists()
    api_client(district.users['unit_officer']).post(f'/api/normative/documents/{doc.pk}/transition/', {
        'name': 'amend', 'on': '2025-06-01', 'data': {'valid_from': '2025-07-01', 'text': '第一条 停车收费。'}},
        format='json')
    assert not NormativeDocument.objects.search('处罚').exists()
    assert list(NormativeDocument.objects.search('停车')) == [doc]
    assert DocumentTerm.objects.filter(document=doc, term='停车').count() == 1


def test_public_library_and_api_search(district, client):
    reviewer = district.users['legality_reviewer']
    doc = published(district.market, reviewer, text=SMOKE, title='餐饮服务单位油烟排放管理办法')
    draft(district.market, title='未公布的油烟文件', text=SMOKE)
    page = client.get(reverse('public_normative_library'), {'q': '净化'})
    assert [d.pk for d, _ in page.context['rows']] == [doc.pk]
    api = api_client(district.users['unit_officer']).get('/api/normative/documents/', {'q': '油烟'}).json()
    assert len(api['results']) == 2
    client.force_login(district.users['unit_officer'])
    internal = client.get(reverse('normative:document_list'), {'q': '净化', 'status': 'valid'})
    assert [d.pk for d in internal.context['object_list']] == [doc.pk]
    assert not client.get(reverse('normative:document_list'), {'q': '净化', 'status': 'repealed'}).context['object_list']
