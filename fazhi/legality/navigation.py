from fazhi.core.navigation import NavItem, register

register(
    NavItem('合法性审查', '审查事项', 'legality:review_list', model_label='legality.ReviewRequest'),
    NavItem('合法性审查', '按单位和类型统计', 'legality:review_stats', model_label='legality.ReviewRequest'),
    NavItem('合法性审查', '法律顾问', 'legality:adviser_list', model_label='legality.LegalAdviser'),
    NavItem('合法性审查', '法律顾问参与记录', 'legality:engagement_list', model_label='legality.AdviserEngagement'),
    NavItem('合法性审查', '审查与顾问指标', 'legality:figures', model_label='legality.ReviewRequest'),
)
