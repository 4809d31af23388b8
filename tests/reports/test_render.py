"""Each document type rendered for a small district from live data: the PDF has pages and none is blank, every
figure read back from the DOCX equals the indicator engine's value, the year-on-year wording is right, the
white paper's table of contents has the right page numbers, and the HTML links each figure to its records."""
from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from fazhi.core.context import acting_as
from fazhi.indicators import service
from fazhi.indicators.definitions import catalogue, get
from fazhi.indicators.periods import Period
from fazhi.organization.models import Unit
from fazhi.reports import drafting, pdf, phrasing, readback
from fazhi.reports.spec import get_spec

needs_pdf = pytest.mark.skipif(pdf.soffice() is None, reason='LibreOffice (soffice) is not installed')


def render(district, kind, month=0, **kwargs):
    with acting_as(None, label='system:test'):
        report = drafting.create_report(kind, district, 2025, month)
        return drafting.render(report, source='cli', **kwargs)


def png_pages(pdf_bytes: bytes, tmp_path: Path) -> list[Path]:
    source = tmp_path / 'report.pdf'
    source.write_bytes(pdf_bytes)
    subprocess.run(['pdftoppm', '-r', '30', '-png', str(source), str(tmp_path / 'page')], check=True)
    return sorted(tmp_path.glob('page-*.png'))


def ink(path: Path) -> float:
    """Share of the page's pixels that are not white."""
    image = Image.open(path).convert('L')
    dark = sum(count for level, count in enumerate(image.histogram()) if level < 200)
    return dark / (image.width * image.height)


def assert_pages_not_blank(version, tmp_path):
    content = version.read_file('pdf')
    assert content.startswith(b'%PDF')
    pages = png_pages(content, tmp_path)
    assert len(pages) == version.pages >= 2
    for page in pages:
        assert ink(page) > 0.002, f'{page.name} is blank'


def engine_text(row, part, grain):
    """What a figure read back from the DOCX appendix should say, from the engine's values now."""
    ref, text, indicator_cell, unit_name, period_cell, counts, records = row
    code = re.search(r'（([a-z_.]+)）$', indicator_cell).group(1)
    indicator = get(code)
    unit = Unit.objects.get(name=unit_name)
    periods = period_cell.split(' 较 ')
    with service.store() as con:
        frame = service.figures(con, code, [unit.code], grain)
    now = service.value_of(frame, code, unit.code, periods[0])
    assert now is not None, f'[{ref}] {code} {unit.code} {periods[0]}: no value in the engine'
    unit_word = re.sub(r'^\d+', '', text)
    if part == 'change':
        before = service.value_of(frame, code, unit.code, periods[1])
        yearly = Period.parse(periods[1]) == Period.parse(periods[0]).shifted(years=-1)
        flat = ('与上年同期持平' if grain == 'month' else '与上年持平') if yearly else '与上月持平'
        return phrasing.change_text(indicator, now['value'], before['value'], prefix='同比' if yearly else '环比',
                                    flat_words=flat)[0]
    if part in ('value', 'previous'):
        return phrasing.value_text(indicator, now['value'])
    if part == 'numerator':
        return f'{now["numerator"]:.0f}{unit_word}'
    if part == 'denominator':
        return f'{now["denominator"]:.0f}{unit_word}'
    assert part == 'difference'  # items past their time limit / failed reviews: denominator − numerator
    return f'{now["denominator"] - now["numerator"]:.0f}{unit_word}'


def assert_figures_equal_engine(version, skip_front=False):
    docx = version.read_file('docx')
    body = readback.body_text(docx, skip_front=skip_front)
    rows = readback.appendix_rows(docx)
    figures = list(version.figures.order_by('ref'))
    assert len(rows) == len(figures) == version.figure_count > 10
    grain = Period.parse(version.report.period_label).grain
    for row, figure in zip(rows, figures):
        assert int(row[0]) == figure.ref and row[1] == figure.text
        assert row[1] in body, f'[{row[0]}] {row[1]} is not in the document body'
        assert engine_text(row, figure.part, grain) == row[1], f'[{row[0]}] {row[1]} ≠ engine ({row[2]}, {row[4]})'
    return body


def assert_html_links(version, charts=True):
    html = version.html_text
    links = re.findall(r'<a class="fz-fig" id="fig-(\d+)" href="([^"]+)"', html)
    assert len(links) == version.figure_count
    for ref, href in links:
        assert href.startswith('/indicators/') and '/records/?unit=' in href and '&amp;period=' in href
    assert html.count('<tr id="src-') == version.figure_count
    assert ('data:image/png;base64,' in html) == charts


