from fazhi.core.navigation import NavItem, register

LAWSUIT = 'litigation.Lawsuit'

register(
    NavItem('行政应诉', '诉讼案件', 'litigation:lawsuit_list', model_label=LAWSUIT),
    NavItem('行政应诉', '期限队列', 'litigation:queue', model_label=LAWSUIT),
    NavItem('行政应诉', '开庭及出庭应诉', 'litigation:hearing_list', model_label='litigation.CourtHearing'),
    NavItem('行政应诉', '司法建议', 'litigation:suggestion_list', model_label='litigation.JudicialSuggestion'),
    NavItem('行政应诉', '统计指标', 'litigation:figures', model_label=LAWSUIT),
)
