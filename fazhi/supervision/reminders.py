"""Overdue items these ledgers report to the dashboard: proposals not replied to and findings not rectified."""
from fazhi.core.overdue import register_overdue

from .choices import OPEN_FINDING_STATES, OPEN_PROPOSAL_STATES
from .models import AuditFinding, Proposal

register_overdue('建议提案逾期未答复', Proposal, 'supervision:proposal_list', 'due=overdue',
                 open_filter={'state__in': OPEN_PROPOSAL_STATES})
register_overdue('审计问题逾期未整改', AuditFinding, 'supervision:finding_list', 'due=overdue',
                 open_filter={'state__in': OPEN_FINDING_STATES})
