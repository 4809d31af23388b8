"""`fazhi backup [FILE]`: one archive of the database, the analytics store and the uploaded files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from fazhi.core import backup


class Command(BaseCommand):
    help = '备份：业务数据库、分析数据库和上传文件写入一个 .tar.gz 文件（默认 var/backups/ 下）'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('file', nargs='?', help='备份文件路径（.tar.gz）')

    def handle(self, *args: Any, **opts: Any) -> None:
        path = Path(opts['file'] or Path(settings.DATA_DIR) / 'backups' /
                    f'fazhi-{dt.datetime.now():%Y%m%d-%H%M%S}.tar.gz')
        try:
            manifest = backup.create(path, say=self.stdout.write)
        except (backup.BackupError, OSError) as exc:
            raise CommandError(f'备份失败：{exc}') from exc
        records = sum(manifest['counts'].values())
        self.stdout.write(self.style.SUCCESS(f'已备份 {records} 条记录到 {path}（{path.stat().st_size // 1024} KB）'))
