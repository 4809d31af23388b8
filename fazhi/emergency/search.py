from fazhi.core.search import register

register('emergency.EmergencyPlan', 'name', 'doc_no')
register('emergency.Drill', 'title')
