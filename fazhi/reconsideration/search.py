from fazhi.core.search import register

register('reconsideration.ReconsiderationCase', 'case_number', 'applicant_names', 'act_description')
register('reconsideration.PublishedDecision', 'title', 'document_number', 'redacted_text')
