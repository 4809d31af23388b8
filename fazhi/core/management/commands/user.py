"""`fazhi user create`: create an account with a role (the bootstrap of a new installation)."""
from __future__ import annotations

import getpass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from fazhi.core import services
from fazhi.core.context import acting_as
from fazhi.organization.choices import Role
from fazhi.organization.models import Unit, User


class Command(BaseCommand):
    help = '用户管理：create 新建账号（指定角色与单位）'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument('operation', choices=['create'])
        parser.add_argument('username')
        parser.add_argument('--role', required=True, choices=[r.value for r in Role])
        parser.add_argument('--unit', help='单位编码')
        parser.add_argument('--name', default='')
        parser.add_argument('--password', help='不提供则交互输入')

    def handle(self, *args: Any, **opts: Any) -> None:
        unit = None
        if opts['unit']:
            unit = Unit.objects.filter(code=opts['unit']).first()
            if unit is None:
                raise CommandError(f'单位编码“{opts["unit"]}”不存在')
        password = opts['password'] or getpass.getpass('密码：')
        user = User(username=opts['username'], role=opts['role'], unit=unit, full_name=opts['name'])
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError('密码不符合要求：' + '；'.join(exc.messages))
        user.set_password(password)
        with acting_as(None, label='system:cli'):
            try:
                services.create(user, message='命令行创建账号')
            except ValidationError as exc:
                raise CommandError('；'.join(f'{k}: {v}' for k, v in exc.message_dict.items()))
        self.stdout.write(self.style.SUCCESS(f'已创建账号 {user.username}（{user.get_role_display()}）'))