@needs_pdf
def test_annual_report(report_data, tmp_path):
    version = render(report_data.district, 'annual')
    assert_pages_not_blank(version, tmp_path)
    body = assert_figures_equal_engine(version)
    # the source documents' own figures, through the engine into the report
    for text in ('响应率99.93%、解决率93.81%、满意率94.93%', 'A级企业32063户、B级企业63408户、C级企业15425户、D级企业1996户',
                 '违法行为纳入检查率99.17%', '人员参与执法率96.30%'):
        assert text in body
    # year on year: 683 mediations against 500 (+36.6%), success 68.08% against 60.00% (+8.08 points)
    assert '共受理矛盾纠纷683件，同比增长36.6%，调解成功率68.08%，同比上升8.08个百分点' in body
    # figures the catalogue does not have (yet) are said to be missing, not invented
    for code in sorted(get_spec('annual').indicator_codes() - set(catalogue())):
        assert f'【数据暂缺：指标“{code}”尚未纳入指标目录】' in body or f'指标“{code}”尚未纳入指标目录，表中未列出' in \
            readback.body_text(version.read_file('docx')) + ''.join(g['message'] for g in version.gaps)
    assert body.index('一、2025年推进法治政府建设的主要举措和成效') < body.index('二、2025年推进法治政府建设存在的不足') \
        < body.index('三、2025年党政主要负责人履行推进法治建设第一责任人职责情况') < body.index('四、2026年推进法治政府建设的主要安排')
    assert_html_links(version)
    assert version.text == body and '附：数据来源说明' not in version.text


@needs_pdf
def test_white_paper_has_a_table_of_contents_with_page_numbers(report_data, tmp_path):
    version = render(report_data.district, 'whitepaper')
    assert_pages_not_blank(version, tmp_path)
    assert_figures_equal_engine(version, skip_front=True)
    docx = version.read_file('docx')
    toc = [value.split('\t') for kind, value in readback.blocks(docx) if kind == 'p' and '\t' in value]
    assert len(toc) > 20 and toc[0][0] == '前　言' and toc[0][1] == '1'
    marks = [(title.replace('\u3000', ''), page) for title, page in pdf.outline(version.read_file('pdf'))]
    first = marks[0][1]
    assert marks[0][0] == '前言' and first >= 2  # cover and contents come first, unnumbered (0-based page index)
    assert [t for t, _ in marks][:len(toc)] == [t.replace('\u3000', '') for t, _ in toc]  # in order, same titles
    for (title, page), (_, physical) in zip(toc, marks):
        assert physical - first + 1 == int(page), title
    body_page = subprocess.run(['pdftotext', '-f', str(first + 4), '-l', str(first + 4), '-layout', '-', '-'],
                               input=version.read_file('pdf'), capture_output=True, check=True).stdout.decode()
    assert '— 4 —' in body_page or '—4—' in body_page.replace(' ', '')
    assert_html_links(version)


@needs_pdf
def test_monthly_bulletin(ranked_data, tmp_path):
    version = render(ranked_data.district, 'bulletin', 3)
    assert_pages_not_blank(version, tmp_path)
    body = assert_figures_equal_engine(version)
    assert body.startswith('法治政府建设监督通报\n2025年第三期')
    assert '2025年3月，全区12345热线受理群众诉求10900件' in body
    # rankings: 西岭街道 95.00% > 东湖街道 94.93%; departments by response rate (both 100%: by code)
    assert '按12345热线满意率排名，2025年3月排名第一的街道（乡镇）是西岭街道（95.00%）；排名靠后的街道（乡镇）是东湖街道（94.93%）' in body
    assert '图1　2025年3月各街道（乡镇）12345热线满意率' in body
    # items past their time limit, by unit: a petition closed late and an unrectified hazard in 西岭街道, which had
    # hotline requests (none late) but no disclosure requests (— rather than an invented 0)
    assert '西岭街道\t0件\t1件\t—\t1处\t2' in body
    # sampled case files: 10 reviewed, 9 passed, the one that failed is listed
    assert '抽查评查行政执法案卷10件，评查合格率90.00%' in body and '评查不合格的案卷1件' in body
    assert_html_links(version)


def test_department_report_leaves_out_what_the_department_does_not_do(report_data):
    version = render(report_data.market, 'annual', make_pdf=False)
    report = version.report
    assert report.kind == 'department' and report.title == '区市场监督管理局2025年法治政府建设年度报告'
    body = readback.body_text(version.read_file('docx'))
    assert '受理调解案件683件，调解成功率68.08%' in body  # its office (法制科) handled them
    assert '12345' not in body and '【数据暂缺' not in body  # no hotline tickets: the sentence is left out
    assert not version.pdf and version.read_file('html')


def test_docx_layout_is_the_official_one(report_data):
    from docx import Document
    from docx.shared import Pt
    version = render(report_data.district, 'annual', make_pdf=False)
    doc = Document(io.BytesIO(version.read_file('docx')))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4 (twips round)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    normal = doc.styles['Normal']
    east_asian = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia'
    assert normal.font.size == Pt(16) and normal.element.rPr.rFonts.get(east_asian) == '仿宋_GB2312'
    title = doc.paragraphs[0]
    assert title.text == '测试区人民政府2025年法治政府建设年度报告' and title.runs[0].font.size == Pt(22)
    assert title.runs[0].element.rPr.rFonts.get(east_asian) == '方正小标宋简体'
    footer = section.footer.paragraphs[0]._p.xml
    assert 'PAGE' in footer and '—' in footer
    assert len(doc.inline_shapes) >= 2  # charts


@pytest.mark.parametrize('kind', ['annual', 'whitepaper', 'bulletin', 'department'])
def test_every_figure_a_template_names_is_in_the_catalogue(kind):
    assert get_spec(kind).indicator_codes() - set(catalogue()) == set()
