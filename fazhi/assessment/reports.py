"""Results of a campaign as files: an XLSX workbook, a DOCX results notice (通报) in official-document layout with a
chart, and the same notice as PDF (drawn with matplotlib and a locally installed CJK font: nothing is fetched)."""
from __future__ import annotations

import io
from collections import Counter
from typing import Any

from . import scoring, services
from .choices import DIMENSIONS, RuleType, SmallSampleRule
from .models import Campaign, Deduction, ItemScore, ProjectRound

CJK_FONTS = ('Noto Serif CJK SC', 'Noto Sans CJK SC', 'Source Han Serif SC', 'Source Han Sans SC',
             'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei', 'SimSun', 'SimHei', 'Microsoft YaHei', 'AR PL UMing CN',
             'Droid Sans Fallback')


class NoCJKFont(RuntimeError):
    """No font with Chinese glyphs is installed, so a PDF cannot be drawn."""


def cjk_font() -> str | None:
    from matplotlib import font_manager
    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in CJK_FONTS if n in names), None)


def _matplotlib() -> Any:
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    font = cjk_font()
    if font:
        plt.rcParams['font.sans-serif'] = [font, 'DejaVu Sans']
        plt.rcParams['font.family'] = 'sans-serif'
    plt.rcParams['axes.unicode_minus'] = False
    plt.rcParams['pdf.fonttype'] = 42
    return plt


def results_data(campaign: Campaign) -> dict[str, Any]:
    system = campaign.system
    groups = services.grouped_ranking(campaign)
    areas = list(system.items.filter(level=1))
    deductions = list(Deduction.objects.filter(score__entry__campaign=campaign, points__gt=0)
                      .select_related('score__entry__unit', 'score__item').order_by('-points', 'score__entry__unit__path'))
    grade_counts = {g['code']: Counter(e.grade for e in g['entries']) for g in groups}
    small = ItemScore.objects.filter(entry__campaign=campaign, small_sample=True).count()
    leaves = services.leaves(system)
    methods = Counter(i.rule_type for i in leaves)
    return {
        'campaign': campaign, 'system': system, 'groups': groups, 'areas': areas, 'deductions': deductions,
        'grade_counts': grade_counts, 'small_sample_count': small,
        'method_text': (f'本次考核采用《{system.name}》第{system.version}版，满分{scoring.fmt(system.total)}分，'
                        f'共{len(leaves)}项末级指标：其中{methods[RuleType.THRESHOLD] + methods[RuleType.LINEAR] + methods[RuleType.TARGET]}'
                        f'项由指标引擎按数据自动计分，{methods[RuleType.DEDUCTION]}项按明细记录逐条扣分，'
                        f'{methods[RuleType.MANUAL]}项由单位自评并上传佐证材料、评分人评分。'),
        'fairness_text': (f'样本不足或无数据的自动计分项，按“{SmallSampleRule(system.small_sample_rule).label}”处理'
                          f'（本次共{small}项）；不适用于本单位的指标不计分，总分按适用项分值折算为{scoring.fmt(system.total)}分制。'
                          f'各单位得分在结果反馈期内可提出申诉。'),
    }


# -- XLSX --------------------------------------------------------------------------------------------------------

