from fazhi.core.navigation import NavItem, register

register(
    NavItem('监督台账', '人大建议和政协提案', 'supervision:proposal_list', model_label='supervision.Proposal'),
    NavItem('监督台账', '审计发现问题整改', 'supervision:finding_list', model_label='supervision.AuditFinding'),
)
