"""Clean-up campaigns: select by criteria (full text included), conclusions with reasons, results and counts."""
from __future__ import annotations

import datetime as dt
import io

from django.urls import reverse
from python_calamine import CalamineWorkbook

from fazhi.normative.models import CleanupItem, NormativeDocument
from tests.legality.access_kit import api_client

from .helpers import published

PARKING = '第二条 本区道路停车实行电子收费。\n第三条 本办法自公布之日起施行。'


def campaign_by_api(district, **criteria):
    admin = api_client(district.users['legality_reviewer'])
    body = {'name': '行政处罚法修订后专项清理', 'organizer': district.justice.pk, 'started_on': '2025-09-01', **criteria}
    created = admin.post('/api/normative/campaigns/', body, format='json').json()
    response = admin.post(f'/api/normative/campaigns/{created["id"]}/transition/', {'name': 'select', 'on': '2025-09-01'},
                          format='json')
    assert response.status_code == 200
    return created['id']


def docs(district):
    reviewer = district.users['legality_reviewer']
    return {
        'penalty': published(district.market, reviewer, dt.date(2023, 3, 1), title='油烟排放管理办法', filed_on=dt.date(2023, 3, 5)),
        'office': published(district.market_office, reviewer, dt.date(2023, 5, 1), title='法制科处罚文件'),
        'parking': published(district.street, reviewer, dt.date(2024, 2, 1), title='停车收费办法', text=PARKING),
        'old': published(district.street, reviewer, dt.date(2018, 1, 10), title='早已失效的文件', years=2),
    }


def test_selection_by_full_text_unit_and_date(district):
    d = docs(district)
    by_text = campaign_by_api(district, criteria_text='处罚')
    assert {i.document for i in CleanupItem.objects.filter(campaign=by_text)} == {d['penalty'], d['office']}
    by_unit = campaign_by_api(district, criteria_unit=district.street.pk)
    assert {i.document for i in CleanupItem.objects.filter(campaign=by_unit)} == {d['parking']}  # the old one expired
    by_date = campaign_by_api(district, criteria_from='2023-04-01', criteria_to='2023-12-31')
    assert {i.document for i in CleanupItem.objects.filter(campaign=by_date)} == {d['office']}


def test_conclusions_carry_out_on_close_and_counts(district, client):
    d = docs(district)
    campaign = campaign_by_api(district, criteria_from='2023-01-01')
    items = {i.document_id: i for i in CleanupItem.objects.filter(campaign=campaign)}
    officer = api_client(district.users['unit_officer'])
    no_reason = officer.patch(f'/api/normative/cleanup-items/{items[d["penalty"].pk].pk}/', {'decision': 'repeal'},
                              format='json')
    assert no_reason.status_code == 400 and '说明理由' in str(no_reason.json())
    assert officer.patch(f'/api/normative/cleanup-items/{items[d["penalty"].pk].pk}/',
                         {'decision': 'repeal', 'reason': '上位法已修改'}, format='json').status_code == 200
    assert officer.patch(f'/api/normative/cleanup-items/{items[d["parking"].pk].pk}/',
                         {'decision': 'keep', 'reason': 'x'}, format='json').status_code == 404  # not its document
    street = api_client(district.users['street_officer'])
    street.patch(f'/api/normative/cleanup-items/{items[d["parking"].pk].pk}/',
                 {'decision': 'keep', 'reason': '继续有效', 'new_expires_on': '2031-12-31'}, format='json')
    reviewer = api_client(district.users['legality_reviewer'])
    close = reviewer.post(f'/api/normative/campaigns/{campaign}/transition/', {'name': 'close', 'on': '2025-11-28'},
                          format='json')
    assert close.status_code == 409 and '还有1件文件未提出清理结论' in close.json()['detail']
    assert officer.post(f'/api/normative/campaigns/{campaign}/transition/', {'name': 'close'},
                        format='json').status_code == 403
    client.force_login(district.users['unit_officer'])
    assert client.post(reverse('normative:item_edit', args=[items[d['office'].pk].pk]), {
        'decision': 'amend', 'reason': '与修订后的行政处罚法不一致', 'amended_text': '第一条 修改后的条文。'}).status_code == 302
    closed = reviewer.post(f'/api/normative/campaigns/{campaign}/transition/', {'name': 'close', 'on': '2025-11-28'},
                           format='json').json()
    assert closed['state'] == 'closed' and closed['counts'] == {'pending': 0, 'keep': 1, 'amend': 1, 'repeal': 1, 'total': 3}
    for doc in d.values():
        doc.refresh_from_db()
    assert d['penalty'].state == 'repealed' and d['penalty'].repealed_on == dt.date(2025, 11, 28)
    assert d['office'].versions.count() == 2 and d['office'].text == '第一条 修改后的条文。'
    assert d['parking'].expires_on == dt.date(2031, 12, 31)
    assert NormativeDocument.objects.in_force_on(dt.date(2030, 1, 1)).filter(pk=d['parking'].pk).exists()
    assert officer.patch(f'/api/normative/cleanup-items/{items[d["office"].pk].pk}/', {'reason': '改'},
                         format='json').status_code == 400
    client.force_login(district.users['leader'])
    page = client.get(reverse('normative:campaign_detail', args=[campaign]))
    assert '废止 <strong>1</strong> 件' in page.content.decode()
    export = client.get(reverse('normative:item_list'), {'campaign': campaign, 'export': 'xlsx'})
    rows = CalamineWorkbook.from_filelike(io.BytesIO(export.content)).get_sheet_by_index(0).to_python()
    assert len(rows) == 4 and '废止' in [r[2] for r in rows]


def test_campaign_by_pages(district, client):
    d = docs(district)
    client.force_login(district.users['district_admin'])
    response = client.post(reverse('normative:campaign_add'), {
        'name': '停车收费文件清理', 'organizer': district.justice.pk, 'started_on': '2025-09-01', 'criteria_text': '停车'})
    assert response.status_code == 302
    url = response['Location']
    campaign_id = int(url.rstrip('/').split('/')[-1])
    assert client.post(reverse('normative:campaign_transition', args=[campaign_id, 'select']),
                       {'on': '2025-09-01'}).status_code == 302
    page = client.get(url).content.decode()
    assert '停车收费办法' in page and '共 <strong>1</strong> 件' in page
    refused = client.post(reverse('normative:campaign_transition', args=[campaign_id, 'close']), {'on': '2025-10-01'})
    assert refused.status_code == 400 and '未提出清理结论' in refused.content.decode()
    assert d['parking'].pk in CleanupItem.objects.values_list('document_id', flat=True)
