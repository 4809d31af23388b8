from fazhi.core.search import register

register('normative.NormativeDocument', 'title', 'doc_number', 'issuer')
register('normative.CleanupCampaign', 'name', 'basis')
