"""Demo year of normative documents (Tongzhou's 2023 shape): a stock of documents published since 2018, the
year's new documents through the whole procedure (filing rate, timeliness and conformity 100%), and a
clean-up of 90 documents in which 16 are repealed and 7 amended; a few drafts in progress now."""
from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.core import services
from fazhi.core.demo import DemoContext, register
from fazhi.core.workflow import apply

from .choices import DocumentState, Subject
from .imports import register_existing
from .models import CleanupCampaign, NormativeDocument
from .validity import expiry_after, filing_due

TOPICS = {
    '区市场监督管理局': (Subject.MARKET, ['餐饮服务单位油烟排放', '小微企业信用修复', '电梯安全监督', '农贸市场管理', '网络餐饮服务']),
    '区生态环境局': (Subject.ENVIRONMENT, ['建筑工地扬尘治理', '重污染天气应急', '排污许可证后管理', '噪声污染防治']),
    '区城市管理委员会': (Subject.URBAN, ['户外广告设施设置', '生活垃圾分类', '共享单车停放', '背街小巷环境']),
    '区住房和城乡建设委员会': (Subject.HOUSING, ['老旧小区综合整治', '住房保障', '物业服务企业信用', '建筑垃圾处置']),
    '区交通局': (Subject.TRANSPORT, ['道路停车收费', '公交场站管理', '网约车营运']),
    '区教育委员会': (Subject.EDUCATION, ['校外培训机构', '中小学课后服务', '学前教育资助']),
    '区民政局': (Subject.CIVIL, ['养老服务驿站运营补贴', '社会救助', '社区社会组织培育']),
    '区卫生健康委员会': (Subject.HEALTH, ['社区卫生服务机构', '医疗废物管理', '家庭医生签约服务']),
    '区财政局': (Subject.FINANCE, ['区级专项资金', '政府购买服务', '财政投资评审']),
    '区应急管理局': (Subject.SAFETY, ['安全生产举报奖励', '危险化学品经营', '有限空间作业安全']),
    '区农业农村局': (Subject.AGRICULTURE, ['农村集体资产', '高标准农田建设', '农村宅基地']),
    '区人民政府国有资产监督管理委员会': (Subject.GENERAL, ['区属国有企业投资', '国有资产出租']),
}
KINDS = ['管理办法', '实施细则', '若干规定', '实施办法', '管理暂行办法']
REPEAL_REASONS = ['上位法已修改，文件主要内容与之不一致', '调整对象已消失，文件不再适用', '已被新制定的文件替代',
                  '不适应经济社会发展要求，不利于优化营商环境']
KEEP_REASON = '符合现行法律、法规、规章和国家政策，继续有效'
AMEND_REASON = '部分条款与修订后的《中华人民共和国行政处罚法》不一致，予以修改'


def text_for(title: str, dept: str, topic: str, penalties: bool, effective: dt.date, years: int,
             revised: bool = False) -> str:
    basis = '《中华人民共和国行政处罚法》（2021年修订）' if revised else '《中华人民共和国行政处罚法》'
    articles = [
        f'第一条 为了加强本区{topic}管理，规范行政行为，保护公民、法人和其他组织的合法权益，根据有关法律、法规、规章，结合本区实际，制定本办法。',
        f'第二条 本办法适用于本区行政区域内的{topic}及其监督管理活动。',
        f'第三条 {dept}负责本区{topic}的组织实施和监督管理；各街道办事处、乡镇人民政府按照职责做好相关工作。',
        '第四条 有关单位应当建立健全工作制度，明确责任人员，定期向主管部门报告工作情况，并依法公开有关信息。',
    ]
    if penalties:
        articles.append(f'第五条 违反本办法规定的，由{dept}责令限期改正；逾期不改正的，依照{basis}等规定予以处罚，'
                        '情节严重的，依法处以罚款。')
    articles.append(f'第{"六" if penalties else "五"}条 本办法自{effective:%Y年%-m月%-d日}起施行，有效期{years}年。')
    return '\n'.join(articles)


