"""`fazhi audit verify`: check the hash chain of the audit trail."""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fazhi.core import audit
from fazhi.core.models import AuditEntry
from fazhi.core.progress import progress_bar


class Command(BaseCommand):
    help = '审计链操作：verify 校验审计记录的哈希链是否完整'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('operation', choices=['verify'])
        parser.add_argument('--quiet', action='store_true')

    def handle(self, *args: Any, **opts: Any) -> None:
        total = AuditEntry.objects.count()
        with progress_bar('校验审计链', total, enabled=not opts['quiet'] and total > 1000) as advance:
            result = audit.verify(progress=lambda n: advance(1))
        if not result.ok:
            raise CommandError(str(result))
        self.stdout.write(self.style.SUCCESS(str(result)))
