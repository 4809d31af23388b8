from fazhi.core.navigation import NavItem, register

GROUP = '考核评估'
REVIEWERS = frozenset({'district_admin', 'legality_reviewer', 'case_officer'})
BUSINESS = REVIEWERS | {'leader', 'unit_officer'}  # an expert with an account may hold any of these

register(
    NavItem(GROUP, '考核工作台', 'assessment:home', model_label='assessment.Campaign'),
    NavItem(GROUP, '考核活动', 'assessment:campaign_list', model_label='assessment.Campaign'),
    NavItem(GROUP, '考核指标体系', 'assessment:system_list', model_label='assessment.IndicatorSystem'),
    NavItem(GROUP, '我的评分任务', 'assessment:review_queue', roles=REVIEWERS),
    NavItem(GROUP, '考核申诉', 'assessment:objection_list', model_label='assessment.Objection'),
    NavItem(GROUP, '示范项目评审', 'assessment:round_list', model_label='assessment.ProjectRound'),
    NavItem(GROUP, '专家评审任务', 'assessment:expert_queue', roles=BUSINESS),
    NavItem('政务公开', '法治示范项目名单', 'assessment_public:rounds', public=True),
)
