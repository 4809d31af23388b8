"""`fazhi import TYPE FILE [--unit CODE] [--user NAME]`: import a file with a progress bar; row-level errors in
Chinese; exit status 1 when nothing was imported. `fazhi import --list` lists the types; `--template PATH`
writes a type's import template."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from fazhi.core.ingest import errors_to_xlsx, template_csv, template_xlsx
from fazhi.legality.ledger_import import template_xlsx as ledger_template

from ... import runner
from ...choices import JobSource, JobState
from ...registry import ImportType, can_import, get_type, import_types
from ...reports import job_result

SHOWN_ERRORS = 50


class Command(BaseCommand):
    help = '导入 Excel/CSV 文件（TYPE 为记录类型代码，fazhi import --list 查看全部类型）'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('type', nargs='?', help='记录类型代码，如 penalty、hotline_request、proposal')
        parser.add_argument('file', nargs='?', help='要导入的 Excel 或 CSV 文件')
        parser.add_argument('--unit', help='限定单位范围：文件中只能包含该单位及其下级单位的记录')
        parser.add_argument('--user', help='以该用户的身份和权限导入（默认以系统身份导入）')
        parser.add_argument('--list', action='store_true', help='列出可以导入的记录类型')
        parser.add_argument('--template', metavar='PATH', help='把该类型的导入模板写到 PATH（.xlsx 或 .csv）')
        parser.add_argument('--report', metavar='PATH', help='导入失败时把完整错误报告写到 PATH（.xlsx）')

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts['list']:
            return self.list_types()
        import_type = self.import_type(opts['type'])
        if opts['template']:
            return self.write_template(import_type, Path(opts['template']))
        if not opts['file']:
            raise CommandError('请指定要导入的文件：fazhi import TYPE FILE')
        path = Path(opts['file'])
        if not path.is_file():
            raise CommandError(f'文件“{path}”不存在或无法读取')
        user, unit = self.user(opts['user'], import_type), self.unit(opts['unit'])
        job = runner.create_job(import_type, path.name, str(path.resolve()), path.stat().st_size, user, unit,
                                JobSource.CLI, user_label=getattr(user, 'username', None) or 'cli')
        job = self.run(job, as_system=user is None)
        self.report(job, opts['report'])

    def list_types(self) -> None:
        for t in import_types():
            self.stdout.write(f'{t.name:<26} {t.verbose_name}（{t.group}；唯一标识：{t.natural_key_text or "—"}）')

    def import_type(self, name: str | None) -> ImportType:
        if not name:
            raise CommandError('请指定记录类型：fazhi import TYPE FILE（fazhi import --list 查看全部类型）')
        found = get_type(name)
        if found is None:
            raise CommandError(f'未知的记录类型“{name}”（fazhi import --list 查看全部类型）')
        return found

    def write_template(self, import_type: ImportType, path: Path) -> None:
        if import_type.ledger is not None:
            path.write_bytes(ledger_template(import_type.ledger))
        elif path.suffix.lower() == '.csv':
            template_csv(import_type.feed.schema, path)
        else:
            template_xlsx(import_type.feed.schema, path)
        self.stdout.write(f'已生成{import_type.verbose_name}导入模板：{path}')

    def user(self, username: str | None, import_type: ImportType) -> Any:
        if not username:
            return None
        from fazhi.organization.models import User
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f'用户“{username}”不存在或已停用')
        if not can_import(user, import_type):
            raise CommandError(f'用户“{username}”没有权限导入{import_type.verbose_name}')
        return user

    def unit(self, code: str | None) -> Any:
        if not code:
            return None
        from fazhi.organization.models import Unit
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            raise CommandError(f'单位编码“{code}”不存在')
        return unit

    def run(self, job: Any, as_system: bool) -> Any:
        console = Console(file=sys.stderr)
        columns = (TextColumn('[bold]{task.description}'), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, disable=not console.is_terminal) as bar:
            task = bar.add_task(f'导入{job.type_label}', total=1000)
            return runner.execute(job, lambda done, total: bar.update(task, completed=done, total=total),
                                  as_system=as_system)

    def report(self, job: Any, report_path: str | None) -> None:
        if job.state == JobState.SUCCEEDED:
            self.stdout.write(self.style.SUCCESS(f'{job.file_name}：{job.message}（用时 {job.seconds or 0:.1f} 秒）'))
            return
        for error in job.errors[:SHOWN_ERRORS]:
            self.stderr.write(f'文件“{error["file"] or job.file_name}”{error["message"]}')
        if job.error_count > SHOWN_ERRORS:
            self.stderr.write(f'……共 {job.error_count} 处错误，此处列出前 {SHOWN_ERRORS} 处。')
        if report_path:
            errors_to_xlsx(job_result(job), report_path)
            self.stderr.write(f'完整错误报告：{report_path}')
        raise CommandError(job.message or '导入失败，未导入任何数据', returncode=1)
