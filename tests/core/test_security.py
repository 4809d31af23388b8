"""等保三级 practice: lockout after repeated failures, password policy, idle session timeout."""
from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
import pytest

from fazhi.core.models import AuditEntry
from tests.conftest import PASSWORD


def _attempt(client, username, password):
    return client.post('/accounts/login/', {'username': username, 'password': password})


def test_lockout_after_repeated_failures_even_with_the_right_password(district, client):
    for _ in range(settings.FAZHI_LOCKOUT_THRESHOLD):
        response = _attempt(client, 'leader', 'wrong')
        assert response.status_code == 200
    response = _attempt(client, 'leader', PASSWORD)
    assert response.status_code == 200
    assert '已被锁定' in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    assert AuditEntry.objects.filter(action='locked', object_repr='leader').exists()
    assert AuditEntry.objects.filter(action='login_failed').count() >= settings.FAZHI_LOCKOUT_THRESHOLD


def test_security_admin_unlocks(district, client):
    leader = district.users['leader']
    for _ in range(settings.FAZHI_LOCKOUT_THRESHOLD):
        _attempt(client, 'leader', 'wrong')
    leader.refresh_from_db()
    assert leader.is_locked
    client.force_login(district.users['security_admin'])
    client.post(f'/organization/users/{leader.pk}/edit/', {'role': 'leader', 'unlock': 'on'})
    leader.refresh_from_db()
    assert not leader.is_locked and leader.failed_logins == 0
    client.logout()
    assert _attempt(client, 'leader', PASSWORD).status_code == 302


def test_successful_login_is_audited_and_resets_the_counter(district, client):
    _attempt(client, 'leader', 'wrong')
    assert _attempt(client, 'leader', PASSWORD).status_code == 302
    district.users['leader'].refresh_from_db()
    assert district.users['leader'].failed_logins == 0
    assert AuditEntry.objects.filter(action='login', actor_name='leader').exists()


@pytest.mark.parametrize('password', ['short1A!', 'alllowercaseletters', '12345678901', 'Password123'])
def test_password_policy_rejects_weak_passwords(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_password_policy_accepts_a_strong_password():
    validate_password('Yunxi#Fazhi2026')


def test_idle_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST  # the timeout counts from the last request, i.e. idle time
    assert settings.SESSION_COOKIE_HTTPONLY


def test_expired_password_must_be_changed(district, client):
    from datetime import timedelta
    from django.utils import timezone
    from fazhi.organization.models import User
    User.objects.filter(username='leader').update(password_changed_at=timezone.now() - timedelta(days=400))
    client.force_login(User.objects.get(username='leader'))
    response = client.get('/')
    assert response.status_code == 302 and response['Location'].endswith('/accounts/password/')
