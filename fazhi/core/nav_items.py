from fazhi.core.navigation import NavItem, register

register(
    NavItem('法定期限', '工作日历', 'calendar'),
    NavItem('法定期限', '期限计算', 'deadline_calculator'),
    NavItem('安全审计', '审计记录', 'audit_list', model_label='core.AuditEntry'),
    NavItem('安全审计', '审计链校验', 'audit_verify', model_label='core.AuditEntry'),
)

# Timeline events are seen through their record's (scoped) page, not listed on their own.
from fazhi.core.permissions import register_access  # noqa: E402
from fazhi.organization.choices import Role  # noqa: E402

register_access('core.workflowevent', {Role.DISTRICT_ADMIN: {'view': 'all'}, Role.LEADER: {'view': 'all'}})
