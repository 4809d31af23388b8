from fazhi.core.navigation import NavItem, register

INTERNAL = frozenset({'district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer'})

register(
    NavItem('规范性文件', '文件登记与办理', 'normative:document_list', roles=INTERNAL),
    NavItem('规范性文件', '报备和有效期预警', 'normative:alerts', roles=INTERNAL),
    NavItem('规范性文件', '文件清理', 'normative:campaign_list', model_label='normative.CleanupCampaign'),
    NavItem('规范性文件', '报备率等指标', 'normative:figures', roles=INTERNAL),
    NavItem('政务公开', '行政规范性文件库', 'public_normative_library', model_label='normative.NormativeDocument',
            public=True),
)
