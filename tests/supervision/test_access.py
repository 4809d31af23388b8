"""Access to the supervision ledgers on every path (inherited suite) for proposals and audit findings."""
from __future__ import annotations

import datetime as dt

from fazhi.supervision.models import AuditFinding, Proposal
from tests.imports.ledger_access import LedgerAccessSuite


class TestProposalAccess(LedgerAccessSuite):
    model = Proposal
    list_url, detail_url = 'supervision:proposal_list', 'supervision:proposal_detail'
    add_url = 'supervision:proposal_add'
    api_url = '/api/supervision/proposals/'
    search_term = '加装电梯'

    def make(self, unit, index):
        return Proposal(unit=unit, kind='npc', year=2025, number=f'{index:04d}', title=f'关于老旧小区加装电梯的建议{index}',
                        proposer='王某', assigned_on=dt.date(2025, 3, 20))

    def form_data(self, unit, variant=1):
        return {'kind': 'cppcc', 'year': 2025, 'number': f'009{variant}', 'session': 'plenary', 'title': '关于加装电梯的提案',
                'proposer': '李某', 'unit': unit.pk, 'co_units': '', 'assigned_on': '2025-03-20'}


class TestAuditFindingAccess(LedgerAccessSuite):
    model = AuditFinding
    list_url, detail_url, add_url = 'supervision:finding_list', 'supervision:finding_detail', 'supervision:finding_add'
    api_url = '/api/supervision/audit-findings/'
    search_term = '专项资金'
    unit_officer_adds = False  # findings are entered by the district office; units rectify them

    def make(self, unit, index):
        return AuditFinding(unit=unit, finding_no=f'SJ2025-{index:03d}', audit_project='2024年度预算执行审计',
                            found_on=dt.date(2025, 6, 30), category='special_funds', description='专项资金闲置')

    def form_data(self, unit, variant=1):
        return {'finding_no': f'SJ2025-09{variant}', 'unit': unit.pk, 'audit_project': '2024年度预算执行审计',
                'found_on': '2025-06-30', 'category': 'fiscal', 'problem_code': '', 'description': '专项资金结余未上缴',
                'amount': '12.5', 'due_on': '2025-09-30', 'report_no': ''}
