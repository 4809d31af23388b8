"""Demo 普法责任清单: every department and street lists 3–5 duties for the year (谁执法谁普法), most done."""
from __future__ import annotations

import datetime as dt

from fazhi.core import services
from fazhi.core.demo import DemoContext, register

from .choices import DutyState, EducationForm
from .models import EducationDuty

LAWS = ['《中华人民共和国宪法》', '《中华人民共和国民法典》', '《中华人民共和国行政处罚法》', '《中华人民共和国安全生产法》',
        '《中华人民共和国食品安全法》', '《中华人民共和国未成年人保护法》', '《中华人民共和国反电信网络诈骗法》',
        '《中华人民共和国劳动合同法》', '《保障农民工工资支付条例》', '《优化营商环境条例》', '《中华人民共和国消防法》',
        '《中华人民共和国生态环境保护法律法规》', '《信访工作条例》', '《中华人民共和国法律援助法》']
AUDIENCES = ['辖区居民', '企业经营者', '中小学生', '外来务工人员', '机关干部', '老年人', '社区工作者', '个体工商户']


@register(75, '普法责任清单')
def create_duties(ctx: DemoContext) -> None:
    rng, duties = ctx.rng, []
    for unit in [*ctx.data['units']['departments'], *ctx.data['units']['streets']]:
        for law in rng.sample(LAWS, rng.randint(3, 5)):
            planned = rng.randint(2, 8)
            done = planned if rng.random() < 0.8 else rng.randint(0, planned - 1)
            state = DutyState.COMPLETED if done >= planned else (DutyState.IN_PROGRESS if done else DutyState.PLANNED)
            duties.append(EducationDuty(
                unit=unit, year=ctx.year, law_name=law, audience=rng.choice(AUDIENCES),
                measures=f'围绕{law}开展宣传和以案释法活动', form=rng.choice(list(EducationForm.values)),
                planned_count=planned, completed_count=done, people_reached=done * rng.randint(50, 600) or None,
                responsible_person=rng.choice('王李张刘陈杨') + rng.choice(['伟', '敏', '静', '强']), state=state,
                completed_on=dt.date(ctx.year, rng.randint(9, 12), rng.randint(1, 28)) if state == DutyState.COMPLETED
                else None))
    services.bulk_create(duties, message='演示数据')
