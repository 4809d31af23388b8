"""对账销号: a rectification closes only with evidence and a re-check by someone outside the unit (not the person
who submitted it); it reopens when later data shows the same problem again."""
from __future__ import annotations

import datetime as dt

import pytest

from fazhi.core import services, workflow
from fazhi.core.context import acting_as
from fazhi.core.models import WorkflowEvent
from fazhi.core.permissions import AccessDenied
from fazhi.organization.models import User
from fazhi.supervision.models import AuditFinding
from tests.conftest import PASSWORD


def finding(district, unit=None, number='SJ2025-001', code='ZX-01', found=dt.date(2025, 6, 30)):
    with acting_as(None, label='system:test'):
        return services.create(AuditFinding(unit=unit or district.market, finding_no=number, audit_project='预算执行审计',
                                            found_on=found, category='special_funds', problem_code=code,
                                            description='专项资金闲置', due_on=found + dt.timedelta(days=90)))


def submit(client, obj, evidence='整改报告、缴款凭证'):
    return client.post(f'/supervision/audit-findings/{obj.pk}/do/submit/',
                       {'on': '2025-08-01', 'measures': '已上缴结余资金', 'evidence': evidence})


def test_the_unit_submits_its_rectification_only_with_evidence(district, client):
    obj = finding(district)
    client.force_login(district.users['unit_officer'])
    refused = submit(client, obj, evidence='')
    assert refused.status_code == 400 and '没有整改佐证材料' in refused.content.decode()
    assert submit(client, obj).status_code == 302
    obj.refresh_from_db()
    assert obj.state == 'submitted' and obj.submitted_by == district.users['unit_officer']


def test_only_someone_outside_the_unit_closes_it(district, client):
    obj = finding(district)
    client.force_login(district.users['unit_officer'])
    submit(client, obj)
    own = client.post(f'/supervision/audit-findings/{obj.pk}/do/verify/',
                      {'on': '2025-08-10', 'verification_note': '同意'})
    assert own.status_code == 403 and '您的角色不能执行“核验销号”' in own.content.decode()
    insider = User.objects.create_user('market_admin', password=PASSWORD, role='district_admin',
                                       unit=district.market_office)
    client.force_login(insider)
    response = client.post(f'/supervision/audit-findings/{obj.pk}/do/verify/',
                           {'on': '2025-08-10', 'verification_note': '同意'})
    assert response.status_code == 400 and '核验人不能是责任单位（含下级单位）的人员' in response.content.decode()
    client.force_login(district.users['district_admin'])
    assert client.post(f'/supervision/audit-findings/{obj.pk}/do/verify/',
                       {'on': '2025-08-10', 'verification_note': '整改到位'}).status_code == 302
    obj.refresh_from_db()
    assert (obj.state, obj.closed_on, obj.verified_by) == ('closed', dt.date(2025, 8, 10),
                                                           district.users['district_admin'])


def test_the_submitter_cannot_verify_and_the_system_cannot_either(district, client):
    obj = finding(district, unit=district.street)
    client.force_login(district.users['district_admin'])
    submit(client, obj)
    response = client.post(f'/supervision/audit-findings/{obj.pk}/do/verify/', {'on': '2025-08-10',
                                                                               'verification_note': '同意'})
    assert '报送整改结果的人员不能核验销号' in response.content.decode()
    obj.refresh_from_db()
    with acting_as(None, label='system:test'), pytest.raises(workflow.TransitionRefused, match='登录后完成'):
        workflow.apply(obj, 'verify', verification_note='自动')


def test_send_back_and_manual_reopen_need_a_reason(district, client):
    obj = finding(district)
    client.force_login(district.users['unit_officer'])
    submit(client, obj)
    client.force_login(district.users['district_admin'])
    response = client.post(f'/supervision/audit-findings/{obj.pk}/do/send_back/', {'on': '2025-08-05'})
    assert response.status_code == 400
    client.post(f'/supervision/audit-findings/{obj.pk}/do/send_back/', {'on': '2025-08-05', 'reason': '佐证不足'})
    obj.refresh_from_db()
    assert obj.state == 'open' and obj.verification_note == '佐证不足'
    with acting_as(None, label='system:test'):
        obj = services.update(obj, {'state': 'closed'})
    with acting_as(district.users['unit_officer']), pytest.raises(AccessDenied, match='您的角色不能执行“重新打开”'):
        workflow.apply(obj, 'reopen', reason='单位自行重开')


def test_a_later_finding_of_the_same_problem_reopens_the_closed_one(district, client):
    old = finding(district, number='SJ2024-007', found=dt.date(2024, 6, 30))
    client.force_login(district.users['unit_officer'])
    submit(client, old)
    client.force_login(district.users['district_admin'])
    client.post(f'/supervision/audit-findings/{old.pk}/do/verify/', {'on': '2024-09-01', 'verification_note': '同意'})
    response = client.post('/supervision/audit-findings/add/', {
        'finding_no': 'SJ2025-003', 'unit': district.market.pk, 'audit_project': '2024年度预算执行审计',
        'found_on': '2025-06-30', 'category': 'special_funds', 'problem_code': 'ZX-01', 'description': '专项资金再次闲置'})
    assert response.status_code == 302
    old.refresh_from_db()
    new = AuditFinding.objects.get(finding_no='SJ2025-003')
    assert (old.state, old.reopen_count, old.closed_on) == ('reopened', 1, None)
    assert 'SJ2025-003' in old.reopen_reason and new.recurrence_of == old
    assert WorkflowEvent.objects.filter(object_id=old.pk, transition='recur').exists()
    other_unit = finding(district, unit=district.street, number='SJ2025-004')
    assert other_unit.recurrence_of is None


def test_reopened_finding_is_rectified_again(district, client):
    obj = finding(district)
    with acting_as(None, label='system:test'):
        services.update(obj, {'state': 'closed', 'evidence': '旧佐证', 'closed_on': dt.date(2025, 8, 1)})
    client.force_login(district.users['district_admin'])
    client.post(f'/supervision/audit-findings/{obj.pk}/do/reopen/', {'on': '2025-10-01', 'reason': '复查发现未整改到位'})
    obj.refresh_from_db()
    assert obj.state == 'reopened'
    client.force_login(district.users['unit_officer'])
    assert submit(client, obj).status_code == 302
