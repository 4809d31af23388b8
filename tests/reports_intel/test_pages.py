"""The pages: upload several files at once, the highlighted report, the benchmark with charts and exports."""
from __future__ import annotations

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from fazhi.reports_intel.models import ReportDocument
from tests.intel.seeds import seed_path

from .conftest import SEED_001, SEED_002, SEED_003, SEED_004

pytestmark = pytest.mark.django_db


def _seed_upload(stem):
    return SimpleUploadedFile(f'{stem}.txt', seed_path(stem).read_bytes(), content_type='text/plain')


def test_upload_several_files_at_once_with_one_error(district, client):
    client.force_login(district.users['legality_reviewer'])
    files = [_seed_upload(SEED_003), _seed_upload(SEED_004), SimpleUploadedFile('scan.pdf', b'%PDF-1.4 no text')]
    response = client.post('/reports-intel/upload/', {'files': files})
    assert response.status_code == 200  # two loaded, one error shown on the page
    text = response.content.decode()
    assert 'scan.pdf' in text and '未能载入' in text
    assert ReportDocument.objects.count() == 2
    again = client.post('/reports-intel/upload/', {'files': [_seed_upload(SEED_003), _seed_upload(SEED_004)]},
                        follow=True)
    assert '此前已载入' in again.content.decode() and ReportDocument.objects.count() == 2
    listing = client.get('/reports-intel/').content.decode()
    assert '青山区' in listing and '海门区' in listing


def test_upload_without_files_says_so(district, client):
    client.force_login(district.users['district_admin'])
    response = client.post('/reports-intel/upload/', {})
    assert response.status_code == 400 and '请选择要上传的报告文件' in response.content.decode()


def test_report_page_highlights_facts_and_findings(district, client, load):
    report = load(SEED_004)
    client.force_login(district.users['leader'])
    page = client.get(f'/reports-intel/{report.pk}/')
    body = page.content.decode()
    facts = page.context['facts']
    assert len(facts) == report.fact_count > 0
    spans = re.findall(r'<span class="hl hl-fact[^"]*" data-facts="([\d,]+)"[^>]*title="([^"]*)"', body)
    covered = {int(pk) for ids, _ in spans for pk in ids.split(',')}
    assert covered == {f.pk for f in facts}  # every fact is highlighted
    rate = next(f for f in facts if f.indicator == 'reconsideration.correction_rate')
    assert f'id="fact-{rate.pk}"' in body
    title = next(t for ids, t in spans if str(rate.pk) in ids.split(','))
    assert '数值：30%' in title and 'reconsideration.correction_rate' in title and '年份：2020' in title
    assert 'hl-finding' in body and '段落重复' in body and 'id="finding-1"' in body
    data = json.loads(re.search(r'<script id="fact-data" type="application/json">(.*?)</script>', body).group(1))
    assert data[str(rate.pk)]['unit'] == '%' and data[str(rate.pk)]['indicator'] == 'reconsideration.correction_rate'
    assert '未能核验' in body


def test_report_page_shows_checks_that_could_not_be_made(district, client, load):
    report = load(('draft.txt', '2023年，全区共办理案件120件，其中行政处罚案件40件、行政检查案件50件。'.encode()))
    client.force_login(district.users['district_admin'])
    body = client.get(f'/reports-intel/{report.pk}/').content.decode()
    assert report.finding_count == 0 and 'id="no-findings"' in body
    listed = re.search(r'<ul class="ps-3 mb-2" id="not-checkable">(.*?)</ul>', body, re.S).group(1)
    assert '小于总数' in listed and '未作判断' in listed


def test_parts_exceeding_their_total_are_a_finding(district, client, load):
    report = load(('draft.txt', '2023年，全区共办理案件120件，其中行政处罚案件80件、行政检查案件50件。'.encode()))
    client.force_login(district.users['district_admin'])
    body = client.get(f'/reports-intel/{report.pk}/').content.decode()
    assert report.finding_count == 1 and '分项之和超过总数' in body


def test_noise_of_a_scraped_page_is_greyed_and_text_is_escaped(district, client, load):
    report = load(SEED_002)
    client.force_login(district.users['district_admin'])
    body = client.get(f'/reports-intel/{report.pk}/').content.decode()
    assert '<span class="noise">' in body
    assert '38000万余件' in body and '数量级不合理' in body
    assert '<script>alert' not in body


def test_facts_export_as_csv_and_json(district, client, load):
    report = load(SEED_003)
    client.force_login(district.users['case_officer'])
    csv_text = client.get(f'/reports-intel/{report.pk}/?export=csv').content.decode('utf-8-sig')
    assert csv_text.splitlines()[0].startswith('source,region,issuer,period,indicator')
    assert '5663' in csv_text
    facts = json.loads(client.get(f'/reports-intel/{report.pk}/?export=json').content)
    assert any(f['value'] == 5663 and f['indicator'] == 'powers.items' for f in facts)
    assert all(f['source'] == report.file_name for f in facts)


def test_original_file_is_downloaded_as_uploaded(district, client, load):
    report = load(SEED_003)
    client.force_login(district.users['leader'])
    response = client.get(f'/reports-intel/{report.pk}/original/')
    assert b''.join(response.streaming_content) == seed_path(SEED_003).read_bytes()


@pytest.fixture
def four_regions(load):
    return [load(s) for s in (SEED_001, SEED_002, SEED_003, SEED_004)]


