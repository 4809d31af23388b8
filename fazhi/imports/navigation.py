from fazhi.core.navigation import NavItem, register
from fazhi.organization.choices import Role

IMPORTERS = frozenset({Role.DISTRICT_ADMIN, Role.UNIT_OFFICER})
FEED_READERS = frozenset({Role.DISTRICT_ADMIN, Role.LEGALITY_REVIEWER, Role.CASE_OFFICER, Role.LEADER,
                          Role.UNIT_OFFICER})

register(
    NavItem('数据导入', '上传导入', 'imports:upload', roles=IMPORTERS),
    NavItem('数据导入', '导入记录', 'imports:history', model_label='imports.ImportJob'),
    NavItem('数据导入', '全部业务数据台账', 'feeds:index', roles=FEED_READERS),
)
