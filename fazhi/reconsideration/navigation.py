from fazhi.core.navigation import NavItem, register

CASE = 'reconsideration.ReconsiderationCase'

register(
    NavItem('行政复议', '复议案件', 'reconsideration:case_list', model_label=CASE),
    NavItem('行政复议', '期限队列', 'reconsideration:queue', model_label=CASE),
    NavItem('行政复议', '送达记录', 'reconsideration:service_list', model_label='reconsideration.ServiceRecord'),
    NavItem('行政复议', '当事人', 'reconsideration:party_list', model_label='reconsideration.Party'),
    NavItem('行政复议', '纠错反馈', 'reconsideration:feedback_list', model_label='reconsideration.CorrectionFeedback'),
    NavItem('行政复议', '决定书公开审核', 'reconsideration:publication_list', roles=frozenset(
        {'district_admin', 'case_officer', 'legality_reviewer', 'leader', 'unit_officer'})),
    NavItem('行政复议', '统计指标', 'reconsideration:figures', model_label=CASE),
    NavItem('政务公开', '行政复议决定书', 'reconsideration_public:decision_list',
            model_label='reconsideration.PublishedDecision', public=True),
)
