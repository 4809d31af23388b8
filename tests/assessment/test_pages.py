"""A whole campaign in the pages, each role doing its part; results with charts and XLSX/DOCX/PDF exports."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from fazhi.assessment import reports
from fazhi.assessment.models import Campaign, CampaignUnit, IndicatorSystem, ItemScore, Objection

from .conftest import SYSTEM, score_of, upload

pytestmark = pytest.mark.django_db


def _step(client, campaign, name, **data):
    data.setdefault('on', '2026-01-10')
    response = client.post(reverse('assessment:campaign_transition', args=[campaign.pk, name]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    campaign.refresh_from_db()
    return campaign


def test_a_campaign_end_to_end_in_the_pages(store, district, client):
    users = district.users
    admin = Client()
    admin.force_login(users['district_admin'])
    assert admin.get(reverse('assessment:home')).status_code == 200
    default = admin.get(reverse('assessment:system_load'))
    assert '政府职能依法全面履行' in default.content.decode()  # the form starts from the shipped default
    loaded = admin.post(reverse('assessment:system_load'), {'text': SYSTEM, 'note': '测试'})
    assert loaded.status_code == 302
    system = IndicatorSystem.objects.get(code='test-system')
    detail = admin.get(loaded['Location']).content.decode()
    assert '隐患按期整改' in detail and '每条未达标记录扣2分' in detail
    created = admin.post(reverse('assessment:campaign_add'), {
        'name': '2025年度依法行政考核', 'period': '2025', 'system': system.pk, 'categories': ['department', 'street']})
    assert created.status_code == 302
    campaign = Campaign.objects.get(name='2025年度依法行政考核')
    campaign = _step(admin, campaign, 'open')
    assert campaign.state == 'self_assessment' and CampaignUnit.objects.filter(campaign=campaign).count() == 4
    page = admin.get(campaign.get_absolute_url()).content.decode()
    assert '参评单位 2 个' in page and 'totals-data' in page

    # the market officer self-assesses with evidence
    client.force_login(users['unit_officer'])
    home = client.get(reverse('assessment:home')).content.decode()
    assert '待自评指标' in home
    manual = score_of(campaign, district.market, '2.2')
    refused = client.post(reverse('assessment:score_self', args=[manual.pk]), {'self_score': '18', 'self_note': '已演练'})
    assert refused.status_code == 400 and '须上传佐证材料' in refused.content.decode()
    uploaded = client.post(reverse('assessment:score_evidence', args=[manual.pk]),
                           {'title': '演练记录', 'file': upload()})
    assert uploaded.status_code == 302
    assert client.post(reverse('assessment:score_self', args=[manual.pk]),
                       {'self_score': '18', 'self_note': '已演练两次'}).status_code == 302
    card = client.get(reverse('assessment:entry_detail', args=[manual.entry_id])).content.decode()
    assert '已自评、待评分' in card and 'radar' in card
    assert client.get(reverse('assessment:campaign_results', args=[campaign.pk])).status_code == 403

    # the office moves on and assigns the reviewer
    campaign = _step(admin, campaign, 'start_review')
    area = system.items.get(code='2')
    assert admin.post(reverse('assessment:campaign_assignments', args=[campaign.pk]),
                      {'reviewer': users['legality_reviewer'].pk, 'area': area.pk, 'category': ''}).status_code == 302
    client.force_login(users['legality_reviewer'])
    queue = client.get(reverse('assessment:review_queue'))
    assert {s.entry.unit.code for s in queue.context['scores']} == {'T-D2', 'T-S1', 'T-S2'}
    reviewed = client.post(reverse('assessment:score_review', args=[manual.pk]), {'value': '17', 'comment': '记录完整'})
    assert reviewed.status_code == 302
    for score in ItemScore.objects.filter(entry__campaign=campaign, method='manual', applicable=True, score__isnull=True):
        admin.post(reverse('assessment:score_review', args=[score.pk]), {'value': '15', 'comment': '材料基本齐全'})
    today = dt.date.today()
    closes = today + dt.timedelta(days=10)
    campaign = _step(admin, campaign, 'open_objections', on=today.isoformat(), closes_on=closes.isoformat())

    # the street objects to a deduction; the office accepts it
    client.force_login(users['street_officer'])
    deduction = score_of(campaign, district.street, '2.1')
    score_page = client.get(reverse('assessment:score_detail', args=[deduction.pk])).content.decode()
    assert '扣2分：隐患T-S1-Z000' in score_page and 'drill-link' in score_page
    objected = client.post(reverse('assessment:score_object', args=[deduction.pk]),
                           {'reason': '隐患T-S1-Z002已整改', 'requested_score': '6'})
    assert objected.status_code == 302
    objection = Objection.objects.get()
    accept = admin.post(reverse('assessment:objection_transition', args=[objection.pk, 'accept']),
                        {'on': today.isoformat(), 'decided_score': '6', 'response': '核实属实'})
    assert accept.status_code == 302
    early = admin.post(reverse('assessment:campaign_transition', args=[campaign.pk, 'finalize']),
                       {'on': today.isoformat()})
    assert early.status_code == 400 and '期满后方可定分' in early.content.decode()
    campaign = _step(admin, campaign, 'finalize', on=(closes + dt.timedelta(days=1)).isoformat())
    campaign = _step(admin, campaign, 'publish', on=(closes + dt.timedelta(days=2)).isoformat())
    assert campaign.state == 'published'

    # results: charts, exports, and the street sees the published ranking
    results = client.get(reverse('assessment:campaign_results', args=[campaign.pk]))
    body = results.content.decode()
    assert results.status_code == 200 and 'echarts.min.js' in body and 'area-data' in body and '样本不足项' in body
    xlsx = client.get(reverse('assessment:campaign_export', args=[campaign.pk, 'xlsx']))
    names = zipfile.ZipFile(io.BytesIO(xlsx.content)).namelist()
    assert xlsx['Content-Type'].startswith('application/vnd.openxmlformats') and 'xl/workbook.xml' in names
    book = zipfile.ZipFile(io.BytesIO(xlsx.content)).read('xl/workbook.xml').decode()
    assert '街道（乡镇）' in book and '扣分明细' in book
    docx = client.get(reverse('assessment:campaign_export', args=[campaign.pk, 'docx']))
    from docx import Document
    document = Document(io.BytesIO(docx.content))
    text = '\n'.join(p.text for p in document.paragraphs)
    assert '关于2025年度依法行政考核结果的通报' in text and '主要扣分事项' in text
    assert len(document.tables) == 2 and document.inline_shapes  # a table per category and the chart
    if reports.cjk_font():
        pdf = client.get(reverse('assessment:campaign_export', args=[campaign.pk, 'pdf']))
        assert pdf['Content-Type'] == 'application/pdf'
        from pypdf import PdfReader
        reader = PdfReader(io.BytesIO(pdf.content))
        assert '通报' in reader.pages[0].extract_text() and len(reader.pages) >= 3
    compare = admin.get(reverse('assessment:campaign_compare', args=[campaign.pk]), {'system': '', 'run': '1'})
    assert compare.status_code == 200 and len(compare.context['rows']) == 4
    printable = admin.get(reverse('assessment:campaign_results', args=[campaign.pk]), {'print': '1'})
    assert '关于2025年度依法行政考核结果的通报' in printable.content.decode()


def test_compare_shows_how_a_new_version_would_move_ranks(campaign, district, client):
    from fazhi.assessment import services
    from fazhi.core.context import acting_as

    from .conftest import system
    # weight satisfaction (where T-S1 beats T-S2) far more than response (where T-S2 leads)
    heavier = SYSTEM.replace("""        name: 响应及时
        points: 20
        rule: {type: threshold, indicator: hotline.response_rate, bands: [{min: 99, score: 20}, {min: 95, score: 15}, {min: 90, score: 10}]}""",
                             """        name: 响应及时
        points: 5
        rule: {type: threshold, indicator: hotline.response_rate, bands: [{min: 99, score: 5}, {min: 95, score: 4}, {min: 90, score: 3}]}""").replace(
        """        name: 群众满意
        points: 20""", """        name: 群众满意
        points: 35""")
    version2 = system(heavier)
    with acting_as(None, label='system:test'):
        rows = {r.entry.unit.code: r for r in services.simulate(campaign, system=version2)}
    assert rows['T-S1'].rank == 1 and rows['T-S1'].rank_move == 1 and rows['T-S2'].rank_move == -1
    client.force_login(district.users['leader'])
    page = client.get(reverse('assessment:campaign_compare', args=[campaign.pk]), {'system': version2.pk})
    assert page.status_code == 200 and '↑1' in page.content.decode()
