"""`fazhi report annual|department|whitepaper|bulletin --unit CODE --year YYYY [--month M] [--out DIR]`:
draft a report from live data (a new archived version), write its DOCX, PDF and HTML to DIR, with a progress
bar; --check runs the pre-publication check and prints its findings; --publish publishes a clean version."""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from fazhi.core import workflow
from fazhi.core.context import acting_as

from ... import drafting
from ...choices import ReportKind
from ...html_writer import standalone
from ...models import Report


class Command(BaseCommand):
    help = '从实时数据生成法治政府建设年度报告、部门报告、白皮书或监督通报（Word、PDF、网页版）'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('kind', choices=[k.value for k in ReportKind], help='报告类型')
        parser.add_argument('--unit', required=True, help='编制单位编码（年度报告、白皮书、通报为区政府；部门报告为部门或街道）')
        parser.add_argument('--year', type=int, required=True, help='年度')
        parser.add_argument('--month', type=int, default=0, help='月份（监督通报）')
        parser.add_argument('--out', help='把 Word、PDF 和网页版写到这个目录')
        parser.add_argument('--no-pdf', action='store_true', help='不转换 PDF')
        parser.add_argument('--check', action='store_true', help='生成后运行发布前校核并列出问题')
        parser.add_argument('--publish', action='store_true', help='校核无问题时发布到公开页面')

    def handle(self, *args: Any, **opts: Any) -> None:
        from fazhi.organization.models import Unit
        console = Console(stderr=True)  # the progress bar; results go to stdout
        unit = Unit.objects.filter(code=opts['unit']).first()
        if unit is None:
            raise CommandError(f'单位不存在：{opts["unit"]}（请用单位编码，例如 YX）')
        kind = drafting.kind_for(opts['kind'], unit)
        month = opts['month'] or 0
        if kind == ReportKind.BULLETIN and not 1 <= month <= 12:
            raise CommandError('监督通报按月编制，请用 --month 指定 1 至 12 的月份。')
        if kind != ReportKind.BULLETIN:
            month = 0
        started = time.perf_counter()
        with acting_as(None, label='system:cli'):
            report = Report.objects.filter(kind=kind, unit=unit, year=opts['year'], month=month).first()
            try:
                report = report or drafting.create_report(kind, unit, opts['year'], month)
            except ValidationError as exc:
                raise CommandError('；'.join(exc.messages))
            version = self._render(console, report, not opts['no_pdf'])
            self.stdout.write(f'已生成《{report.title}》第{version.number}版：{version.figure_count} 个数字，'
                              f'{version.pages} 页，{version.gap_count} 处数据暂缺，用时 {time.perf_counter() - started:.1f} 秒。')
            if opts['out']:
                self._write(version, Path(opts['out']))
            if opts['check'] or opts['publish']:
                version = drafting.check(report)
                self._findings(version)
            if opts['publish']:
                try:
                    report = drafting.publish(report)
                except workflow.TransitionRefused as exc:
                    raise CommandError(str(exc))
                self.stdout.write(f'已发布第{report.published_version.number}版（{report.published_on}）。')

    def _render(self, console: Console, report: Report, make_pdf: bool) -> Any:
        columns = (TextColumn('[bold]{task.description}'), BarColumn(), TextColumn('{task.percentage:>3.0f}%'),
                   TimeElapsedColumn())
        quiet = not sys.stderr.isatty()
        if quiet:
            return drafting.render(report, source='cli', make_pdf=make_pdf)
        with Progress(*columns, console=console, transient=False) as bar:
            task = bar.add_task('生成报告', total=100)

            def step(percent: int, phase: str) -> None:
                bar.update(task, completed=percent, description=f'生成报告：{phase}')
            return drafting.render(report, source='cli', progress=step, make_pdf=make_pdf)

    def _write(self, version: Any, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        base = f'{version.report.kind}-{version.report.unit.code}-{version.report.period_label}'
        for fmt in ('docx', 'pdf', 'html'):
            content = version.read_file(fmt)
            if not content:
                continue
            if fmt == 'html':
                content = standalone(version.report.title, content)
            path = out / f'{base}.{fmt}'
            path.write_bytes(content)
            self.stdout.write(f'  {path}')

    def _findings(self, version: Any) -> None:
        if not version.findings:
            self.stdout.write('发布前校核：未发现问题。')
            return
        self.stdout.write(f'发布前校核：发现 {len(version.findings)} 个问题：')
        for i, f in enumerate(version.findings, start=1):
            self.stdout.write(f'  {i}. [{f["label"]}] {f["message"]}')
