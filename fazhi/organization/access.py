"""Access tables for units, users and the audit trail (三员分立: no role both manages users and reads the trail)."""
from __future__ import annotations

from fazhi.core.permissions import register_access

from .choices import Role

ALL_VIEW = {'view': 'all'}

register_access('organization.unit', {
    Role.SYSTEM_ADMIN: {'view': 'all', 'add': 'all', 'change': 'all', 'delete': 'all'},
    Role.DISTRICT_ADMIN: ALL_VIEW, Role.LEGALITY_REVIEWER: ALL_VIEW, Role.CASE_OFFICER: ALL_VIEW,
    Role.LEADER: ALL_VIEW, Role.SECURITY_ADMIN: ALL_VIEW, Role.AUDITOR: ALL_VIEW,
    Role.UNIT_OFFICER: {'view': 'subtree'},
})
register_access('organization.user', {
    # System administrator: accounts (create, deactivate, reset password). Security administrator:
    # roles and unlocking. Neither reads the audit trail.
    Role.SYSTEM_ADMIN: {'view': 'all', 'add': 'all', 'change': 'all'},
    Role.SECURITY_ADMIN: {'view': 'all', 'change': 'all'},
})
register_access('core.auditentry', {Role.AUDITOR: {'view': 'all'}})
