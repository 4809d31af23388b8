from fazhi.core.search import register

register('decisions.MajorDecision', 'title', 'summary')
register('decisions.DecisionCatalogue', 'title')
