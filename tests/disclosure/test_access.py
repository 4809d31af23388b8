"""Access to disclosure requests and proactive items on every path (inherited suite)."""
from __future__ import annotations

import datetime as dt

from fazhi.disclosure.models import DisclosureItem, DisclosureRequest
from tests.imports.ledger_access import LedgerAccessSuite


class TestDisclosureRequestAccess(LedgerAccessSuite):
    model = DisclosureRequest
    list_url, detail_url, add_url = 'disclosure:request_list', 'disclosure:request_detail', 'disclosure:request_add'
    api_url = '/api/disclosure/requests/'
    search_term = '征收补偿'

    def make(self, unit, index):
        return DisclosureRequest(unit=unit, request_no=f'YSQ2025-{index:04d}', applicant_name='张某',
                                 content='申请公开征收补偿方案', received_on=dt.date(2025, 3, 3))

    def form_data(self, unit, variant=1):
        return {'request_no': f'YSQ2025-009{variant}', 'unit': unit.pk, 'applicant_kind': 'citizen',
                'applicant_name': '李某',
                'channel': 'online', 'received_on': '2025-03-03', 'content': '申请公开某项目征收补偿方案'}


class TestDisclosureItemAccess(LedgerAccessSuite):
    model = DisclosureItem
    list_url, detail_url, add_url = 'disclosure:item_list', 'disclosure:item_detail', 'disclosure:item_add'
    api_url = '/api/disclosure/items/'
    search_term = '部门预算'

    def make(self, unit, index):
        return DisclosureItem(unit=unit, title=f'2025年部门预算{index}', category='budget',
                              formed_on=dt.date(2025, 2, index))

    def form_data(self, unit, variant=1):
        return {'unit': unit.pk, 'title': '2025年部门预算公开', 'category': 'budget', 'formed_on': '2025-02-10',
                'published_on': '2025-02-20', 'channel': 'website', 'url': ''}
