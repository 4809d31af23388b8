from fazhi.core.navigation import NavItem, register
from fazhi.organization.choices import Role

register(
    NavItem('报告编制', '报告列表', 'reports:report_list', model_label='reports.Report'),
    NavItem('报告编制', '新建报告', 'reports:report_create', roles=frozenset({Role.DISTRICT_ADMIN, Role.UNIT_OFFICER})),
    NavItem('政务公开', '法治政府建设报告', 'reports_public:report_list', public=True),
)
