"""`fazhi demo`: create a fresh database with the demo district, print the accounts, serve it."""
from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from fazhi.core import demo


class Command(BaseCommand):
    help = '生成演示区（确定性的逼真数据），打印各角色账号密码，并启动 Web 服务'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('--scale', type=float, default=1.0, help='数据量倍数（默认 1）')
        parser.add_argument('--seed', type=int, default=2026)
        parser.add_argument('--no-serve', action='store_true', help='只生成数据，不启动服务')
        parser.add_argument('--keep', action='store_true', help='数据库已有数据时保留，不重新生成')
        parser.add_argument('--reset', action='store_true', help='清空已有数据后重新生成（PostgreSQL 上必须显式指定）')
        parser.add_argument('--port', type=int, default=8000)

    def handle(self, *args: Any, **opts: Any) -> None:
        from fazhi.organization.models import Unit
        call_command('migrate', interactive=False, verbosity=0)
        if Unit.objects.exists():
            if not opts['keep']:
                self._reset(opts['reset'])
        if not Unit.objects.exists():
            ctx = demo.DemoContext(seed=opts['seed'], scale=opts['scale'],
                                   progress=lambda name: self.stdout.write(f'  生成：{name}…'))
            self.stdout.write(f'正在生成演示区（倍数 {opts["scale"]}）：')
            demo.run(ctx)
            self._print_accounts(ctx)
        else:
            self.stdout.write('保留已有数据（--keep）。')
        if not opts['no_serve']:
            call_command('serve', port=opts['port'], no_migrate=True)

    def _reset(self, explicit: bool) -> None:
        if explicit or settings.DATABASES['default']['ENGINE'].endswith('sqlite3'):
            self.stdout.write('清空已有演示数据库…')
            call_command('flush', interactive=False, verbosity=0)
            return
        raise CommandError('数据库中已有数据：如需清空重建请加 --reset，如需保留请加 --keep。')

    def _print_accounts(self, ctx: demo.DemoContext) -> None:
        from fazhi.organization.models import User
        self.stdout.write(self.style.SUCCESS('\n演示账号（用户名 / 密码 / 角色 / 单位）：'))
        for user in User.objects.select_related('unit').order_by('id'):
            if user.username in ctx.passwords:
                self.stdout.write(f'  {user.username:<12} {ctx.passwords[user.username]:<16} '
                                  f'{user.get_role_display():<10} {user.unit or ""}')
        self.stdout.write('')
