"""Demo year of major decisions (Tongzhou's 2023 shape): the district government's published catalogue of 8
decisions, each through its five procedures (public comment with moderated comments and an adoption report,
legality review with 10 suggestions in all), decided at executive meetings; a post-decision evaluation; and next
year's catalogue with one decision open for comment now."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services
from fazhi.core.demo import DemoContext, register
from fazhi.core.workflow import apply
from fazhi.legality.choices import MatterType
from fazhi.legality.demo import new_review, save_reviews, spread

from .choices import Disposition, Moderation, ProcedureKind, ProcedureStatus
from .consultation import minimum_period
from .models import DecisionCatalogue, MajorDecision, PublicComment

DECISIONS = [
    ('区城市管理委员会', '云溪区生活垃圾分类三年行动方案（2025—2027年）', True, True),
    ('区住房和城乡建设委员会', '云溪区老旧小区综合整治实施方案', True, True),
    ('区交通局', '云溪区中心城区道路停车收费标准调整方案', True, True),
    ('区教育委员会', '云溪区中小学学区划分调整方案', False, True),
    ('区民政局', '云溪区居家养老服务补贴办法', False, False),
    ('区生态环境局', '云溪区非居民用户禁用液化石油气实施方案', True, True),
    ('区卫生健康委员会', '云溪区紧密型医疗联合体建设方案', True, False),
    ('区发展和改革委员会', '云溪区优化营商环境三年行动计划', False, False),
]
COMMENTS = ['建议在老年人集中的小区增设分类指导员，方便老人投放。', '收费标准调整幅度过大，建议分步实施，给居民适应时间。',
            '希望公开资金使用情况，接受群众监督。', '建议对低收入家庭给予减免。', '方案中“试点先行”的范围不明确，建议列明试点街道。',
            '建议增加夜间停车优惠时段。', '学区调整应提前一学年公布，保障家长知情权。', '支持这项工作，希望尽快落实。',
            '建议明确各部门职责分工和完成时限。', '有关补贴标准建议与物价水平联动调整。']
REASONS = {Disposition.ADOPTED: '已在修改稿中体现。', Disposition.PARTLY: '部分内容已吸收，其余事项将在实施细则中研究。',
           Disposition.NOT_ADOPTED: '该建议不属于本决策事项调整范围，已转有关部门研究。'}


def _procedures(decision: MajorDecision, expert: bool, risk: bool, day: dt.date) -> None:
    for procedure in decision.procedures.all():
        if procedure.kind == ProcedureKind.EXPERT_ARGUMENT:
            changes = ({'status': ProcedureStatus.DONE, 'held_on': day, 'participants': '明州大学、市规划设计院专家5名',
                        'documents': '专家论证意见书', 'conclusion': '方案总体可行，建议细化实施步骤。'} if expert else
                       {'status': ProcedureStatus.EXEMPTED, 'exemption_reason': '事项不涉及专业性、技术性较强的问题（条例第十九条）。'})
        elif procedure.kind == ProcedureKind.RISK_ASSESSMENT:
            changes = ({'status': ProcedureStatus.DONE, 'held_on': day, 'participants': '明州社会稳定风险评估中心',
                        'documents': '社会稳定风险评估报告', 'conclusion': '风险等级低，可以实施。'} if risk else
                       {'status': ProcedureStatus.EXEMPTED, 'exemption_reason': '实施不会对社会稳定、公共安全等方面造成不利影响（条例第二十二条）。'})
        else:
            continue
        services.update(procedure, changes, message='演示数据')


def _comments(ctx: DemoContext, decision: MajorDecision) -> None:
    rows = []
    for i in range(ctx.rng.randint(6, 24)):
        rejected = ctx.rng.random() < 0.1
        disposition = ctx.rng.choice([Disposition.ADOPTED, Disposition.PARTLY, Disposition.NOT_ADOPTED,
                                      Disposition.NOT_ADOPTED])
        rows.append(PublicComment(
            decision=decision, author_name=ctx.rng.choice(['', '', '居民', '张先生', '李女士', '某小区业委会']),
            content=ctx.rng.choice(COMMENTS), submitted_on=decision.comment_opens_on + dt.timedelta(days=ctx.rng.randint(0, 29)),
            moderation=Moderation.REJECTED if rejected else Moderation.APPROVED,
            moderation_reason='与决策事项无关的广告内容' if rejected else '',
            disposition=Disposition.PENDING if rejected else disposition,
            disposition_reason='' if rejected else REASONS[disposition],
            disposed_on=None if rejected else decision.comment_closes_on + dt.timedelta(days=5)))
    services.bulk_create(rows, message='演示数据')


def _legality(ctx: DemoContext, decision: MajorDecision, suggestions: int, received: dt.date) -> None:
    review = save_reviews([new_review(ctx, decision.unit, MatterType.MAJOR_DECISION, decision.title, received,
                                      suggestions)])[0]
    procedure = decision.procedures.get(kind=ProcedureKind.LEGALITY_REVIEW)
    services.update(procedure, {'status': ProcedureStatus.DONE, 'held_on': review.concluded_on, 'review': review,
                                'participants': '区司法局', 'documents': f'合法性审查意见书（{review.serial}）',
                                'conclusion': review.opinion}, message='演示数据')


def _through(ctx: DemoContext, decision: MajorDecision, consult: bool, expert: bool, risk: bool, start: dt.date,
             suggestions: int) -> MajorDecision:
    decision = apply(decision, 'start', on=start)
    _procedures(decision, expert, risk, start + dt.timedelta(days=20))
    day = start + dt.timedelta(days=25)
    if consult:
        closes = minimum_period(day).due
        decision = apply(decision, 'open_comment', on=day, step_on=day, closes_on=closes,
                         draft_text=f'{decision.title}（征求意见稿）\n一、总体要求……\n二、主要任务……\n三、保障措施……',
                         explanation='为落实区委区政府部署，起草了本方案。')
        _comments(ctx, decision)
        day = closes + dt.timedelta(days=1)
        decision = apply(decision, 'close_comment', on=day, step_on=day)
        decision = apply(decision, 'publish_feedback', on=day + dt.timedelta(days=7))
    else:
        services.update(decision.procedures.get(kind=ProcedureKind.PUBLIC_PARTICIPATION), {
            'status': ProcedureStatus.DONE, 'held_on': day, 'participants': '相关企业、行业协会代表23人',
            'documents': '座谈会纪要', 'conclusion': '收集意见建议12条，已研究吸收。'}, message='演示数据')
    _legality(ctx, decision, suggestions, day + dt.timedelta(days=10))
    decided = day + dt.timedelta(days=30)
    return apply(decision, 'decide', on=decided, meeting=f'区政府第{decided.month * 2}次常务会议',
                 attendees='区长、副区长、区政府秘书长及有关部门负责人', result='原则同意，由承办单位按程序印发实施。',
                 minutes=f'区政府常务会议纪要〔{decided.year}〕{decided.month * 2}号')


def _catalogue(units: dict[str, Any], year: int) -> DecisionCatalogue:
    return services.create(DecisionCatalogue(unit=units['district'], year=year, title=f'云溪区{year}年度重大行政决策事项目录',
                                             note='经区委同意后公布，根据工作需要可以调整。'), message='演示数据')


@register(60, '重大行政决策')
def create_decisions(ctx: DemoContext) -> None:
    units = ctx.data['units']
    departments = {u.name: u for u in units['departments']}
    year = ctx.year
    catalogue = _catalogue(units, year)
    decisions = [services.create(MajorDecision(catalogue=catalogue, deciding_body=units['district'], unit=departments[d],
                                               title=t, planned_on=dt.date(year, 3 + i, 28)), message='演示数据')
                 for i, (d, t, _, _) in enumerate(DECISIONS[:ctx.count(8)])]
    apply(catalogue, 'publish', on=dt.date(year, 2, 20), party_consent_on=dt.date(year, 2, 12))
    suggestions = spread(ctx.count(10), len(decisions), ctx)
    for i, (decision, (_, _, consult, risk)) in enumerate(zip(decisions, DECISIONS)):
        done = _through(ctx, decision, consult, expert=i % 3 != 2, risk=risk, start=dt.date(year, 1 + i, 10),
                        suggestions=suggestions[i])
        if i == 5:
            apply(done, 'evaluate', on=dt.date(year, 12, 15), evaluator='明州市公共政策评估研究院', method='问卷调查、实地走访',
                  started_on=dt.date(year, 11, 1), conclusion='adjust',
                  findings='禁用工作总体平稳，餐饮企业改用电能、天然气比例达96%，部分小微商户改造补贴发放偏慢。')
    _next_year(ctx, units, departments)


def _next_year(ctx: DemoContext, units: dict[str, Any], departments: dict[str, Any]) -> None:
    """This year's catalogue, with one decision open for comment today (so the public page is live)."""
    today = dt.date.today()
    catalogue = _catalogue(units, today.year) if today.year != ctx.year else None
    if catalogue is None:
        return
    decision = services.create(MajorDecision(
        catalogue=catalogue, deciding_body=units['district'], unit=departments['区园林绿化局'],
        title='云溪区口袋公园建设三年行动计划', summary='新建、改造口袋公园60处，提升居民出行“300米见绿”覆盖率。',
        planned_on=dt.date(today.year, 12, 31)), message='演示数据')
    services.create(MajorDecision(catalogue=catalogue, deciding_body=units['district'], unit=departments['区水务局'],
                                  title='云溪区海绵城市建设实施方案', planned_on=dt.date(today.year + 1, 6, 30)), message='演示数据')
    apply(catalogue, 'publish', on=dt.date(today.year, 2, 18), party_consent_on=dt.date(today.year, 2, 10))
    opened = today - dt.timedelta(days=10)
    decision = apply(decision, 'start', on=opened - dt.timedelta(days=30))
    apply(decision, 'open_comment', on=opened, step_on=opened, closes_on=minimum_period(opened).due,
          draft_text='云溪区口袋公园建设三年行动计划（征求意见稿）\n一、建设目标：三年新建、改造口袋公园60处……\n二、选址原则……\n三、管护机制……',
          explanation='落实城市更新和“15分钟生活圈”建设要求。')
    services.bulk_create([PublicComment(decision=decision, author_name=name, content=text, submitted_on=opened + dt.timedelta(days=d),
                                        moderation=m) for name, text, d, m in [
        ('王女士', '建议口袋公园增加儿童游乐设施和遮阳座椅。', 1, Moderation.APPROVED),
        ('', '希望在老旧小区周边优先建设。', 3, Moderation.APPROVED),
        ('某网友', '（待审核的意见）', 8, Moderation.PENDING)]], message='演示数据')
