from fazhi.core.search import register

register('assessment.IndicatorSystem', 'name', 'code')
register('assessment.Campaign', 'name', 'period')
register('assessment.ProjectRound', 'name')
register('assessment.ProjectApplication', 'title', 'unit__name')
