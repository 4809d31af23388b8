from fazhi.core.navigation import NavItem, register

register(
    NavItem('组织机构', '单位', 'organization:unit_list', model_label='organization.Unit'),
    NavItem('组织机构', '法治工作联络员', 'organization:liaison_list', model_label='organization.Liaison'),
    NavItem('系统管理', '用户管理', 'organization:user_list', model_label='organization.User'),
)
