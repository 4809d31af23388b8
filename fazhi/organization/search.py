from fazhi.core.search import register

register('organization.Unit', 'name', 'code', 'short_name')
register('organization.Liaison', 'name', 'unit__name')
