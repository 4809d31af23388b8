"""The `fazhi` command: every job of the platform as a subcommand.

Subcommands are Django management commands (serve, demo, user, audit, ...); run
`fazhi help` for the list.
"""
from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'fazhi.settings')
    from django.core.management import execute_from_command_line
    execute_from_command_line(['fazhi', *(argv or ['help'])])


if __name__ == '__main__':
    main()
