from fazhi.core.search import register

register('supervision.Proposal', 'title', 'number', 'proposer')
register('supervision.AuditFinding', 'finding_no', 'audit_project', 'description')
