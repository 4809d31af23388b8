"""Access to emergency plans and drills on every path (inherited suite)."""
from __future__ import annotations

import datetime as dt

from fazhi.emergency.models import Drill, EmergencyPlan
from tests.imports.ledger_access import LedgerAccessSuite


class TestEmergencyPlanAccess(LedgerAccessSuite):
    model = EmergencyPlan
    list_url, detail_url, add_url = 'emergency:plan_list', 'emergency:plan_detail', 'emergency:plan_add'
    api_url = '/api/emergency/plans/'
    search_term = '防汛'

    def make(self, unit, index):
        return EmergencyPlan(unit=unit, name=f'{unit.name}防汛应急预案{index}', level='department', category='natural')

    def form_data(self, unit, variant=1):
        return {'unit': unit.pk, 'name': f'防汛应急预案（新{variant}）', 'level': 'department', 'category': 'natural',
                'version': '2025版', 'revision_cycle_years': 3}


class TestDrillAccess(LedgerAccessSuite):
    model = Drill
    list_url, detail_url, add_url = 'emergency:drill_list', 'emergency:drill_detail', 'emergency:drill_add'
    api_url = '/api/emergency/drills/'
    search_term = '消防演练'

    def make(self, unit, index):
        return Drill(unit=unit, title=f'消防演练{index}', held_on=dt.date(2025, 6, index), kind='field', participants=50)

    def form_data(self, unit, variant=1):
        return {'unit': unit.pk, 'plan': '', 'title': '秋季消防演练', 'held_on': '2025-09-10', 'kind': 'tabletop',
                'participants': 30, 'issues_found': 2, 'summary': ''}
