"""Litigation through the pages and the API, Excel import, queues and figures."""
from __future__ import annotations

import datetime as dt
import io

import pytest
import xlsxwriter
from django.urls import reverse
from rest_framework.test import APIClient

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.litigation.figures import FIGURES
from fazhi.litigation.models import CourtHearing, Lawsuit
from fazhi.reconsideration.casework.figures import Params, breakdown, evaluate, records

from .conftest import new_lawsuit


def post_step(client, suit, name, **data):
    return client.post(reverse('litigation:lawsuit_transition', args=[suit.pk, name]), data)


def test_register_and_take_a_lawsuit_through_the_pages(district, client):
    client.force_login(district.users['case_officer'])
    response = client.post(reverse('litigation:lawsuit_add'), {
        'case_number': '（2026）明0105行初1号', 'court': '云溪区人民法院', 'instance': 'first', 'plaintiff_names': '张三',
        'plaintiff_kind': 'natural', 'defendant_unit': district.market.pk, 'cause': '不服罚款决定', 'domain': 'market',
        'complaint_received_on': '2026-09-20'})
    assert response.status_code == 302
    suit = Lawsuit.objects.get()
    page = client.get(suit.get_absolute_url()).content.decode()
    assert '答辩举证期限' in page and '2026-10-08' in page and '国庆节' in page
    assert post_step(client, suit, 'submit_defence', on='2026-10-08').status_code == 302
    refused = post_step(client, suit, 'record_hearing', on='2026-10-20', appearance='staff', court_notified_head='on')
    assert refused.status_code == 409 and '加盖公章的书面说明' in refused.content.decode()
    assert post_step(client, suit, 'record_hearing', on='2026-10-20', appearance='principal',
                     appeared_name='陈局长', appeared_position='局长').status_code == 302
    assert post_step(client, suit, 'judge', on='2026-11-02', outcome='dismiss_claim').status_code == 302
    assert post_step(client, suit, 'appeal', on='2026-11-10', appellant='plaintiff').status_code == 302
    page = client.get(suit.get_absolute_url()).content.decode()
    assert '后续审级' in page and '正职负责人出庭' in page


def test_every_path_through_the_api(district):
    api = APIClient()
    api.force_authenticate(district.users['case_officer'])
    pk = api.post('/api/litigation/lawsuits/', {
        'case_number': 'A1', 'court': '云溪区人民法院', 'plaintiff_names': '李四', 'defendant_unit': district.street.pk,
        'cause': '强制拆除', 'complaint_received_on': '2026-03-02', 'filed_on': '2026-02-25'}, format='json').json()['id']

    def run(name, **body):
        return api.post(f'/api/litigation/lawsuits/{pk}/transitions/{name}/', body, format='json')

    body = run('submit_defence', on='2026-03-10').json()
    assert body['state'] == 'in_trial'
    assert {d['key'] for d in body['due_dates']} == {'defence', 'appeal', 'term'} - {'appeal'}
    assert run('record_hearing', on='2026-03-20', appearance='deputy', appeared_name='副区长').json()['hearing_count'] == 1
    assert run('suspend', on='2026-03-21', note='鉴定').json()['state'] == 'suspended'
    assert run('resume', on='2026-03-30').json()['state'] == 'in_trial'
    assert run('final_judgment', on='2026-04-01', outcome='uphold_original').status_code == 409
    judged = run('judge', on='2026-04-01', outcome='confirm_illegal', served_on='2026-04-02').json()
    assert judged['lost'] is True and next(d for d in judged['due_dates'] if d['key'] == 'appeal')['due'] == '2026-04-17'
    assert run('become_effective', on='2026-04-20').json()['state'] == 'concluded'
    assert CourtHearing.objects.get().head_appeared


def import_book(rows):
    header = ['案号', '审理法院', '原告', '被告', '案由', '收到起诉状副本日期', '开庭日期', '出庭情况', '出庭人员', '裁判结果',
              '审结日期', '生效日期']
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'in_memory': True})
    sheet = book.add_worksheet()
    for i, row in enumerate([header, *rows]):
        sheet.write_row(i, 0, row)
    book.close()
    buffer.seek(0)
    buffer.name = 'lawsuits.xlsx'
    return buffer


