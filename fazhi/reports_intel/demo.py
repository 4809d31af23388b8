"""Demo step: load the five source documents (../shared/seeds beside the repository) as published reports.

The files are read where they lie at run time (FAZHI_SEED_DIR overrides the place); nothing of their text is
kept in the repository. Without them the step does nothing.
"""
from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

from fazhi.core.demo import DemoContext, register


def seed_dir() -> Path:
    if folder := os.environ.get('FAZHI_SEED_DIR'):
        return Path(folder)
    return Path(settings.BASE_DIR).parent.parent / 'shared' / 'seeds'


def seed_files(folder: Path | None = None) -> list[Path]:
    folder = folder or seed_dir()
    return sorted(folder.glob('[0-9][0-9][0-9]_*.txt')) if folder.is_dir() else []


@register(90, '报告智能分析：载入种子报告')
def load_seed_reports(ctx: DemoContext) -> None:
    from .loading import load_report

    files = seed_files()
    if not files:
        ctx.progress(f'未找到种子报告（{seed_dir()}），跳过')
        return
    admin = ctx.data.get('users', {}).get('admin')
    for path in files:
        load_report(path.read_bytes(), path.name, user=admin)


# The demo district's own draft report, written from the figures the platform computed (step 900), with one
# rate deliberately misstated, so that the report page shows the reconciliation: self-reported vs computed.
DRAFT_PARAGRAPHS = [
    [('hotline.requests', '12345热线受理群众诉求{n}件'), ('hotline.response_rate', '12345热线诉求响应率{p}%'),
     ('hotline.resolution_rate', '12345热线诉求解决率{p}%'), ('hotline.satisfaction_rate', '12345热线诉求满意率{p}%')],
    [('mediation.accepted', '全区各级调解组织调处矛盾纠纷{n}件'), ('mediation.success_rate', '调解成功率{p}%')],
    [('reconsideration.received', '全年共收到行政复议申请{n}件'),
     ('reconsideration.correction_rate', '行政复议直接纠错率{p}%'), ('litigation.loss_rate', '行政诉讼败诉率{p}%')],
    [('enforcement.penalty_power_inspection_rate', '违法行为纳入检查率{p}%'),
     ('enforcement.staff_participation_rate', '执法人员参与执法率{p}%')],
    [('hazard.found', '排查整治安全隐患{n}处'), ('hazard.rectification_rate', '隐患整改率{p}%')],
    [('services.online_rate', '政务服务事项网上可办率{p}%')],
]
MISSTATED_BY = 1.5  # percentage points added to the first rate of the draft


def draft_text(region: str, year: int, values: dict[str, float]) -> tuple[str, str | None]:
    """(the draft, the code of the misstated rate); empty text when no figure is available."""
    misstated = next((code for para in DRAFT_PARAGRAPHS for code, template in para
                      if '{p}' in template and code in values), None)
    paragraphs = []
    for para in DRAFT_PARAGRAPHS:
        clauses = []
        for code, template in para:
            if code not in values:
                continue
            value = values[code]
            if code == misstated:
                value = value + MISSTATED_BY if value + MISSTATED_BY <= 100 else value - MISSTATED_BY
            clauses.append(template.format(n=int(round(value)), p=f'{value:.2f}'))
        if clauses:
            paragraphs.append('，'.join(clauses) + '。')
    if not paragraphs:
        return '', None
    title = f'{region}{year}年法治政府建设情况报告（草稿）'
    return f'{title}\n{year}年，{region}深入推进法治政府建设。' + '\n'.join(paragraphs) + '\n', misstated


@register(910, '报告智能分析：本区报告草稿与平台数据核对')
def load_own_draft(ctx: DemoContext) -> None:
    from fazhi.indicators import service

    from .loading import load_report
    from .reconciliation import platform_district

    district = platform_district()
    if district is None:
        return
    label = str(ctx.year)
    codes = [code for para in DRAFT_PARAGRAPHS for code, _ in para]
    with service.store() as con:
        frame = service.figures(con, None, [district.code], 'year', label)
    values = {}
    for code in codes:
        found = service.value_of(frame, code, district.code, label)
        if found and found['value'] is not None:
            values[code] = found['value']
    region = district.short_name or district.name.removesuffix('人民政府')
    text, _ = draft_text(region, ctx.year, values)
    if not text:
        ctx.progress('平台尚无本区年度指标，跳过报告草稿')
        return
    load_report(text.encode('utf-8'), f'{region}{ctx.year}年法治政府建设情况报告（草稿）.txt',
                user=ctx.data.get('users', {}).get('admin'), region=region, year=ctx.year)