def xlsx(campaign: Campaign) -> bytes:
    import xlsxwriter
    data = results_data(campaign)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'in_memory': True})
    bold = book.add_format({'bold': True, 'bg_color': '#F2F2F2', 'border': 1})
    wrap = book.add_format({'text_wrap': True, 'valign': 'top'})
    areas = data['areas']
    for group in data['groups']:
        sheet = book.add_worksheet(group['name'][:31])
        sheet.write(0, 0, f'{campaign.name}——{group["name"]}（参评单位 {group["size"]} 个）', book.add_format(
            {'bold': True, 'font_size': 13}))
        headers = ['名次', '单位', '总分', '等次', '较上次', '上次名次', '待评分项'] + \
            [f'{a.code} {a.name}（{scoring.fmt(a.points)}）' for a in areas]
        sheet.write_row(2, 0, headers, bold)
        for r, entry in enumerate(group['entries'], start=3):
            change = entry.change
            row = [entry.rank or '', entry.unit.name, float(entry.total) if entry.total is not None else '',
                   entry.grade, float(change) if change is not None else '', entry.previous_rank or '',
                   entry.pending_items]
            for a in areas:
                area = entry.area_scores.get(a.code) or {}
                row.append(area.get('score') if area.get('applicable') else '不适用')
            sheet.write_row(r, 0, row)
        sheet.set_column(1, 1, 26)
        sheet.set_column(7, 7 + len(areas), 14)
    detail = book.add_worksheet('指标得分明细')
    detail.write_row(0, 0, ['单位', '类别', '指标编码', '指标名称', '分值', '评分方式', '指标值', '样本量（分母）',
                            '样本不足', '得分', '计分说明'], bold)
    scores = ItemScore.objects.filter(entry__campaign=campaign).select_related('entry__unit', 'item') \
        .order_by('entry__category', 'entry__unit__sort_order', 'item__sort_order')
    for r, s in enumerate(scores.iterator(chunk_size=2000), start=1):
        detail.write_row(r, 0, [s.entry.unit.name, campaign.system.category_name(s.entry.category), s.item.code,
                                s.item.name, float(s.item.points), s.get_method_display(),
                                s.value if s.value is not None else '', s.denominator if s.denominator is not None
                                else '', '是' if s.small_sample else '', float(s.score) if s.score is not None else
                                ('不适用' if not s.applicable else ''), s.explanation])
    detail.set_column(0, 0, 22)
    detail.set_column(3, 3, 28)
    detail.set_column(10, 10, 80, wrap)
    ded = book.add_worksheet('扣分明细')
    ded.write_row(0, 0, ['单位', '指标编码', '指标名称', '扣分', '扣分理由', '数据表', '记录标识'], bold)
    for r, d in enumerate(Deduction.objects.filter(score__entry__campaign=campaign)
                          .select_related('score__entry__unit', 'score__item').order_by('score__entry__unit__path',
                                                                                         'score__item__sort_order',
                                                                                         'sort_order'), start=1):
        ded.write_row(r, 0, [d.score.entry.unit.name, d.score.item.code, d.score.item.name, float(d.points), d.reason,
                             d.source, d.record_key])
    ded.set_column(0, 0, 22)
    ded.set_column(4, 4, 70)
    book.close()
    return buffer.getvalue()


# -- charts ------------------------------------------------------------------------------------------------------

def chart_png(campaign: Campaign, *, dpi: int = 150) -> bytes:
    """Totals per category as horizontal bars (one panel per category)."""
    plt = _matplotlib()
    groups = [g for g in services.grouped_ranking(campaign) if g['entries']]
    heights = [max(1.2, 0.28 * len(g['entries']) + 0.6) for g in groups] or [1.0]
    fig, axes = plt.subplots(len(groups) or 1, 1, figsize=(7.2, sum(heights) + 0.4),
                             gridspec_kw={'height_ratios': heights}, squeeze=False)
    for ax, group in zip(axes[:, 0], groups):
        rows = list(reversed([e for e in group['entries'] if e.total is not None]))
        ax.barh([e.unit.name for e in rows], [float(e.total) for e in rows], color='#b22222')
        for i, e in enumerate(rows):
            ax.text(float(e.total) + 0.5, i, scoring.fmt(e.total), va='center', fontsize=7)
        ax.set_title(f'{group["name"]}（{group["size"]}个单位）', fontsize=10)
        ax.set_xlim(0, float(campaign.system.total) * 1.08)
        ax.tick_params(labelsize=7)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format='png', dpi=dpi)
    plt.close(fig)
    return out.getvalue()


# -- DOCX --------------------------------------------------------------------------------------------------------

def _font(run: Any, name: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn('w:rFonts'))
    if fonts is None:
        fonts = rpr.makeelement(qn('w:rFonts'), {})
        rpr.append(fonts)
    fonts.set(qn('w:eastAsia'), name)


def _para(doc: Any, text: str, *, font: str = '仿宋_GB2312', size: float = 16, bold: bool = False,
          align: str | None = None, indent: bool = True) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    p = doc.add_paragraph()
    if align == 'center':
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent and align is None:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    p.paragraph_format.line_spacing = Pt(28)
    _font(p.add_run(text), font, size, bold)
    return p


