from fazhi.core.feeds import nav_items
from fazhi.core.navigation import NavItem, register

from .feeds import HAZARD

register(
    NavItem('应急管理', '应急预案', 'emergency:plan_list', model_label='emergency.EmergencyPlan'),
    NavItem('应急管理', '应急演练', 'emergency:drill_list', model_label='emergency.Drill'),
    *nav_items(HAZARD),
)
