"""Overdue items this ledger reports to the dashboard: published documents not filed within the time limit."""
from fazhi.core.overdue import register_overdue

from .choices import DocumentState
from .models import NormativeDocument

register_overdue('规范性文件逾期未报备', NormativeDocument, 'normative:alerts', '',
                 open_filter={'state': DocumentState.PUBLISHED, 'filed_on__isnull': True}, due_field='filing_due')
