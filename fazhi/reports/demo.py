"""Demo step: the demo district's annual report (checked and published on the portal), its white paper and one
monthly supervision bulletin, drafted from the demo data after the indicators are computed; the administrator
has revised one narrative section, so its history shows two authors."""
from __future__ import annotations

from fazhi.core.context import acting_as
from fazhi.core.demo import DemoContext, register

from .choices import ReportKind

DEMO_SHORTCOMINGS = ('一是部分街道（乡镇）综合执法力量与下放事项不匹配，执法规范化水平不均衡。二是行政规范性文件备案审查的'
                     '时效性有待提高。三是接诉即办“未诉先办”的主动治理能力还需加强。')
BULLETIN_MONTH = 12


@register(920, '法治政府建设报告：年度报告、白皮书、监督通报')
def build_reports(ctx: DemoContext) -> None:
    from fazhi.organization.models import Unit

    from . import drafting

    district = Unit.objects.filter(kind='district', parent__isnull=True).order_by('id').first()
    if district is None:
        return
    admin = ctx.data.get('users', {}).get('admin')
    year = ctx.year
    annual = drafting.create_report(ReportKind.ANNUAL, district, year)
    if admin is not None:
        with acting_as(admin, label='demo'):
            section = annual.narratives.get(key='shortcomings')
            drafting.save_narrative(section, DEMO_SHORTCOMINGS, note='结合年度考核情况修改')
    for kind, month in ((ReportKind.WHITEPAPER, 0), (ReportKind.BULLETIN, BULLETIN_MONTH)):
        report = drafting.create_report(kind, district, year, month)
        ctx.progress(f'生成{report.title}')
        drafting.render(report, source='demo')
    ctx.progress(f'生成并发布{annual.title}')
    drafting.render(annual, source='demo')
    version = drafting.check(annual)
    reason = '演示数据：部分指标尚未纳入指标目录，相应语句已标明数据暂缺。' if version.blocking_findings else ''
    drafting.publish(annual, override_reason=reason)
