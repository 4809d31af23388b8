"""The audit trail: every write recorded, the chain verifiable, tampering detected and named."""
from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from fazhi.core import audit, services
from fazhi.core.context import acting_as
from fazhi.core.models import AuditChainHead, AuditEntry, UnauditedWrite
from fazhi.organization.models import Liaison


def test_create_update_delete_are_recorded_with_before_and_after(district):
    officer = district.users['unit_officer']
    with acting_as(officer):
        liaison = services.create(Liaison(unit=district.market, name='钱一', phone='1'))
        services.update(liaison, {'phone': '2'})
        services.delete(liaison)
    entries = list(AuditEntry.objects.filter(object_type='organization.liaison', actor_name='unit_officer')
                   .order_by('seq'))
    assert [e.action for e in entries] == ['create', 'update', 'delete']
    assert entries[0].after['name'] == '钱一'
    assert entries[1].before == {'phone': '1'} and entries[1].after == {'phone': '2'}
    assert entries[2].before['phone'] == '2'
    assert entries[0].unit_id == district.market.pk
    assert audit.verify().ok


def test_save_outside_the_audited_service_is_refused(district):
    liaison = Liaison.objects.first()
    liaison.name = '绕过审计'
    with pytest.raises(UnauditedWrite):
        liaison.save()
    with pytest.raises(UnauditedWrite):
        Liaison.objects.filter(pk=liaison.pk).update(name='绕过审计')
    with pytest.raises(UnauditedWrite):
        Liaison.objects.filter(pk=liaison.pk).delete()


def _tamper(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_verify_names_an_entry_whose_content_was_edited(district):
    target = AuditEntry.objects.order_by('seq')[5]
    _tamper('UPDATE core_auditentry SET message = %s WHERE seq = %s', ['篡改', target.seq])
    result = audit.verify()
    assert not result.ok and result.entry_seq == target.seq
    assert f'第 {target.seq} 条' in str(result)
    with pytest.raises(CommandError, match=f'第 {target.seq} 条'):
        call_command('audit', 'verify', quiet=True)


def test_verify_detects_a_deleted_middle_entry_and_a_deleted_last_entry(district):
    last = AuditChainHead.objects.get().seq
    _tamper('DELETE FROM core_auditentry WHERE seq = %s', [3])
    assert audit.verify().entry_seq == 3
    _tamper('INSERT INTO core_auditentry (seq, timestamp, actor_name, actor_role, action, object_type, object_id, '
            'object_repr, message, request_id, ip, prev_hash, hash) SELECT 3, timestamp, actor_name, actor_role, '
            'action, object_type, object_id, object_repr, message, request_id, ip, prev_hash, %s FROM core_auditentry '
            'WHERE seq = 4', ['f' * 64])
    assert not audit.verify().ok
    _tamper('DELETE FROM core_auditentry WHERE seq = %s', [3])


def test_verify_detects_a_deleted_tail(district):
    last = AuditChainHead.objects.get().seq
    _tamper('DELETE FROM core_auditentry WHERE seq = %s', [last])
    result = audit.verify()
    assert not result.ok and '末尾' in result.problem


def test_verify_passes_on_untouched_chain_and_command_succeeds(district, capsys):
    call_command('audit', 'verify', quiet=True)
    assert '审计链完整' in capsys.readouterr().out


def test_bulk_create_writes_one_chained_entry_per_record(district):
    before = AuditEntry.objects.count()
    with acting_as(None, label='system:import'):
        services.bulk_create([Liaison(unit=district.street, name=f'批量{i}') for i in range(30)])
    assert AuditEntry.objects.count() == before + 30
    assert audit.verify().ok