def _plan(ctx: DemoContext, departments: dict[str, Any], count: int, first: dt.date, last: dt.date) -> list[dict[str, Any]]:
    names = list(TOPICS)
    span = (last - first).days
    rows = []
    for i in range(count):
        dept_name = names[i % len(names)]
        subject, topics = TOPICS[dept_name]
        topic = topics[(i // len(names)) % len(topics)]
        published = first + dt.timedelta(days=round(span * i / max(1, count - 1)))
        while published.weekday() > 4:
            published -= dt.timedelta(days=1)
        rows.append({'unit': departments[dept_name], 'dept': dept_name, 'subject': subject, 'topic': topic,
                     'title': f'云溪区{topic}{KINDS[i % len(KINDS)]}', 'published': published,
                     'penalties': ctx.rng.random() < 0.45, 'n': i + 1})
    return rows


def _existing(ctx: DemoContext, row: dict[str, Any], district: Any) -> NormativeDocument:
    published = row['published']
    effective = published + dt.timedelta(days=30)
    years = 5
    filed = published + dt.timedelta(days=ctx.rng.randint(5, 25))
    doc = NormativeDocument(
        unit=row['unit'], issuer=f'明州市云溪区{row["dept"][1:]}', title=row['title'], subject=row['subject'],
        text=text_for(row['title'], row['dept'], row['topic'], row['penalties'], effective, years),
        state=DocumentState.FILED, doc_number=f'云{row["dept"][1:3]}规〔{published.year}〕{row["n"] % 9 + 1}号',
        registration_number=f'YXQD-{published.year}-{row["n"]:04d}', review_passed_on=published - dt.timedelta(days=12),
        deliberation='局务会议', deliberated_on=published - dt.timedelta(days=5), published_on=published,
        effective_on=effective, validity_years=years, expires_on=expiry_after(effective, years),
        filing_authority=district.name, filing_due=filing_due(published).due, filed_on=filed, filed_on_time=True,
        filing_review_result='conforming', filing_materials_conforming=True,
        filing_reviewed_on=filed + dt.timedelta(days=ctx.rng.randint(3, 12)))
    return register_existing(doc, message='演示数据')


@register(50, '规范性文件存量')
def create_stock(ctx: DemoContext) -> None:
    units = ctx.data['units']
    departments = {u.name: u for u in units['departments']}
    old = _plan(ctx, departments, ctx.count(8), dt.date(2018, 3, 1), dt.date(2019, 6, 30))
    stock = _plan(ctx, departments, ctx.count(90), dt.date(2020, 10, 9), dt.date(2024, 12, 20))
    for i, row in enumerate(old + stock):
        row['n'] = i + 1
        _existing(ctx, row, units['district'])


def _through_procedure(ctx: DemoContext, row: dict[str, Any], district: Any, *, until: str = 'filing_review') -> Any:
    published = row['published']
    effective = published + dt.timedelta(days=30)
    doc = services.create(NormativeDocument(
        unit=row['unit'], issuer=f'明州市云溪区{row["dept"][1:]}', title=row['title'], subject=row['subject'],
        filing_authority=district.name, text=text_for(row['title'], row['dept'], row['topic'], row['penalties'],
                                                      effective, 5, revised=True)), message='演示数据')
    reviewer = ctx.data['users']['reviewer']
    received = published - dt.timedelta(days=28)
    doc = apply(doc, 'submit_review', on=received)
    if until == 'submit_review':
        return doc
    review = apply(doc.legality_review, 'assign', on=received + dt.timedelta(days=1), reviewer=reviewer)
    suggestions = ctx.rng.choice([0, 1, 2, 3])
    concluded = received + dt.timedelta(days=ctx.rng.randint(5, 12))
    apply(review, 'conclude', on=concluded, step_on=concluded,
          outcome='passed_with_changes' if suggestions else 'passed', suggestion_count=suggestions,
          opinion='建议删除第四条中限制市场主体的表述。' if suggestions else '未发现违反法律、法规、规章规定的内容。')
    doc.refresh_from_db()
    doc = apply(doc, 'deliberate', on=published - dt.timedelta(days=7), meeting='局务会议')
    doc = apply(doc, 'publish', on=published, step_on=published, effective_on=effective, validity_years=5,
                doc_number=f'云{row["dept"][1:3]}规〔{published.year}〕{row["n"]}号',
                registration_number=f'YXQD-{published.year}-{row["n"] + 500:04d}')
    if until == 'publish':
        return doc
    filed = published + dt.timedelta(days=ctx.rng.randint(6, 26))
    doc = apply(doc, 'file', on=filed, step_on=filed, filing_authority=district.name)
    return apply(doc, 'filing_review', on=filed + dt.timedelta(days=ctx.rng.randint(3, 10)), result='conforming',
                 materials_conforming=True, opinion='报备材料齐全，未发现违法问题。')


@register(51, '规范性文件（本年度）')
def create_year(ctx: DemoContext) -> None:
    units = ctx.data['units']
    departments = {u.name: u for u in units['departments']}
    year = ctx.year
    for i, row in enumerate(_plan(ctx, departments, ctx.count(18), dt.date(year, 1, 20), dt.date(year, 12, 1))):
        row['n'] = i + 1
        _through_procedure(ctx, row, units['district'])
    _cleanup(ctx, units)
    _now(ctx, departments, units['district'])


def _cleanup(ctx: DemoContext, units: dict[str, Any]) -> None:
    year = ctx.year
    justice = next(u for u in units['departments'] if u.name == '区司法局')
    campaign = services.create(CleanupCampaign(
        name=f'{year}年度行政规范性文件全面清理', organizer=justice, started_on=dt.date(year, 9, 1),
        deadline=dt.date(year, 11, 30), criteria_to=dt.date(year - 1, 12, 31),
        basis='《法治政府建设实施纲要（2021—2025年）》关于动态清理的要求；《中华人民共和国行政处罚法》修订后的一致性审查。'),
        message='演示数据')
    apply(campaign, 'select', on=dt.date(year, 9, 1))
    items = list(campaign.items.select_related('document').order_by('document__published_on', 'id'))
    lasting = [i for i, item in enumerate(items) if item.document.expires_on > dt.date(year + 1, 3, 31)]
    ctx.rng.shuffle(lasting)
    amend = set(lasting[:ctx.count(7)])
    others = [i for i in range(len(items)) if i not in amend]
    ctx.rng.shuffle(others)
    repeal = set(others[:ctx.count(16)])
    for i, item in enumerate(items):
        changes: dict[str, Any] = {'decided_on': dt.date(year, 10, 15)}
        if i in repeal:
            changes.update(decision='repeal', reason=ctx.rng.choice(REPEAL_REASONS))
        elif i in amend:
            doc = item.document
            changes.update(decision='amend', reason=AMEND_REASON, amended_text=doc.text.replace(
                '《中华人民共和国行政处罚法》', '《中华人民共和国行政处罚法》（2021年修订）') + '\n（根据清理结论修改）')
        elif item.document.expires_on <= dt.date(year + 1, 3, 31):
            changes.update(decision='keep', reason='经评估需要继续执行，有效期延长五年',
                           new_expires_on=expiry_after(item.document.expires_on + dt.timedelta(days=1), 5))
        else:
            changes.update(decision='keep', reason=KEEP_REASON)
        services.update(item, changes, message='演示数据')
    apply(campaign, 'close', on=dt.date(year, 11, 28))


def _now(ctx: DemoContext, departments: dict[str, Any], district: Any) -> None:
    """Work in progress today: a draft, one in legality review, one published and waiting to be filed."""
    today = dt.date.today()
    rows = _plan(ctx, departments, 3, today - dt.timedelta(days=20), today - dt.timedelta(days=10))
    for row, until in zip(rows, ['draft', 'submit_review', 'publish']):
        row['n'] = 90 + row['n']
        row['title'] = row['title'].replace('云溪区', '云溪区（征求意见稿）') if until == 'draft' else row['title']
        if until == 'draft':
            services.create(NormativeDocument(unit=row['unit'], issuer=f'明州市云溪区{row["dept"][1:]}',
                                              title=row['title'], subject=row['subject'], filing_authority=district.name,
                                              text=text_for(row['title'], row['dept'], row['topic'], True, today, 5)),
                            message='演示数据')
        else:
            _through_procedure(ctx, row, district, until=until)
