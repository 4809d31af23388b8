"""Demo: the default indicator system, the 2025 annual campaign run to publication (automatic scores from the demo
year's data, self-assessments with evidence, assigned reviewers, objections decided), and a demonstration-project
round like 朝阳区 2021 (71 applications from 29 departments and 42 street/town projects, seven experts with
conflict-of-interest declarations, trimmed means, 11 selected and published); a 2026 round open for applications.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile

from fazhi.core import services as core_services
from fazhi.core import workflow
from fazhi.core.context import acting_as
from fazhi.core.demo import DemoContext, register

from . import projects, services
from .choices import DIMENSIONS, RuleType
from .models import ItemScore, ProjectRound, ReviewerAssignment

DEFAULT_FILE = Path(__file__).parent / 'systems' / 'shifan-2021.yaml'
D = dt.date

# 朝阳区 2021: 区民政局、区市场监管局、区司法局、区人社局、区商务局 and six streets/towns were selected.
STRONG_DEPARTMENTS = ('区民政局', '区市场监督管理局', '区司法局', '区人力资源和社会保障局', '区商务局')
DEPARTMENT_THEMES = [
    '“社区成长伙伴计划”党建引领社区治理', '信用风险分类监管“沙盒”', '行政复议“一站式”受理和调解', '劳动人事争议“总对总”诉调对接',
    '涉外商事法律服务中心', '行政规范性文件全生命周期管理', '重大行政决策“五步法”', '包容审慎监管“四张清单”',
    '执法全过程记录数字化', '政务服务“一网通办”告知承诺', '校园安全依法治理', '生态环境执法“非现场监管”',
    '住房租赁纠纷多元化解', '城市管理“街巷长”依法治理', '交通执法“首违不罚”', '水务执法与河长制衔接',
    '农村集体资产依法监管', '文旅市场信用监管', '医疗纠纷人民调解', '应急管理“执法+专家”检查',
    '审计整改“对账销号”', '国有企业合规管理', '统计执法“双随机”', '体育场馆安全依法管理', '医保基金监管“智能审核”',
    '园林绿化行政许可告知承诺', '营商环境法治保障“服务包”', '知识产权纠纷快速维权', '档案执法检查规范化',
]
STREET_THEMES = [
    '综合行政执法“吹哨报到”', '接诉即办“每月一题”', '物业纠纷“三方共治”', '“法律明白人”培养工程', '社区法律顾问全覆盖',
    '街乡执法案卷评查', '老旧小区改造协商议事', '拆违控违依法推进', '“枫桥式”矛盾纠纷调解室', '村规民约合法性审查',
]
EXPERTS = [
    ('陈立言', '明州大学法学院', '教授'), ('周明远', '省社会科学院法学研究所', '研究员'),
    ('何书衡', '省委党校法学教研部', '教授'), ('宋知行', '明州市司法局', '处长'),
    ('钱守正', '明州市律师协会', '律师'), ('林清和', '明州市人大常委会法工委', '副主任'),
]


def _points(value: float) -> Decimal:
    return Decimal(str(round(value * 2) / 2))  # half points, as reviewers usually give


@register(85, '考核评估（年度考核与示范项目评审）')
def build(ctx: DemoContext) -> None:
    users = ctx.data.get('users', {})
    with acting_as(None, label='system:demo'):
        system = services.load_system(DEFAULT_FILE.read_text(encoding='utf-8'), note='随平台提供的默认配置')
    campaign = _annual_campaign(ctx, system, users)
    ctx.data['assessment'] = {'system': system, 'campaign': campaign}
    ctx.data['assessment']['round'] = _demonstration_round(ctx, users)
    _open_round(ctx)


def _as(user: Any) -> Any:
    return acting_as(user, label=getattr(user, 'username', 'system:demo')) if user else acting_as(None,
                                                                                                 label='system:demo')


def _annual_campaign(ctx: DemoContext, system: Any, users: dict[str, Any]) -> Any:
    rng = ctx.rng
    year = ctx.year
    admin, reviewer, case_officer = users.get('admin'), users.get('reviewer'), users.get('caseofficer')
    with acting_as(None, label='system:demo'):
        campaign = services.create_campaign(name=f'{year}年度法治政府建设考核', period=str(year), system=system,
                                            self_due=D(year + 1, 1, 20), review_due=D(year + 1, 2, 5))
    with _as(admin):
        campaign = workflow.apply(campaign, 'open', on=D(year + 1, 1, 5), step_on=D(year + 1, 1, 5))
    entries = list(campaign.entries.select_related('unit'))
    quality = {e.unit_id: rng.uniform(0.62, 0.98) for e in entries}
    for name in STRONG_DEPARTMENTS:
        for e in entries:
            if e.unit.name == name:
                quality[e.unit_id] = max(quality[e.unit_id], 0.93)
    manual = list(ItemScore.objects.filter(entry__campaign=campaign, method=RuleType.MANUAL, applicable=True)
                  .select_related('item', 'entry__unit', 'entry__campaign')
                  .order_by('entry__unit__sort_order', 'item__sort_order'))
    # self-assessment with evidence: the demo accounts' units and a fifth of the others (the rest missed the deadline)
    own = {getattr(users.get(u), 'unit_id', None) for u in ('market', 'street')}
    assessing = {e.unit_id for e in entries if e.unit_id in own or rng.random() < 0.2}
    for score in manual:
        if score.entry.unit_id not in assessing:
            continue
        officer = users.get('market') if score.entry.unit_id == getattr(users.get('market'), 'unit_id', -1) else \
            users.get('street') if score.entry.unit_id == getattr(users.get('street'), 'unit_id', -1) else None
        with _as(officer):
            body = (f'{score.entry.unit.name}：{score.item.name}佐证材料（{year}年度）\n'
                    f'{(score.item.rule or {}).get("evidence", "")}\n').encode('utf-8')
            upload = ContentFile(body, name=f'{score.item.code}-佐证材料.txt')
            services.add_evidence(score, upload, f'{score.item.name}佐证材料')
            share = min(1.0, quality[score.entry.unit_id] + rng.uniform(0.0, 0.12))
            services.self_assess(score, self_score=_points(float(score.item.points) * share),
                                 note=f'已按要求落实：{score.item.name}。', on=D(year + 1, 1, 15))
    with _as(admin):
        campaign = workflow.apply(campaign, 'start_review', on=D(year + 1, 1, 21), step_on=D(year + 1, 1, 21))
        areas = list(system.items.filter(level=1))
        for area in areas:
            who = reviewer if int(area.code) <= 4 else case_officer
            if who is not None:
                core_services.create(ReviewerAssignment(campaign=campaign, reviewer=who, area=area),
                                     message='分配评分任务')
    justice = {e.unit_id for e in entries if e.unit.name == '区司法局'}
    manual = list(ItemScore.objects.filter(pk__in=[s.pk for s in manual])
                  .select_related('item__parent__parent', 'entry__unit', 'entry__campaign')
                  .order_by('entry__unit__sort_order', 'item__sort_order'))
    for score in manual:
        area_code = score.item.code.split('.')[0]
        who = admin if score.entry.unit_id in justice else (reviewer if int(area_code) <= 4 else case_officer)
        share = min(1.0, max(0.3, quality[score.entry.unit_id] + rng.uniform(-0.12, 0.06)))
        value = _points(float(score.item.points) * share)
        comment = '材料齐全，落实到位' if share > 0.9 else '基本落实，个别材料不完整' if share > 0.7 else '落实不到位，材料缺失较多'
        if score.self_score is None:
            comment += '；单位未按期自评'
        with _as(who):
            services.review(score, value=value, comment=comment, on=D(year + 1, 2, 1), totals=False)
    with _as(admin):
        services.recompute(campaign)
        campaign = workflow.apply(campaign, 'open_objections', on=D(year + 1, 2, 3), step_on=D(year + 1, 2, 3),
                                  closes_on=D(year + 1, 2, 10))
    _objections(ctx, campaign, users)
    with _as(admin):
        campaign = workflow.apply(campaign, 'finalize', on=D(year + 1, 2, 11), step_on=D(year + 1, 2, 11))
        campaign = workflow.apply(campaign, 'publish', on=D(year + 1, 2, 15), step_on=D(year + 1, 2, 15),
                                  note='经区依法治区办审定发布')
    return campaign


def _objections(ctx: DemoContext, campaign: Any, users: dict[str, Any]) -> None:
    year = ctx.year
    admin = users.get('admin')
    market, street = users.get('market'), users.get('street')
    decided = []
    for officer, accept in ((street, True), (market, False)):
        if officer is None:
            continue
        score = (ItemScore.objects.filter(entry__campaign=campaign, entry__unit=officer.unit, deductions__points__gt=0)
                 .distinct().first() or
                 ItemScore.objects.filter(entry__campaign=campaign, entry__unit=officer.unit, method=RuleType.MANUAL,
                                          applicable=True).order_by('score').first())
        if score is None:
            continue
        with _as(officer):
            reason = ('扣分明细中第一条记录已于期限内办结，系台账录入延迟，附办结凭证。' if score.method == RuleType.DEDUCTION
                      else '评分未考虑我单位补充提交的材料，请复核。')
            objection = services.submit_objection(score, reason=reason, on=D(year + 1, 2, 6))
        decided.append((objection, accept))
    for objection, accept in decided:
        with _as(admin):
            score = objection.score
            if accept:
                new = min(score.item.points, (score.score or Decimal(0)) + Decimal('0.5'))
                workflow.apply(objection, 'accept', on=D(year + 1, 2, 9), step_on=D(year + 1, 2, 9),
                               decided_score=new, response='经核实，申诉理由成立，调整得分。')
            else:
                workflow.apply(objection, 'reject', on=D(year + 1, 2, 9), step_on=D(year + 1, 2, 9),
                               response='经复核，原评分依据充分，维持原分。')


def _demonstration_round(ctx: DemoContext, users: dict[str, Any]) -> Any:
    from fazhi.organization.models import Unit
    rng = ctx.rng
    year = ctx.year
    admin = users.get('admin')
    with _as(admin):
        round_ = core_services.create(ProjectRound(
            name=f'{year}年度法治政府建设示范项目评审', year=year, dimension_max=dict(projects.DEFAULT_MAX),
            trim_min_experts=5, trim_each=1, quota_department=5, quota_street=6, max_per_unit=2,
            accept_until=D(year, 9, 15),
            notice='入选项目纳入全区法治政府建设示范创建储备库，并在白皮书示范创建项目专栏中总结推广。'),
            message='演示数据')
        round_ = workflow.apply(round_, 'open', on=D(year, 8, 20), step_on=D(year, 8, 20))
    departments = list(Unit.objects.filter(kind='department', is_active=True).order_by('sort_order'))
    strong = [u for u in departments if u.name in STRONG_DEPARTMENTS]
    others = [u for u in departments if u.name not in STRONG_DEPARTMENTS]
    rng.shuffle(others)
    applying = (strong + others)[:29]
    streets = list(Unit.objects.filter(kind='street', is_active=True).order_by('sort_order'))
    street_slots = [s for s in streets for _ in range(2)][:42] if len(streets) * 2 >= 42 else streets * 2
    merit: dict[int, float] = {}
    themes = list(DEPARTMENT_THEMES)
    for i, unit in enumerate(applying):
        application = _apply(round_, unit, f'{unit.name}{themes[i % len(themes)]}', year)
        merit[application.pk] = 0.92 if unit in strong else rng.uniform(0.6, 0.86)
    best_streets = set(rng.sample(range(len(street_slots)), 6)) if len(street_slots) >= 6 else set()
    for i, unit in enumerate(street_slots):
        theme = STREET_THEMES[(i * 3 + unit.sort_order) % len(STREET_THEMES)]
        application = _apply(round_, unit, f'{unit.name}{theme}', year, second=i % 2 == 1)
        merit[application.pk] = rng.uniform(0.88, 0.95) if i in best_streets else rng.uniform(0.58, 0.85)
    with _as(admin):
        experts = [projects.add_expert(round_, name=n, affiliation=a, title=t) for n, a, t in EXPERTS]
        reviewer = users.get('reviewer')
        if reviewer is not None:
            experts.append(projects.add_expert(round_, name=reviewer.full_name or reviewer.username,
                                               affiliation=str(reviewer.unit), title='合法性审查员', user=reviewer))
        # the bar association's expert advises the first street's government: he declares that conflict
        conflicts = {'钱守正': [streets[0].code]} if streets else {}
        for expert in experts:
            if expert.user_id is None:
                projects.declare(expert, conflict_unit_codes=conflicts.get(expert.name, []), text='',
                                 on=D(year, 9, 18))
    if reviewer is not None:
        with _as(reviewer):
            projects.declare(experts[-1], conflict_unit_codes=[], on=D(year, 9, 18),
                             text='本人在区司法局工作，回避区司法局申报的项目；与其余项目无利害关系。')
    with _as(admin):
        round_ = workflow.apply(round_, 'start_review', on=D(year, 9, 20), step_on=D(year, 9, 20))
    maxima = round_.maxima()
    applications = list(projects.active_applications(round_).order_by('id'))
    for expert in experts:
        bias = rng.uniform(-0.05, 0.05)
        with _as(expert.user or admin):
            for application in applications:
                if not projects.eligible(expert, application):
                    continue
                values = {}
                for key, _ in DIMENSIONS:
                    share = min(1.0, max(0.3, merit[application.pk] + bias + rng.uniform(-0.06, 0.06)))
                    values[key] = _points(float(maxima[key]) * share)
                projects.record_score(expert, application, values, comment='')
    with _as(admin):
        round_ = workflow.apply(round_, 'decide', on=D(year, 9, 28), step_on=D(year, 9, 28))
        round_ = workflow.apply(round_, 'publish', on=D(year, 10, 8), step_on=D(year, 10, 8))
    return round_


def _apply(round_: Any, unit: Any, title: str, year: int, second: bool = False) -> Any:
    with acting_as(None, label='system:demo'):
        return projects.submit_application(
            round_, unit=unit, title=title + ('（二）' if second else ''),
            description=f'{unit.name}围绕{title.replace(unit.name, "")}，推动本领域依法行政制度化、规范化。',
            measures='一是健全制度，明确职责分工和工作流程；二是依托信息化平台全程留痕；三是引入律师、专家参与，定期评估。',
            effects='相关诉求和纠纷依法及时化解，群众满意度提升，形成可复制推广的工作机制。',
            evidence_note='制度文件、工作台账、典型案例', on=D(year, 9, 10))


def _open_round(ctx: DemoContext) -> None:
    with acting_as(None, label='system:demo'):
        round_ = core_services.create(ProjectRound(
            name=f'{ctx.year + 1}年度法治政府建设示范项目评审', year=ctx.year + 1,
            dimension_max=dict(projects.DEFAULT_MAX), quota_department=5, quota_street=6, max_per_unit=2,
            accept_until=D(ctx.year + 2, 9, 15)), message='演示数据')
        workflow.apply(round_, 'open', on=D(ctx.year + 1, 8, 20), step_on=D(ctx.year + 1, 8, 20))
