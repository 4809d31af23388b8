from fazhi.core.search import register

register('reports.Report', 'title', 'unit__name')
register('reports.NarrativeSection', 'title', 'text')
