"""Emergency management of the demo district: ~3,700 hazards (98% rectified; major ones slower) generated in
DuckDB; emergency plans with their filing and revision, and the year's drills, entered through the audited
service."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services
from fazhi.core.demo import DemoContext, register
from fazhi.core.feed_demo import Gen, register_generator

from . import time_limits
from .choices import DrillKind, EventCategory, PlanLevel, PlanState
from .feeds import HAZARD
from .models import Drill, EmergencyPlan

HAZARDS, DRILLS = 3_731, 300
CATEGORIES = ('消防安全', '燃气安全', '建筑施工', '危险化学品', '特种设备', '有限空间', '交通运输', '电气安全', '其他')
MEASURES = ('已更换过期灭火器并开展消防培训', '已拆除违规电气线路', '已清理占用的疏散通道', '已加装燃气泄漏报警装置',
            '已完成特种设备定期检验', '已设置有限空间作业警示标识', '已落实专人值守并完善台账')
SPECIAL_PLANS = [('防汛', EventCategory.NATURAL), ('地震', EventCategory.NATURAL), ('森林防火', EventCategory.NATURAL),
                 ('突发地质灾害', EventCategory.NATURAL), ('极端天气', EventCategory.NATURAL),
                 ('安全生产事故灾难', EventCategory.ACCIDENT), ('危险化学品事故', EventCategory.ACCIDENT),
                 ('火灾事故', EventCategory.ACCIDENT), ('燃气事故', EventCategory.ACCIDENT),
                 ('大面积停电事件', EventCategory.ACCIDENT), ('供水突发事件', EventCategory.ACCIDENT),
                 ('道路交通事故', EventCategory.ACCIDENT), ('突发公共卫生事件', EventCategory.HEALTH),
                 ('食品安全事故', EventCategory.HEALTH), ('重大动物疫情', EventCategory.HEALTH),
                 ('群体性事件', EventCategory.SECURITY), ('涉外突发事件', EventCategory.SECURITY),
                 ('网络安全事件', EventCategory.SECURITY)]


def hazards(gen: Gen) -> int:
    return gen.insert(HAZARD, gen.n(HAZARDS), f"""
        'YH{gen.year}' || lpad(CAST(i + 1 AS VARCHAR), 6, '0') AS hazard_no,
        fz_pick(w.street_heavy, i, 161) AS unit_code,
        fz_pick(w.company_heads, i, 162) || fz_pick(w.company_trades, i, 163) || '有限公司' AS enterprise_name,
        fz_pick(w.categories, i, 164) AS category, CASE WHEN u1 < 0.022 THEN 'major' ELSE 'general' END AS level,
        {gen.start()} + CAST(floor(u2 * 365) AS INTEGER) AS found_on,
        found_on + CASE WHEN level = 'major' THEN 30 + CAST(floor(u3 * 60) AS INTEGER)
                        ELSE 7 + CAST(floor(u3 * 23) AS INTEGER) END AS due_on,
        CASE WHEN u4 < CASE WHEN level = 'major' THEN 0.85 ELSE 0.983 END
             THEN found_on + 1 + CAST(floor(u5 * (due_on - found_on) * 1.05) AS INTEGER) END AS rectified_on,
        rectified_on IS NOT NULL AND u6 < 0.95 AS verified,
        CASE WHEN rectified_on IS NOT NULL THEN fz_pick(w.measures, i, 165) END AS measures""",
        extra={'categories': CATEGORIES, 'measures': MEASURES})


register_generator(60, HAZARD, hazards)


def _plan(ctx: DemoContext, unit: Any, name: str, level: str, category: str) -> EmergencyPlan:
    rng = ctx.rng
    issued = dt.date(ctx.year - rng.randint(0, 5), rng.randint(1, 12), rng.randint(1, 28))
    state = rng.choices([PlanState.EFFECTIVE, PlanState.REVISING, PlanState.REPEALED], [90, 6, 4])[0]
    plan = EmergencyPlan(unit=unit, name=name, level=level, category=category, version=f'{issued.year}版',
                         doc_no=f'云政办发〔{issued.year}〕{rng.randint(1, 60)}号', state=state, issued_on=issued,
                         revision_cycle_years=3)
    plan.revision_due = time_limits.revision_due(issued, 3)
    plan.filing_due = time_limits.filing_due(issued).due
    late = rng.random()
    if late < 0.92:
        plan.filed_on, plan.filed_with = issued + dt.timedelta(days=rng.randint(3, 20)), '明州市应急管理局'
    elif late < 0.97:
        plan.filed_on, plan.filed_with = issued + dt.timedelta(days=rng.randint(35, 60)), '明州市应急管理局'
    if state == PlanState.REPEALED:
        plan.repealed_on = issued + dt.timedelta(days=rng.randint(200, 900))
    return plan


@register(73, '应急预案和演练')
def create_plans_and_drills(ctx: DemoContext) -> None:
    units = ctx.data['units']
    emergency = next(u for u in units['departments'] if u.name == '区应急管理局')
    plans = [_plan(ctx, units['district'], '云溪区突发事件总体应急预案', PlanLevel.OVERALL, EventCategory.GENERAL)]
    plans += [_plan(ctx, emergency, f'云溪区{name}应急预案', PlanLevel.SPECIAL, cat) for name, cat in SPECIAL_PLANS]
    for dept in units['departments']:
        if dept.is_enforcement_body:
            name, cat = ctx.rng.choice(SPECIAL_PLANS)
            plans.append(_plan(ctx, dept, f'{dept.name}{name}应急预案', PlanLevel.DEPARTMENT, cat))
    for street in units['streets']:
        plans.append(_plan(ctx, street, f'{street.name}突发事件应急预案', PlanLevel.GRASSROOTS, EventCategory.GENERAL))
        plans.append(_plan(ctx, street, f'{street.name}防汛应急预案', PlanLevel.GRASSROOTS, EventCategory.NATURAL))
    plans = services.bulk_create(plans, message='演示数据')
    services.bulk_create([_drill(ctx, plans) for _ in range(ctx.count(DRILLS))], message='演示数据')


def _drill(ctx: DemoContext, plans: list[EmergencyPlan]) -> Drill:
    rng = ctx.rng
    plan = rng.choice(plans)
    held = dt.date(ctx.year, rng.randint(1, 12), rng.randint(1, 28))
    kind = rng.choices([DrillKind.TABLETOP, DrillKind.FIELD, DrillKind.COMBINED], [30, 55, 15])[0]
    evaluated = rng.random() < 0.85
    return Drill(unit=plan.unit, plan=plan if rng.random() < 0.85 else None, held_on=held, kind=kind,
                 title=f'{held.year}年{plan.name.replace("应急预案", "")}{DrillKind(kind).label}',
                 participants=rng.randint(20, 400), evaluated=evaluated,
                 issues_found=rng.randint(0, 6) if evaluated else 0,
                 summary='演练组织有序，发现的问题已建立整改清单。' if evaluated else '')
