from fazhi.core.search import register

register('legality.ReviewRequest', 'title', 'serial', 'counterparty', 'unit__name')
register('legality.LegalAdviser', 'name', 'organization', 'unit__name')
