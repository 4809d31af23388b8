"""`fazhi benchmark DIR [--xlsx PATH] [--csv PATH]`: regions × indicators across the reports in a directory."""
from fazhi.intel.cli import benchmark_main

from ._intel import IntelCommand


class Command(IntelCommand):
    help = '多地区报告指标横向对比（目录中的全部报告），可导出 Excel'
    main = staticmethod(benchmark_main)
