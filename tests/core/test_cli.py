from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from fazhi.core import audit
from fazhi.organization.models import Liaison, Unit, User


def test_demo_builds_a_realistic_district_with_every_role(db, capsys):
    call_command('demo', no_serve=True)
    out = capsys.readouterr().out
    assert Unit.objects.filter(kind='department').count() >= 35
    assert Unit.objects.filter(kind='street').count() >= 20
    roles = set(User.objects.values_list('role', flat=True))
    assert roles == {'district_admin', 'legality_reviewer', 'case_officer', 'unit_officer', 'leader',
                     'system_admin', 'security_admin', 'auditor'}
    assert 'auditor' in out and 'Fz#' in out  # passwords are printed
    assert Liaison.objects.count() > 100
    assert audit.verify().ok


@pytest.mark.django_db(transaction=True)  # the rebuild flushes (TRUNCATE), as on a real installation
def test_demo_is_deterministic(capsys):
    call_command('demo', no_serve=True)
    order = ('unit__code', 'is_head', 'name')
    first = list(Liaison.objects.order_by(*order).values_list('unit__code', 'name', 'phone'))
    call_command('demo', no_serve=True, reset=True)
    assert list(Liaison.objects.order_by(*order).values_list('unit__code', 'name', 'phone')) == first


def test_user_create_enforces_password_policy(db, district):
    with pytest.raises(CommandError, match='密码不符合要求'):
        call_command('user', 'create', 'weak', role='leader', password='12345678')
    call_command('user', 'create', 'newleader', role='leader', unit='T', password='Strong#Pass99')
    assert User.objects.get(username='newleader').role == 'leader'
    with pytest.raises(CommandError, match='单位编码'):
        call_command('user', 'create', 'x', role='leader', unit='NOPE', password='Strong#Pass99')
