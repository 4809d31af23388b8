from fazhi.core.navigation import NavItem, register

register(
    NavItem('政务服务与公开', '依申请公开', 'disclosure:request_list', model_label='disclosure.DisclosureRequest'),
    NavItem('政务服务与公开', '主动公开', 'disclosure:item_list', model_label='disclosure.DisclosureItem'),
)
