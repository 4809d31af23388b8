"""`fazhi restore FILE --yes`: replace this installation's data with a backup made by `fazhi backup`."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fazhi.core import backup


class Command(BaseCommand):
    help = '从备份恢复：用备份文件替换业务数据库、分析数据库和上传文件（需加 --yes 确认），恢复后校验审计链'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('file', help='fazhi backup 生成的备份文件')
        parser.add_argument('--yes', action='store_true', help='确认用备份替换现有全部数据')

    def handle(self, *args: Any, **opts: Any) -> None:
        path = Path(opts['file'])
        if not opts['yes']:
            raise CommandError('恢复会替换现有全部数据。确认无误后请加 --yes 重新执行（建议先用 fazhi backup 备份当前数据）。')
        try:
            result = backup.restore(path, say=self.stdout.write)
        except (backup.BackupError, OSError) as exc:
            raise CommandError(f'恢复失败：{exc}') from exc
        self.stdout.write(self.style.SUCCESS(f'已从 {path.name}（备份于 {result.created_at}）恢复 {result.records} 条记录；'
                                             f'审计链：{result.audit}'))
