from fazhi.core.search import register

register('litigation.Lawsuit', 'case_number', 'plaintiff_names', 'cause')
register('litigation.JudicialSuggestion', 'content', 'lawsuit__case_number')
