"""`fazhi serve`: apply migrations and serve the platform with gunicorn (static files via WhiteNoise)."""
from __future__ import annotations

import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = '启动 Web 服务（默认 http://127.0.0.1:8000）'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('--host', default='127.0.0.1')
        parser.add_argument('--port', type=int, default=8000)
        parser.add_argument('--workers', type=int, default=2)
        parser.add_argument('--threads', type=int, default=8)
        parser.add_argument('--no-migrate', action='store_true')

    def handle(self, *args: Any, **opts: Any) -> None:
        if not opts['no_migrate']:
            call_command('migrate', interactive=False, verbosity=0)
        from gunicorn.app.wsgiapp import WSGIApplication
        self.stdout.write(f'法治政府建设一体平台：http://{opts["host"]}:{opts["port"]}/  （Ctrl+C 停止）')
        sys.argv = ['gunicorn', 'fazhi.wsgi:application', '--bind', f'{opts["host"]}:{opts["port"]}',
                    '--workers', str(opts['workers']), '--threads', str(opts['threads']),
                    '--worker-class', 'gthread', '--access-logfile', '-']
        WSGIApplication('%(prog)s [OPTIONS] [APP_MODULE]').run()