def notice_paragraphs(campaign: Campaign, data: dict[str, Any]) -> list[tuple[str, str]]:
    """The notice as (kind, text) pairs, shared by DOCX and PDF: kinds title, heading, body."""
    units = sum(g['size'] for g in data['groups'])
    out = [('title', f'关于{campaign.name}结果的通报'),
           ('body', f'根据法治政府建设考核工作安排，依法治区办组织开展了{campaign.name}'
                    f'（考核期间：{campaign.period_obj.display}），共{units}个单位参加，'
                    f'按{"、".join(g["name"] for g in data["groups"])}分类考核、分别排名。现将结果通报如下。'),
           ('heading', '一、考核方法'), ('body', data['method_text']), ('body', data['fairness_text'])]
    out.append(('heading', '二、考核结果'))
    for group in data['groups']:
        counts = data['grade_counts'][group['code']]
        grades = '，'.join(f'{g["name"]}{counts.get(g["name"], 0)}个' for g in campaign.system.grades)
        top = [e.unit.name for e in group['entries'] if e.rank == 1]
        out.append(('body', f'{group["name"]}共{group["size"]}个单位参评，平均{scoring.fmt(group["mean"])}分，'
                            f'{grades}；第一名为{"、".join(top) or "—"}。'))
    if data['deductions']:
        out.append(('heading', '三、主要扣分事项'))
        for d in data['deductions'][:10]:
            out.append(('body', f'{d.score.entry.unit.name}（{d.score.item.code} {d.score.item.name}）{d.reason}'))
    out.append(('heading', '四、有关要求' if data['deductions'] else '三、有关要求'))
    out.append(('body', '各单位要对照扣分事项逐项整改，整改情况纳入下一考核周期；对考核结果有异议的，'
                        '按规定程序提出申诉。'))
    return out


def docx(campaign: Campaign) -> bytes:
    from docx import Document
    from docx.shared import Cm, Pt
    data = results_data(campaign)
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    for kind, text in notice_paragraphs(campaign, data):
        if kind == 'title':
            _para(doc, text, font='方正小标宋简体', size=22, align='center', indent=False)
        elif kind == 'heading':
            _para(doc, text, font='黑体', size=16)
        else:
            _para(doc, text)
    _para(doc, '附件：考核得分与排名', font='黑体', size=16)
    doc.add_picture(io.BytesIO(chart_png(campaign)), width=Cm(15.5))
    areas = data['areas']
    for group in data['groups']:
        _para(doc, f'{group["name"]}（{group["size"]}个单位）', font='黑体', size=14, indent=False)
        table = doc.add_table(rows=1, cols=5 + len(areas))
        table.style = 'Table Grid'
        head = ['名次', '单位', '总分', '等次', '较上次'] + [a.code for a in areas]
        for cell, text in zip(table.rows[0].cells, head):
            cell.text = ''
            _font(cell.paragraphs[0].add_run(text), '黑体', 9, True)
        for entry in group['entries']:
            change = entry.change
            values = [str(entry.rank or '—'), entry.unit.name, scoring.fmt(entry.total), entry.grade or '—',
                      (f'{"+" if change > 0 else ""}{scoring.fmt(change)}' if change is not None else '—')]
            for a in areas:
                area = entry.area_scores.get(a.code) or {}
                values.append(scoring.fmt(area.get('score')) if area.get('applicable') else '—')
            cells = table.add_row().cells
            for cell, text in zip(cells, values):
                cell.text = ''
                _font(cell.paragraphs[0].add_run(text), '仿宋_GB2312', 9)
        legend = '；'.join(f'{a.code} {a.name}（{scoring.fmt(a.points)}分）' for a in areas)
        p = doc.add_paragraph()
        _font(p.add_run(f'注：各列为一级指标得分（不适用为“—”）。{legend}。'), '仿宋_GB2312', 9)
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(24)
    _font(p.add_run('依法治区办'), '仿宋_GB2312', 16)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# -- PDF ---------------------------------------------------------------------------------------------------------

def _width(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2e80 else 0.55 for ch in text)


def _wrap(text: str, limit: float) -> list[str]:
    lines, line, width = [], '', 0.0
    for ch in text:
        w = _width(ch)
        if width + w > limit and line:
            lines.append(line)
            line, width = '', 0.0
        line += ch
        width += w
    if line:
        lines.append(line)
    return lines


