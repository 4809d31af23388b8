"""Importing the hand-managed ledgers (Django records) through the same upload page: every type from its template's
columns, update-or-insert on re-import, row-level errors, the unit rules, one audit entry per record and per batch."""
from __future__ import annotations

import pytest

from fazhi.core.models import AuditEntry
from fazhi.imports.models import ImportJob
from fazhi.imports.registry import get_type, import_types

from .kit import write_csv, write_xlsx

LEDGERS = [t.name for t in import_types() if t.kind == 'ledger']
EXCEPTIONS = {'unit': 'T-D2', 'plan': '', 'number': '0001', 'finding_no': 'SJ2025-001'}


def ledger_file(tmp_path, name, rows=2, **changes):
    spec = get_type(name).ledger
    header = [c.header for c in spec.columns]
    data = []
    for i in range(rows):
        row = []
        for c in spec.columns:
            value = changes.get(c.key, EXCEPTIONS.get(c.key, c.example))
            if c.key in ('number', 'finding_no', 'request_no', 'title', 'name', 'law_name') and value:
                value = f'{value}{i}'
            row.append(value)
        data.append(row)
    return write_xlsx(tmp_path / f'{name}.xlsx', header, data)


def upload(client, path, name):
    with open(path, 'rb') as fh:
        assert client.post('/imports/', {'type': name, 'file': fh}).status_code == 302
    return ImportJob.objects.latest('id')


@pytest.mark.parametrize('name', LEDGERS)
def test_every_ledger_imports_and_reimports_without_duplicates(district, analytics, client, tmp_path, name):
    model = get_type(name).ledger.model
    client.force_login(district.users['district_admin'])
    template = client.get(f'/imports/templates/{name}/')
    assert template.status_code == 200 and template['Content-Type'].endswith('spreadsheetml.sheet')
    path = ledger_file(tmp_path, name)
    job = upload(client, path, name)
    assert job.state == 'succeeded', job.errors
    assert (job.inserted, job.updated) == (2, 0) and model.objects.count() == 2
    again = upload(client, path, name)
    assert (again.state, again.inserted, again.updated) == ('succeeded', 0, 2) and model.objects.count() == 2
    assert AuditEntry.objects.filter(object_type=model._meta.label_lower, action='create').count() == 2
    assert AuditEntry.objects.filter(object_type='imports.importjob').count() == 2


def test_ledger_errors_are_row_level_and_nothing_is_written(district, analytics, client, tmp_path):
    from fazhi.disclosure.models import DisclosureRequest
    client.force_login(district.users['district_admin'])
    path = ledger_file(tmp_path, 'disclosure_request', rows=3)
    from python_calamine import CalamineWorkbook
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    rows[2][rows[0].index('收到申请日期')] = '2025年13月1日'
    job = upload(client, write_xlsx(tmp_path / 'bad.xlsx', rows[0], rows[1:]), 'disclosure_request')
    assert job.state == 'rejected' and DisclosureRequest.objects.count() == 0
    assert job.errors[0]['row'] == 3 and job.errors[0]['column'] == '收到申请日期'
    assert '第3行“收到申请日期”列' in job.errors[0]['message']


def test_unit_officer_imports_only_their_units_ledger_rows(district, analytics, client, tmp_path):
    from fazhi.legal_education.models import EducationDuty
    client.force_login(district.users['unit_officer'])
    job = upload(client, ledger_file(tmp_path, 'legal_education_duty', unit='T-S1'), 'legal_education_duty')
    assert job.state == 'rejected' and EducationDuty.objects.count() == 0
    assert '您无权为该单位导入记录' in job.errors[0]['message']
    job = upload(client, ledger_file(tmp_path, 'legal_education_duty', unit='T-D2-1'), 'legal_education_duty')
    assert job.state == 'succeeded' and EducationDuty.objects.filter(unit=district.market_office).count() == 2


def test_missing_required_column(district, analytics, client, tmp_path):
    client.force_login(district.users['district_admin'])
    path = write_csv(tmp_path / 'p.csv', ['类型', '年度', '编号'], [['人大代表建议', '2025', '1']])
    job = upload(client, path, 'proposal')
    assert job.state == 'rejected' and '缺少必填列' in job.errors[0]['message'] and '标题' in job.errors[0]['message']


def test_proposal_history_import_sets_state_and_deadline(district, analytics, client, tmp_path):
    from fazhi.supervision.models import Proposal
    client.force_login(district.users['district_admin'])
    job = upload(client, ledger_file(tmp_path, 'proposal', rows=1, satisfaction='不满意', feedback_on='2025-06-25'),
                 'proposal')
    assert job.state == 'succeeded', job.errors
    proposal = Proposal.objects.get()
    assert proposal.state == 'redo' and str(proposal.due_on) == '2025-06-20' and proposal.on_time
    assert str(proposal.redo_due_on) == '2025-09-25'
