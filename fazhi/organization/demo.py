"""Demo district 云溪区 (a fictional district of 明州市): its units and one user per role."""
from __future__ import annotations

import string

from fazhi.core import services
from fazhi.core.demo import DemoContext, register

from .choices import Role, UnitKind
from .models import Liaison, Unit, User

DISTRICT = ('YX', '明州市云溪区人民政府', '云溪区')
DEPARTMENTS = [
    '区政府办公室', '区发展和改革委员会', '区教育委员会', '区科学技术和信息化局', '区民政局', '区司法局',
    '区财政局', '区人力资源和社会保障局', '区生态环境局', '区住房和城乡建设委员会', '区城市管理委员会',
    '区交通局', '区水务局', '区农业农村局', '区商务局', '区文化和旅游局', '区卫生健康委员会',
    '区退役军人事务局', '区应急管理局', '区审计局', '区人民政府国有资产监督管理委员会', '区市场监督管理局',
    '区统计局', '区体育局', '区医疗保障局', '区园林绿化局', '区政务服务管理局', '区城市管理综合行政执法局',
    '区信访办公室', '区民族宗教事务办公室', '区金融服务办公室', '区档案局', '区人民防空办公室',
    '区投资促进局', '区知识产权局', '区粮食和物资储备局', '区营商环境建设局', '区规划和自然资源综合执法队',
]
ENFORCEMENT_DEPARTMENTS = {
    '区教育委员会', '区民政局', '区人力资源和社会保障局', '区生态环境局', '区住房和城乡建设委员会',
    '区城市管理委员会', '区交通局', '区水务局', '区农业农村局', '区商务局', '区文化和旅游局', '区卫生健康委员会',
    '区应急管理局', '区市场监督管理局', '区统计局', '区体育局', '区医疗保障局', '区园林绿化局',
    '区城市管理综合行政执法局', '区人民防空办公室', '区规划和自然资源综合执法队',
}
VERTICALS = ['明州市公安局云溪分局', '明州市规划和自然资源委员会云溪分局', '国家税务总局明州市云溪区税务局',
             '云溪区消防救援支队', '明州市烟草专卖局云溪分局']
STREETS = ['朝阳门街道', '东湖街道', '西岭街道', '南苑街道', '北塘街道', '望江街道', '青石街道', '柳荫街道',
           '金桥街道', '新华街道', '明德街道', '安澜街道', '星河街道', '永丰街道', '云台街道', '白鹭街道',
           '梅溪镇', '桃源镇', '枫林镇', '双河镇', '石门镇', '清泉镇']
STREET_OFFICES = ['综合行政执法队', '党政综合办公室', '平安建设办公室']


def _password(ctx: DemoContext) -> str:
    rng = ctx.rng
    body = ''.join(rng.choice(string.ascii_letters + string.digits) for _ in range(8))
    return f'Fz#{body}{rng.randint(10, 99)}'


def _unit(code: str, name: str, kind: str, parent: Unit | None, **extra: object) -> Unit:
    return services.create(Unit(code=code, name=name, kind=kind, parent=parent, **extra))


@register(10, '单位')
def create_units(ctx: DemoContext) -> None:
    district = _unit(DISTRICT[0], DISTRICT[1], UnitKind.DISTRICT, None, short_name=DISTRICT[2], population=1_180_000)
    units = {'district': district, 'departments': [], 'streets': [], 'verticals': []}
    for i, name in enumerate(DEPARTMENTS, start=1):
        units['departments'].append(_unit(f'YX-D{i:02d}', name, UnitKind.DEPARTMENT, district, sort_order=i,
                                          is_enforcement_body=name in ENFORCEMENT_DEPARTMENTS))
    for i, name in enumerate(VERTICALS, start=1):
        units['verticals'].append(_unit(f'YX-V{i:02d}', name, UnitKind.VERTICAL, district, sort_order=100 + i,
                                        is_enforcement_body=True))
    for i, name in enumerate(STREETS, start=1):
        street = _unit(f'YX-S{i:02d}', name, UnitKind.STREET, district, sort_order=200 + i, is_enforcement_body=True,
                       population=ctx.rng.randint(25_000, 90_000))
        units['streets'].append(street)
        for j, office in enumerate(STREET_OFFICES, start=1):
            _unit(f'YX-S{i:02d}-{j}', f'{name}{office}', UnitKind.OFFICE, street, sort_order=j)
    ctx.data['units'] = units


@register(20, '用户')
def create_users(ctx: DemoContext) -> None:
    units = ctx.data['units']
    justice = next(u for u in units['departments'] if u.name == '区司法局')
    market = next(u for u in units['departments'] if u.name == '区市场监督管理局')
    people = [
        ('admin', '王建国', Role.DISTRICT_ADMIN, justice), ('reviewer', '李审查', Role.LEGALITY_REVIEWER, justice),
        ('caseofficer', '张复议', Role.CASE_OFFICER, justice), ('leader', '赵区长', Role.LEADER, units['district']),
        ('market', '陈市监', Role.UNIT_OFFICER, market), ('street', '刘街道', Role.UNIT_OFFICER, units['streets'][0]),
        ('sysadmin', '孙系统', Role.SYSTEM_ADMIN, justice), ('secadmin', '周安全', Role.SECURITY_ADMIN, justice),
        ('auditor', '吴审计', Role.AUDITOR, justice),
    ]
    users = []
    for username, name, role, unit in people:
        user = User(username=username, full_name=name, role=role, unit=unit)
        password = _password(ctx)
        user.set_password(password)
        ctx.passwords[username] = password
        users.append(services.create(user, message='演示数据'))
    ctx.data['users'] = {u.username: u for u in users}


SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '晓东']


@register(30, '法治工作联络员')
def create_liaisons(ctx: DemoContext) -> None:
    units = ctx.data['units']
    rows = []
    for unit in [*units['departments'], *units['verticals'], *units['streets']]:
        for is_head in (True, False):
            name = ctx.rng.choice(SURNAMES) + ctx.rng.choice(GIVEN)
            rows.append(Liaison(unit=unit, name=name, is_head=is_head, position='副主任' if is_head else '科员',
                                phone=f'010-{ctx.rng.randint(60000000, 69999999)}',
                                has_legal_qualification=ctx.rng.random() < 0.4))
    services.bulk_create(rows, message='演示数据')
