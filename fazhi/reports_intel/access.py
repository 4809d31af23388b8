"""Who may see and load reports, their facts and their findings.

Reports are district-wide data (`unit_lookup = None`), so the default unit-scoped grants do not fit; the table:
- 依法治区办管理员 (district_admin): view, load, delete;
- 合法性审查员 (legality_reviewer): view and load (reviewing a draft report before publication is legality work);
- 案件承办人 (case_officer) and 领导 (leader): view;
- unit data officers, the system / security / audit administrators and the public: nothing.
Facts and findings follow their report: they are written together with it and removed with it.
"""
from __future__ import annotations

from fazhi.core.permissions import register_access
from fazhi.organization.choices import Role

VIEW = {'view': 'all'}
LOAD = {'view': 'all', 'add': 'all'}
LOADER_ROLES = frozenset({Role.DISTRICT_ADMIN.value, Role.LEGALITY_REVIEWER.value})  # may load and check reports

register_access('reports_intel.reportdocument', {
    Role.DISTRICT_ADMIN: {'view': 'all', 'add': 'all', 'change': 'all', 'delete': 'all'},
    Role.LEGALITY_REVIEWER: LOAD, Role.CASE_OFFICER: VIEW, Role.LEADER: VIEW,
})
for label in ('reports_intel.reportfact', 'reports_intel.reportfinding'):
    register_access(label, {Role.DISTRICT_ADMIN: LOAD, Role.LEGALITY_REVIEWER: LOAD, Role.CASE_OFFICER: VIEW,
                            Role.LEADER: VIEW})
