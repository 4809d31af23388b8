from fazhi.core.navigation import NavItem, register

from .access import LOADER_ROLES

REPORT = 'reports_intel.ReportDocument'

register(
    NavItem('报告分析', '报告库', 'reports_intel:report_list', model_label=REPORT),
    NavItem('报告分析', '上传报告', 'reports_intel:upload', roles=LOADER_ROLES),
    NavItem('报告分析', '地区指标横向对比', 'reports_intel:benchmark', model_label=REPORT),
    NavItem('报告分析', '发布前数字核查', 'reports_intel:check', roles=LOADER_ROLES),
)