class _Pages:
    """A4 pages drawn top to bottom with matplotlib; `need(h)` starts a new page when h does not fit."""

    def __init__(self, pdf: Any, plt: Any) -> None:
        self.pdf, self.plt, self.fig, self.y = pdf, plt, None, 0.0
        self.new()

    def new(self) -> None:
        if self.fig is not None:
            self.pdf.savefig(self.fig)
            self.plt.close(self.fig)
        self.fig = self.plt.figure(figsize=(8.27, 11.69))
        self.y = 0.93

    def need(self, height: float) -> None:
        if self.y - height < 0.06:
            self.new()

    def text(self, text: str, *, size: float = 11, x: float = 0.1, bold: bool = False, center: bool = False,
             limit: float = 40) -> None:
        for line in _wrap(text, limit):
            step = size / 11 * 0.024
            self.need(step)
            self.fig.text(0.5 if center else x, self.y, line, fontsize=size, ha='center' if center else 'left',
                          va='top', weight='bold' if bold else 'normal')
            self.y -= step
        self.y -= 0.006

    def image(self, png: bytes, height: float) -> None:
        self.need(height)
        import matplotlib.image as mpimg
        ax = self.fig.add_axes([0.08, self.y - height, 0.84, height])
        ax.imshow(mpimg.imread(io.BytesIO(png), format='png'))
        ax.axis('off')
        self.y -= height + 0.01

    def row(self, cells: list[str], xs: list[float], *, size: float = 8, bold: bool = False) -> None:
        self.need(0.02)
        for text, x in zip(cells, xs):
            self.fig.text(x, self.y, text, fontsize=size, va='top', weight='bold' if bold else 'normal')
        self.y -= 0.018

    def close(self) -> None:
        self.pdf.savefig(self.fig)
        self.plt.close(self.fig)


def pdf(campaign: Campaign) -> bytes:
    from matplotlib.backends.backend_pdf import PdfPages
    if cjk_font() is None:
        raise NoCJKFont('本机未安装中文字体（如 fonts-noto-cjk），无法生成 PDF；可使用“打印视图”另存为 PDF。')
    plt = _matplotlib()
    data = results_data(campaign)
    out = io.BytesIO()
    with PdfPages(out, metadata={'Title': f'关于{campaign.name}结果的通报', 'Creator': 'Fazhi'}) as pdf_:
        pages = _Pages(pdf_, plt)
        for kind, text in notice_paragraphs(campaign, data):
            if kind == 'title':
                pages.text(text, size=17, center=True, limit=30)
                pages.y -= 0.01
            elif kind == 'heading':
                pages.text(text, size=12, bold=True)
            else:
                pages.text('　　' + text, size=11)
        pages.new()
        pages.text('附件：考核得分与排名', size=12, bold=True)
        png = chart_png(campaign, dpi=110)
        import matplotlib.image as mpimg
        h, w = mpimg.imread(io.BytesIO(png), format='png').shape[:2]
        pages.image(png, min(0.8, 0.84 * h / w * 8.27 / 11.69))
        for group in data['groups']:
            pages.new()
            pages.text(f'{group["name"]}（{group["size"]}个单位）', size=12, bold=True)
            xs = [0.08, 0.14, 0.50, 0.60, 0.70, 0.80]
            pages.row(['名次', '单位', '总分', '等次', '较上次', '上次名次'], xs, bold=True)
            for entry in group['entries']:
                change = entry.change
                pages.row([str(entry.rank or '—'), entry.unit.name[:20], scoring.fmt(entry.total), entry.grade or '—',
                           f'{"+" if change and change > 0 else ""}{scoring.fmt(change)}' if change is not None
                           else '—', str(entry.previous_rank or '—')], xs)
        pages.close()
    return out.getvalue()


# -- demonstration rounds ----------------------------------------------------------------------------------------

def round_xlsx(round_: ProjectRound) -> bytes:
    import xlsxwriter

    from . import projects
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {'in_memory': True})
    bold = book.add_format({'bold': True, 'bg_color': '#F2F2F2', 'border': 1})
    sheet = book.add_worksheet('评审结果')
    sheet.write_row(0, 0, ['类别', '名次', '单位', '项目名称', '得分', '有效评分专家数', '计分方法'] +
                    [label for _, label in DIMENSIONS] + ['入选'], bold)
    r = 1
    for group in projects.grouped_results(round_):
        for a in group['rows']:
            sheet.write_row(r, 0, [group['name'], a.rank or '', a.unit.name, a.title,
                                   float(a.score) if a.score is not None else '', a.expert_count or 0, a.method_note] +
                            [a.dimension_means.get(key, '') for key, _ in DIMENSIONS] + ['是' if a.selected else ''])
            r += 1
    sheet.set_column(2, 3, 30)
    sheet.set_column(6, 6, 40)
    book.close()
    return buffer.getvalue()
