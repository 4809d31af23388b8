from fazhi.core.navigation import NavItem, register

INTERNAL = frozenset({'district_admin', 'legality_reviewer', 'case_officer', 'leader', 'unit_officer'})

register(
    NavItem('重大行政决策', '决策事项目录', 'decisions:catalogue_list', roles=INTERNAL),
    NavItem('重大行政决策', '决策事项', 'decisions:decision_list', roles=INTERNAL),
    NavItem('重大行政决策', '公众意见审核与处理', 'decisions:comment_list', model_label='decisions.PublicComment'),
    NavItem('重大行政决策', '决策后评估', 'decisions:evaluation_list', model_label='decisions.DecisionEvaluation'),
    NavItem('重大行政决策', '决策指标', 'decisions:figures', roles=INTERNAL),
    NavItem('政务公开', '重大行政决策', 'public_decision_index', model_label='decisions.DecisionCatalogue',
            public=True),
)