def test_benchmark_table_chart_and_links(district, client, four_regions):
    client.force_login(district.users['leader'])
    page = client.get('/reports-intel/benchmark/')
    body = page.content.decode()
    assert page.context['regions'] == sorted(['朝阳区', '通州区', '青山区', '海门区'])
    row = next(r for r in page.context['rows'] if r['code'] == 'reconsideration.correction_rate')
    cells = dict(zip(page.context['regions'], row['cells']))
    tongzhou = cells['通州区']
    assert (tongzhou['value'], tongzhou['unit'], tongzhou['period']) == (24.2, '%', 2023)
    report = tongzhou['report']
    assert report.text[tongzhou['start']:tongzhou['end']] == '約為24.2%'
    assert f'/reports-intel/{report.pk}/?focus=' in tongzhou['url']
    assert cells['海门区']['value'] == 30 and cells['朝阳区']['value'] == 11.6
    assert 'echarts.min.js' in body and 'benchmark.js' in body and 'id="chart-0"' in body
    charts = page.context['charts']
    chart = next(c for c in charts if c['code'] == 'reconsideration.correction_rate')
    assert chart['regions'] == ['朝阳区', '海门区', '通州区'] and chart['values'] == [11.6, 30.0, 24.2]
    focus = client.get(tongzhou['url'])
    assert focus.context['focus'] and f'id="fact-{focus.context["focus"]}"' in focus.content.decode()


def test_benchmark_year_filter(district, client, four_regions):
    client.force_login(district.users['leader'])
    page = client.get('/reports-intel/benchmark/', {'year': '2021'})
    assert page.context['regions'] == ['朝阳区']
    assert 2021 in page.context['years'] and 2023 in page.context['years']


def test_benchmark_xlsx_export(district, client, four_regions):
    from python_calamine import CalamineWorkbook

    client.force_login(district.users['district_admin'])
    response = client.get('/reports-intel/benchmark/', {'export': 'xlsx'})
    assert response['Content-Type'].startswith('application/vnd.openxmlformats')
    wb = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert wb.sheet_names == ['对比', '明细', '图表']
    table = wb.get_sheet_by_name('对比').to_python()
    assert table[0][:2] == ['指标代码', '指标'] and '朝阳区' in table[0]
    detail = wb.get_sheet_by_name('明细').to_python()
    assert any('001_db1df324d5669997.txt' in str(row[6]) for row in detail[1:])


def test_benchmark_api(district, four_regions):
    api = APIClient()
    api.force_authenticate(district.users['case_officer'])
    data = api.get('/api/reports-intel/benchmark/').json()
    assert data['regions'] == sorted(['朝阳区', '通州区', '青山区', '海门区'])
    cell = next(c for c in data['cells'] if c['indicator'] == 'hotline.response_rate' and c['region'] == '通州区')
    assert (cell['value'], cell['unit'], cell['period'], cell['text']) == (99.93, '%', 2023, '99.93%')
    assert cell['file_name'] == '001_db1df324d5669997.txt'
    assert api.get('/api/reports-intel/benchmark/', {'export': 'xlsx'}).status_code == 200


def test_check_page_highlights_a_draft_and_stores_nothing(district, client):
    client.force_login(district.users['legality_reviewer'])
    draft = '2023年，全区共审结行政复议案件977件，直接纠错236件，纠错率为28.2%。'
    page = client.post('/reports-intel/check/', {'text': draft})
    body = page.content.decode()
    assert page.status_code == 200 and '比率与计数不符' in body and 'hl-fact' in body
    assert ReportDocument.objects.count() == 0
    assert client.post('/reports-intel/check/', {'text': ''}).status_code == 200  # the form says what is missing


def test_api_upload_facts_and_findings(district):
    api = APIClient()
    api.force_authenticate(district.users['district_admin'])
    response = api.post('/api/reports-intel/reports/', {'files': [_seed_upload(SEED_004), _seed_upload(SEED_003)]},
                        format='multipart')
    assert response.status_code == 201
    loaded = {r['region']: r for r in response.json()['loaded']}
    haimen = loaded['海门区']
    facts = api.get(f'/api/reports-intel/reports/{haimen["id"]}/facts/').json()
    assert len(facts) == haimen['fact_count']
    rate = next(f for f in facts if f['indicator'] == 'reconsideration.correction_rate')
    assert (rate['value'], rate['unit'], rate['period']) == (30.0, '%', 2020)
    findings = api.get(f'/api/reports-intel/reports/{haimen["id"]}/findings/').json()
    assert findings['findings'][0]['label'] == '段落重复' and findings['findings'][0]['spans']
    detail = api.get(f'/api/reports-intel/reports/{haimen["id"]}/').json()
    assert detail['text'][rate['start']:rate['end']] == rate['text']
    bad = api.post('/api/reports-intel/reports/', {'file': SimpleUploadedFile('x.pdf', b'%PDF-1.4 x')},
                   format='multipart')
    assert bad.status_code == 400 and 'x.pdf' in bad.json()['errors'][0]
    again = api.post('/api/reports-intel/reports/', {'file': _seed_upload(SEED_003)}, format='multipart')
    assert again.status_code == 200 and again.json()['existing'][0]['id'] == loaded['青山区']['id']
    by_code = api.get('/api/reports-intel/facts/', {'indicator': 'powers.items'}).json()
    assert by_code['results'][0]['value'] == 5663
