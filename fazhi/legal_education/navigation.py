from fazhi.core.navigation import NavItem, register

register(NavItem('监督台账', '普法责任清单', 'legal_education:duty_list', model_label='legal_education.EducationDuty'))
