"""`fazhi extract FILE... [--format json|csv] [--out PATH]`: every quantitative fact with its span."""
from fazhi.intel.cli import extract_main

from ._intel import IntelCommand


class Command(IntelCommand):
    help = '提取报告中的全部数量事实（含原文位置），输出 JSON 或 CSV'
    main = staticmethod(extract_main)
