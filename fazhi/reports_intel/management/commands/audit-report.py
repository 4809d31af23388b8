"""`fazhi audit-report FILE... [--json]`: consistency audit of a report's figures (exit code 1 on findings)."""
from fazhi.intel.cli import audit_main

from ._intel import IntelCommand


class Command(IntelCommand):
    help = '核查报告中数字的一致性（发现问题时退出码为 1）'
    main = staticmethod(audit_main)