def test_import_with_hearings_and_row_errors(district, client):
    client.force_login(district.users['case_officer'])
    rows = [['（2024）明0105行初1号', '云溪区人民法院', '甲', '区市场监督管理局', '罚款', '2024-03-01', '2024-04-01',
             '副职负责人出庭', '李副局长', '判决撤销（含部分撤销、责令重作）', '2024-05-01', '2024-05-20'],
            ['（2024）明0105行初2号', '云溪区人民法院', '乙', '区市场监督管理局', '罚款', '2024-03-02', '', '', '', '', '',
             '']]
    bad = client.post(reverse('litigation:lawsuit_import'), {'file': import_book(rows + [
        ['（2024）明0105行初3号', '云溪区人民法院', '丙', '区市场监督管理局', '罚款', '2024-03-03', '2024-04-01', '', '', '',
         '', '']])})
    assert bad.status_code == 400 and '第4行：开庭日期和出庭情况须同时填写' in bad.context['errors']
    assert not Lawsuit.objects.exists()
    ok = client.post(reverse('litigation:lawsuit_import'), {'file': import_book(rows)})
    assert ok.status_code == 302
    first = Lawsuit.objects.get(case_number='（2024）明0105行初1号')
    assert first.state == 'concluded' and first.lost and first.hearing_count == 1
    assert CourtHearing.objects.get(lawsuit=first).head_appeared
    assert Lawsuit.objects.get(case_number='（2024）明0105行初2号').state == 'received'


def tongzhou_year(district, year=2025):
    """285 lawsuits received, 203 concluded (196 first-instance with 4 lost), 349 hearings of which 300 with a head."""
    suits, hearings = [], []
    for i in range(285):
        received = dt.date(year, 1, 1) + dt.timedelta(days=i % 330)
        first = i >= 25
        concluded = i < 203
        suit = Lawsuit(case_number=f'T{year}-{i}', court='法院', plaintiff_names='甲', defendant_unit=district.market,
                       cause='x', domain='market' if i % 3 else 'urban', complaint_received_on=received,
                       instance='first' if first else 'second', state='concluded' if concluded else 'in_trial',
                       concluded_on=received + dt.timedelta(days=30) if concluded else None,
                       outcome=('revoke' if 25 <= i < 29 else 'dismiss_claim') if concluded else '')
        suit.refresh_derived()
        suits.append(suit)
    with acting_as(None, label='system:test'):
        services.bulk_create(suits)
        for i in range(349):
            hearing = CourtHearing(lawsuit=suits[i % 285], held_on=dt.date(year, 1, 1) + dt.timedelta(days=i % 360),
                                   appearance='principal' if i < 15 else 'deputy' if i < 300 else 'staff')
            hearing.clean()
            hearings.append(hearing)
        services.bulk_create(hearings)


def test_tongzhou_figures(district, client):
    tongzhou_year(district)
    params = Params.year(2025)

    def value(code):
        return evaluate(FIGURES[code], params)

    assert value('litigation.received').value == 285 and value('litigation.concluded').value == 203
    loss = value('litigation.loss_rate')
    assert (loss.numerator, loss.denominator, loss.display) == (4, 178, '2.2%')
    appearance = value('litigation.head_appearance_rate')
    assert (appearance.numerator, appearance.denominator, appearance.display) == (300, 349, '86.0%')
    assert value('litigation.principal_head_appearances').value == 15
    assert records(FIGURES['litigation.loss_rate'], params).count() == 4
    by_domain = breakdown(FIGURES['litigation.head_appearance_rate'], params, 'domain')
    assert sum(r['denominator'] for r in by_domain) == 349
    client.force_login(district.users['leader'])
    page = client.get(reverse('litigation:figures'), {'year': 2025})
    rows = {r.figure.code: r.display for r in page.context['rows']}
    assert rows['litigation.head_appearance_rate'] == '86.0%'
    drill = client.get(reverse('litigation:figure_records', args=['litigation.head_appearance_rate']),
                       {'year': 2025, 'part': 'denominator'})
    assert drill.context['paginator'].count == 349


@pytest.mark.parametrize('kind,count', [('overdue', 1), ('due_soon', 0)])
def test_queue(district, client, kind, count):
    new_lawsuit(district.market, received='2026-01-05')
    client.force_login(district.users['unit_officer'])
    page = client.get(reverse('litigation:queue'), {'kind': kind})
    assert len(page.context['entries']) == count
