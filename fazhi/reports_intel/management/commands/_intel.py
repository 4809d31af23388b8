"""Management commands that hand their arguments to the engine's CLI (`fazhi.intel.cli`) unchanged.

`fazhi extract …` runs `extract_main(argv)` and exits with its code (0 done, 1 findings, 2 unreadable input),
so help, options and exit codes are exactly the engine's.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any, Callable

from django.core.management.base import BaseCommand


class IntelCommand(BaseCommand):
    main: Callable[[list[str]], int]
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def run_from_argv(self, argv: list[str]) -> None:
        sys.exit(type(self).main(argv[2:]))

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('args', nargs=argparse.REMAINDER, help='与 python -m fazhi.intel 相同的参数')

    def handle(self, *args: Any, **options: Any) -> None:
        code = type(self).main(list(args))
        if code:
            raise SystemExit(code)
