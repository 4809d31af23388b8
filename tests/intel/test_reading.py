"""Readers: encodings, HTML without site chrome, DOCX, PDF text layer, traditional script offsets."""

from __future__ import annotations

import io

import pytest

from fazhi.intel import extract, from_text, load, load_bytes
from fazhi.intel.normalize import Normalized, _align, normalize
from fazhi.intel.reading import ReadError, decode

from .pdf import make_pdf
from .seeds import seed_path

SENTENCE = "2023年，全年共收到行政复议申请1113件，审结977件，纠错率约为24.2%。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_decode_chinese_encodings(encoding):
    text, used = decode(SENTENCE.encode(encoding))
    assert text == SENTENCE
    assert used in (encoding, "gb18030", "utf-8-sig")


def test_decode_big5_traditional():
    trad = "全年共收到行政復議申請1113件，審結977件。"
    text, used = decode(trad.encode("big5"))
    assert text == trad and used == "big5"


def test_unreadable_file_has_chinese_error(tmp_path):
    with pytest.raises(ReadError, match="无法读取"):
        load(tmp_path / "missing.txt")


def _values(doc):
    return {(f.text, float(f.value), f.unit) for f in extract(doc)}


def test_plain_text_spans_point_into_the_text():
    doc = from_text(SENTENCE)
    for f in extract(doc):
        assert doc.text[f.start:f.end] == f.text
    assert ("1113件", 1113.0, "件") in _values(doc)


HTML = """<html><head><title>通州区2023年法治政府建设年度报告 - 某某区政府网</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a>政务公开</a></div>
<div id="header-menu"><a>网站地图</a><a>无障碍</a></div>
<div class="article"><h1>通州区2023年法治政府建设年度报告</h1>
<p>2023年，全年共收到行政复议申请1113件，审结977件，纠错率约为24.2%。</p>
<p>企业信用分级：</p>
<table><tr><th>等级</th><th>企业数(户)</th></tr><tr><td>A级</td><td>32063</td></tr></table>
<div class="share">分享到：微信 微博 8</div>
</div>
<div class="footer">版权所有 © 2024 主办单位：某某区人民政府 电话：010-12345678 网站标识码 1100000001</div>
<script>var x = 12345;</script>
</body></html>"""


def test_html_keeps_the_article_and_drops_site_chrome():
    doc = load_bytes(HTML.encode("utf-8"), "report.html", ".html")
    assert doc.format == "html"
    assert doc.title == "通州区2023年法治政府建设年度报告"
    assert "网站地图" not in doc.text and "版权所有" not in doc.text and "分享到" not in doc.text
    assert "A级\t32063" in doc.text  # table cells stay apart
    values = _values(doc)
    assert ("1113件", 1113.0, "件") in values and ("约为24.2%", 24.2, "%") in values
    assert not any(v == 12345.0 or v == 1100000001.0 for _, v, _ in values)


def test_html_sniffed_in_a_txt_file(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(HTML.encode("gb18030"))
    doc = load(path)
    assert doc.format == "html" and doc.encoding == "gb18030"


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("2023年，全区各级各类调解组织共调处化解矛盾纠纷43945件，司法确认2954件。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数值"
    table.cell(1, 0).text, table.cell(1, 1).text = "隐患整改率", "98%"
    buf = io.BytesIO()
    d.save(buf)
    path = tmp_path / "report.docx"
    path.write_bytes(buf.getvalue())
    doc = load(path)
    assert doc.format == "docx"
    assert "隐患整改率\t98%" in doc.text
    assert ("43945件", 43945.0, "件") in _values(doc)


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["2023年，全年共收到行政复议申请1113件，审结977", "件，纠错率约为24.2%。"]))
    doc = load(path)
    assert doc.format == "pdf"
    assert "审结977件" in doc.text  # a line wrapped inside a sentence is joined
    assert ("977件", 977.0, "件") in _values(doc)


def test_broken_pdf_and_docx_raise_read_errors():
    with pytest.raises(ReadError, match="PDF"):
        load_bytes(b"%PDF-1.4 broken", "x.pdf", ".pdf")
    with pytest.raises(ReadError, match="DOCX"):
        load_bytes(b"PK\x03\x04 broken", "x.docx", ".docx")


def test_traditional_seed_spans_are_original_characters():
    doc = load(seed_path("001_db1df324d5669997"))
    facts = extract(doc)
    assert all(doc.text[f.start:f.end] == f.text for f in facts)
    grade_a = next(f for f in facts if f.indicator == "credit.grade_a")
    assert grade_a.text == "32063戶" and grade_a.unit == "户" and grade_a.value == 32063


def test_t2s_offset_map_when_lengths_change():
    mapping = _align("ABCDE", "AXYZDE", 10)
    assert mapping[0] == 10 and mapping[-2:] == [13, 14]
    norm = Normalized("AXYZDE", tuple(mapping), 15)
    assert norm.span(4, 6) == (13, 15)
    assert normalize("發佈了1113件").text == "发布了1113件"


def test_noise_lines_of_scraped_page():
    doc = load(seed_path("002_93c369c24ed71b42"))
    noisy = "".join(doc.text[s:e] for s, e in doc.noise)
    assert "注册会员" in noisy and "招标网" in noisy  # the advertisement at the end
    assert "一、总报告... 5" in noisy  # table of contents
    assert "2021年朝阳区共受理12345市民服务热线诉求76.6万件" not in noisy
