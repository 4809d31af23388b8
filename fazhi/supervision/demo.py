"""Demo year of supervision: 199 deputies' suggestions and 291 CPPCC motions, all answered on time (the source
documents' shape), and audit findings with their rectification — most closed by a re-check, some reopened
because the same problem showed again the next year."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from fazhi.core import services
from fazhi.core.demo import DemoContext, register
from fazhi.legality.demo import bulk_timeline

from . import time_limits
from .choices import FindingCategory, FindingState, ProposalKind, ProposalSession, ProposalState, Satisfaction
from .models import AuditFinding, Proposal

NPC, CPPCC, FINDINGS = 199, 291, 120
TOPICS = ['老旧小区加装电梯', '背街小巷环境整治', '中小学课后服务', '社区养老服务驿站建设', '停车难问题治理', '垃圾分类',
          '农贸市场改造提升', '学校周边交通安全', '河道水环境治理', '便民菜店布局', '城市绿道建设', '夜间经济发展',
          '青年人才公寓供给', '社区卫生服务中心建设', '残疾人就业帮扶', '非机动车乱停放治理', '外卖骑手权益保障',
          '老年助餐服务', '公共体育设施开放', '燃气安全隐患整治', '优化营商环境', '知识产权保护', '物业服务质量提升']
HANDLERS = ['区住房和城乡建设委员会', '区城市管理委员会', '区教育委员会', '区交通局', '区卫生健康委员会', '区民政局',
            '区商务局', '区生态环境局', '区人力资源和社会保障局', '区市场监督管理局', '区发展和改革委员会', '区体育局']
PROJECTS = ['{}年度区本级预算执行和其他财政收支审计', '{}年度区属国有企业负责人经济责任审计', '{}年度民生专项资金审计',
            '{}年度政府投资项目竣工决算审计']
PROBLEMS = [('YS-01', FindingCategory.FISCAL, '预算编制不细化，年初预算执行率偏低'),
            ('YS-02', FindingCategory.FISCAL, '结转结余资金未及时清理上缴'),
            ('ZX-01', FindingCategory.SPECIAL_FUNDS, '专项资金拨付不及时，资金闲置'),
            ('ZX-02', FindingCategory.SPECIAL_FUNDS, '扩大专项资金使用范围'),
            ('ZC-01', FindingCategory.STATE_ASSETS, '固定资产账实不符'),
            ('ZC-02', FindingCategory.STATE_ASSETS, '国有资产出租未按规定公开招租'),
            ('TZ-01', FindingCategory.INVESTMENT, '工程结算多计工程款'),
            ('TZ-02', FindingCategory.INVESTMENT, '未按规定履行招标程序'),
            ('ZC-03', FindingCategory.POLICY, '惠企政策资金兑付不及时'),
            ('NK-01', FindingCategory.INTERNAL_CONTROL, '政府采购内控制度不健全'),
            ('NK-02', FindingCategory.INTERNAL_CONTROL, '公务卡结算制度执行不到位')]


def _by_name(ctx: DemoContext) -> dict[str, Any]:
    units = ctx.data['units']
    return {u.name: u for u in [*units['departments'], *units['streets']]}


def _assigned(ctx: DemoContext, plenary: bool) -> dt.date:
    year = ctx.year
    if plenary:
        return dt.date(year, 3, 12) + dt.timedelta(days=ctx.rng.randint(0, 10))
    return dt.date(year, ctx.rng.randint(4, 9), ctx.rng.randint(1, 28))


def _proposal(ctx: DemoContext, kind: str, number: int, units: dict[str, Any]) -> tuple[Proposal, list]:
    rng, plenary = ctx.rng, ctx.rng.random() < 0.85
    assigned = _assigned(ctx, plenary)
    is_complex = kind == ProposalKind.NPC and rng.random() < 0.08
    due = time_limits.reply_due(kind, is_complex, assigned).due
    replied = min(due, assigned + dt.timedelta(days=rng.randint(35, 85)))
    feedback = replied + dt.timedelta(days=rng.randint(7, 20))
    satisfaction = rng.choices([Satisfaction.SATISFIED, Satisfaction.BASIC, Satisfaction.DISSATISFIED], [88, 10, 2])[0]
    redo = satisfaction == Satisfaction.DISSATISFIED
    unit = units.get(rng.choice(HANDLERS)) or rng.choice(list(units.values()))
    word = '建议' if kind == ProposalKind.NPC else '提案'
    obj = Proposal(
        unit=unit, kind=kind, year=ctx.year, number=f'{number:04d}',
        session=ProposalSession.PLENARY if plenary else ProposalSession.INTERIM,
        title=f'关于{rng.choice(TOPICS)}的{word}',
        proposer=rng.choice('王李张刘陈杨黄赵吴周') + rng.choice(['伟', '敏', '静', '强', '磊']),
        assigned_on=assigned, is_complex=is_complex, due_on=due, met_proposer=rng.random() < 0.9, replied_on=replied,
        reply_category=rng.choices('ABCD', [55, 30, 10, 5])[0], reply_summary='已认真研究并答复，相关工作已纳入年度计划推进。',
        reply_published=True, on_time=True, feedback_on=feedback, satisfaction=satisfaction,
        redo_due_on=time_limits.redo_due(feedback) if redo else None, closed_on=None if redo else feedback,
        state=ProposalState.REDO if redo else ProposalState.CLOSED)
    steps = [('reply', '答复代表委员', ProposalState.HANDLING, ProposalState.REPLIED, replied),
             ('feedback', '登记代表委员意见', ProposalState.REPLIED, obj.state, feedback)]
    return obj, steps


@register(71, '人大建议和政协提案')
def create_proposals(ctx: DemoContext) -> None:
    units = _by_name(ctx)
    pairs = [_proposal(ctx, ProposalKind.NPC, i, units) for i in range(1, ctx.count(NPC) + 1)]
    pairs += [_proposal(ctx, ProposalKind.CPPCC, i, units) for i in range(1, ctx.count(CPPCC) + 1)]
    created = services.bulk_create([p for p, _ in pairs], message='演示数据')
    bulk_timeline(zip(created, [s for _, s in pairs]), '系统（演示数据）')


def _finding(ctx: DemoContext, year: int, project: str, number: int, unit: Any, problem: tuple) -> AuditFinding:
    found = dt.date(year, ctx.rng.randint(5, 9), ctx.rng.randint(1, 28))
    code, category, text = problem
    amount = Decimal(ctx.rng.randint(5, 900)) + Decimal(ctx.rng.randint(0, 99)) / 100
    return AuditFinding(unit=unit, finding_no=f'SJ{year}-{number:03d}', audit_project=project.format(year - 1),
                        report_no=f'云审报〔{year}〕{ctx.rng.randint(5, 40)}号', found_on=found, category=category,
                        problem_code=code, description=text, amount=amount, due_on=found + dt.timedelta(days=90))


def _rectified(ctx: DemoContext, finding: AuditFinding, verifier: Any, state: str) -> AuditFinding:
    if state == FindingState.OPEN:
        return finding
    finding.measures = '已制定整改方案，完善制度并追回（上缴）相关资金。'
    finding.evidence = f'整改报告（{finding.unit.short_name or finding.unit.name}）、资金缴款凭证、制度文件'
    finding.rectified_amount = finding.amount
    finding.submitted_on = finding.found_on + dt.timedelta(days=ctx.rng.randint(30, 85))
    finding.state = state
    if state == FindingState.CLOSED:
        finding.verified_on = finding.closed_on = finding.submitted_on + dt.timedelta(days=ctx.rng.randint(5, 20))
        finding.verified_by, finding.verification_note = verifier, '经核验，整改到位，同意销号。'
    return finding


@register(72, '审计发现问题整改')
def create_findings(ctx: DemoContext) -> None:
    units = [*ctx.data['units']['departments'], *ctx.data['units']['streets']]
    verifier = ctx.data['users']['admin']
    audited = [u for u in units if u.name != '区司法局']
    earlier = [_rectified(ctx, _finding(ctx, ctx.year - 1, PROJECTS[i % 4], i, audited[i % len(audited)],
                                        PROBLEMS[i % len(PROBLEMS)]), verifier, FindingState.CLOSED)
               for i in range(1, 21)]
    current = []
    for i in range(1, ctx.count(FINDINGS) + 1):
        unit, problem = ctx.rng.choice(audited), ctx.rng.choice(PROBLEMS)
        state = ctx.rng.choices([FindingState.CLOSED, FindingState.SUBMITTED, FindingState.OPEN], [72, 16, 12])[0]
        current.append(_rectified(ctx, _finding(ctx, ctx.year, ctx.rng.choice(PROJECTS), i, unit, problem), verifier,
                                  state))
    for old, new in zip(earlier[:4], current[:4]):  # the same problem found again in the same unit: reopened
        new.unit, new.problem_code, new.category, new.description = old.unit, old.problem_code, old.category, \
            old.description
        old.state, old.reopen_count, old.reopened_on = FindingState.REOPENED, 1, new.found_on
        old.reopen_reason = f'审计发现同类问题再次出现（问题编号 {new.finding_no}）'
        old.closed_on = old.verified_on = old.verified_by = None
    services.bulk_create(earlier, message='演示数据')
    by_no = {f.finding_no: f for f in AuditFinding.objects.filter(finding_no__in=[f.finding_no for f in earlier])}
    for old, new in zip(earlier[:4], current[:4]):
        new.recurrence_of = by_no[old.finding_no]
    services.bulk_create(current, message='演示数据')
