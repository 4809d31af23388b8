"""The audit flags the real anomalies of the seeds, leaves their consistent figures alone, and
catches each kind of inconsistency in small constructed texts."""

from __future__ import annotations

import pytest

from fazhi.intel import from_text, load
from fazhi.intel.audit import audit

from .seeds import seed_path


@pytest.fixture(scope="module")
def reports():
    stems = {"000": "000_ce5d56d33ca0cb0e", "001": "001_db1df324d5669997", "002": "002_93c369c24ed71b42",
             "003": "003_98a81501e618baf7", "004": "004_15d93f3a6553327b"}
    out = {}
    for key, stem in stems.items():
        doc = load(seed_path(stem))
        out[key] = (doc, audit(doc))
    return out


def _texts(doc, spans):
    return [doc.text[s:e] for s, e in spans]


def _findings(reports, key, kind):
    doc, report = reports[key]
    return [(f, _texts(doc, f.spans)) for f in report.findings if f.kind == kind]


def test_implausible_mediation_count_in_002(reports):
    hits = _findings(reports, "002", "implausible_magnitude")
    assert [t for _, t in hits] == [["38000万余件"]]
    assert "3.8亿" in hits[0][0].message


def test_text_and_table_disagree_in_002(reports):
    hits = _findings(reports, "002", "inconsistent_repeat")
    assert len(hits) == 1 and hits[0][1] == ["98.4%", "98.1"]


def test_part_larger_than_total_in_002(reports):
    hits = _findings(reports, "002", "part_exceeds_total")
    assert [t for _, t in hits] == [["987人", "1143人"]]


def test_parts_exceed_stated_total_in_002(reports):
    hits = _findings(reports, "002", "parts_exceed_total")
    assert [t for _, t in hits] == [["12个", "9个", "4个"]]


def test_duplicated_paragraph_in_004(reports):
    doc, report = reports["004"]
    hits = [f for f in report.findings if f.kind == "duplicate_paragraph"]
    assert len(hits) == 1 and len(hits[0].spans) == 2
    a, b = _texts(doc, hits[0].spans)
    assert a == b and a.startswith("注重示范驱动")


def test_ambiguous_share_is_reported_as_not_checkable(reports):
    doc, report = reports["002"]
    notes = [c for c in report.checks if c.status == "not_checkable" and c.kind == "rate"]
    assert any("111件" in c.message and "714" in c.message and "641" in c.message for c in notes)
    assert not any("14%" in _texts(doc, f.spans) for f in report.findings)


@pytest.mark.parametrize("key, figures", [
    ("001", ["約為24.2%", "236件", "977件"]),
    ("002", ["68.08%", "465起", "683起"]),
    ("002", ["99.17%", "5827项", "5876项"]),
    ("003", ["5663项", "99项", "512项", "5052项"]),
])
def test_consistent_figures_are_confirmed_not_flagged(reports, key, figures):
    doc, report = reports[key]
    confirmed = [c for c in report.checks if c.status == "consistent" and set(figures) <= set(_texts(doc, c.spans))]
    assert confirmed
    flagged = {t for f in report.findings for t in _texts(doc, f.spans)}
    assert not flagged & set(figures)


def test_seeds_without_anomalies_have_no_findings(reports):
    assert reports["000"][1].findings == []
    assert reports["001"][1].findings == []
    assert reports["003"][1].findings == []


def _kinds(text):
    return [f.kind for f in audit(from_text(text)).findings]


def test_rate_not_matching_its_counts():
    assert _kinds("全年共审结复议案件200件，直接纠错30件，纠错率为20%。") == ["rate_mismatch"]
    assert _kinds("全年共审结复议案件200件，直接纠错30件，纠错率为15%。") == []
    assert _kinds("全年共审结复议案件200件，直接纠错30件，纠错率约为15.2%。") == []


def test_parts_against_total():
    assert _kinds("共受理案件100件，其中一般程序60件，简易程序45件。") == ["parts_exceed_total"]
    assert _kinds("共申报项目50个（包括20个部门项目及25个街乡项目）。") == ["parts_total_mismatch"]
    assert _kinds("共清理文件90件，其中废止16件、修改7件。") == []
    assert _kinds("办理行政应诉案件42件，其中审结30件，胜诉29件。") == []  # outcomes nest, not siblings
    assert _kinds("决定撤销48件，确认违法150件。其中行政强制类案件164件。") == []  # total not said


def test_change_contradicting_values():
    assert _kinds("群众满意率由95.2%下降至96.1%。") == ["change_contradiction"]
    text = "2021年受理行政复议申请100件。2022年受理行政复议申请120件，同比下降10%。"
    assert _kinds(text) == ["change_contradiction"]
    text = "2021年受理行政复议申请100件。2022年受理行政复议申请120件，同比增长20%。"
    assert _kinds(text) == []
    assert _kinds("2023年，通州区共收到行政复议申请1113件，较2022年558件同比增长80%。") == ["change_contradiction"]
    assert _kinds("2023年，通州区共收到行政复议申请1113件，较2022年558件同比增长99.5%。") == []


def test_rate_over_100_and_magnitudes():
    assert _kinds("全区行政诉讼败诉率为120%。") == ["rate_over_100"]
    assert _kinds("通州区全年受理行政复议申请150万件。") == ["implausible_magnitude"]
    assert _kinds("2018年，全国各级行政复议机关依法办理行政复议案件25.7万件。") == []  # no district: wider limits
    assert _kinds("全年受理12345热线诉求76.6万件，同比增长30.86%。") == []


def test_same_figure_twice():
    text = "2023年，全年共收到行政复议申请1113件。\n……\n2023年全区收到行政复议申请1131件，审结977件。"
    assert _kinds(text) == ["inconsistent_repeat"]
    text = "2023年，直接纠错236件，纠错率24.2%。\n审结977件中直接纠错236件，纠错率约为24%。"
    assert _kinds(text) == []  # 24.2% rounded is 24%
    text = "2018年，办结复议案件22.4万件。\n司法部办结国务院行政复议案件2536件。"
    assert _kinds(text) == []  # different populations


def test_duplicate_paragraphs():
    para = "坚持以人民为中心，深入推进依法行政，加快建设法治政府，全面提升政府工作人员法治思维和依法行政能力。"
    assert _kinds(f"{para}\n{para}\n其他内容。") == ["duplicate_paragraph"]
