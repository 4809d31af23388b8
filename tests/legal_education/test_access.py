"""Access to the legal-education responsibility lists on every path (inherited suite)."""
from __future__ import annotations

from fazhi.legal_education.models import EducationDuty
from tests.imports.ledger_access import LedgerAccessSuite


class TestEducationDutyAccess(LedgerAccessSuite):
    model = EducationDuty
    list_url, detail_url = 'legal_education:duty_list', 'legal_education:duty_detail'
    add_url = 'legal_education:duty_add'
    api_url = '/api/legal-education/duties/'
    search_term = '民法典'

    def make(self, unit, index):
        return EducationDuty(unit=unit, year=2025, law_name=f'《中华人民共和国民法典》{index}', audience='辖区居民',
                             measures='进社区宣讲', form='lecture', planned_count=4)

    def form_data(self, unit, variant=1):
        return {'unit': unit.pk, 'year': 2025, 'law_name': f'《中华人民共和国民法典》{variant}', 'audience': '企业',
                'measures': '以案释法', 'form': 'case', 'planned_count': 4, 'completed_count': 1, 'people_reached': '',
                'responsible_person': '', 'state': 'in_progress', 'completed_on': ''}
