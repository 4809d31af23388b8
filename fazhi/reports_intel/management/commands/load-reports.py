"""`fazhi load-reports FILE|DIR... [--user NAME] [--region R] [--year Y]`: store reports in the platform.

Each file is read, extracted, audited and stored with its facts and findings (all or nothing per file), so the
benchmark page and API cover it. A directory contributes every report file under it. Exit code 2 when a file
could not be read (the others are still loaded), else 0; findings are reported, not errors.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.context import acting_as
from fazhi.core.permissions import AccessDenied
from fazhi.core.progress import progress_bar
from fazhi.intel import ReadError
from fazhi.intel.benchmark import report_files


class Command(BaseCommand):
    help = '把报告文件载入平台（提取数量事实、核查并保存，供横向对比和核对使用）'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('paths', nargs='+', metavar='FILE', help='报告文件或目录：TXT、HTML、DOCX 或 PDF')
        parser.add_argument('--user', help='以该用户的身份和权限载入（默认以系统身份）')
        parser.add_argument('--region', default='', help='地区（默认从报告中识别）')
        parser.add_argument('--year', type=int, help='年度（默认从报告中识别）')

    def handle(self, *args: Any, **opts: Any) -> None:
        from fazhi.organization.models import User

        from ...loading import load_report

        user = None
        if opts['user']:
            user = User.objects.filter(username=opts['user']).first()
            if user is None:
                raise CommandError(f'用户 {opts["user"]} 不存在')
        files: list[Path] = []
        for name in opts['paths']:
            path = Path(name)
            files.extend(report_files(path) if path.is_dir() else [path])
        failed = 0
        with acting_as(user, label=f'cli:{user.username}' if user else 'system:cli'):
            with progress_bar('载入报告', len(files), enabled=self.stdout.isatty()) as advance:
                for path in files:
                    try:
                        result = load_report(path.read_bytes(), path.name, user=user, region=opts['region'],
                                             year=opts['year'])
                    except OSError as exc:
                        failed += 1
                        self.stderr.write(f'错误：无法读取文件 {path}：{exc.strerror or exc}')
                    except ReadError as exc:
                        failed += 1
                        self.stderr.write(f'错误：{exc}')
                    except AccessDenied as exc:
                        raise CommandError(str(exc))
                    else:
                        r = result.report
                        state = '已载入' if result.created else '此前已载入'
                        self.stdout.write(f'{state} #{r.pk} {r.file_name}：{r.region or "地区未识别"} '
                                          f'{r.year or ""}年，数量事实 {r.fact_count} 条，发现问题 {r.finding_count} 处')
                    advance(1)
        if failed:
            raise SystemExit(2)
