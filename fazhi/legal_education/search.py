from fazhi.core.search import register

register('legal_education.EducationDuty', 'law_name', 'audience')
