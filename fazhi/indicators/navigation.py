from fazhi.core.navigation import NavItem, register

from .access import FIGURE_LABEL  # noqa: F401  (the access table is registered on import)
from fazhi.organization.choices import Role

_FIGURE_ROLES = frozenset({Role.DISTRICT_ADMIN, Role.LEGALITY_REVIEWER, Role.CASE_OFFICER, Role.LEADER,
                           Role.UNIT_OFFICER})
register(
    NavItem('指标分析', '领导驾驶舱', 'indicators:dashboard', roles=_FIGURE_ROLES),
    NavItem('指标分析', '指标目录', 'indicators:catalogue', roles=_FIGURE_ROLES),
)
