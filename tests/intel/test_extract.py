"""Extraction rules on small sentences written for the purpose (not taken from any report)."""

from __future__ import annotations

import pytest

from fazhi.intel import extract, from_text, to_csv, to_json


def _facts(text):
    return [(f.text, float(f.value), f.unit, f.qualifier) for f in extract(from_text(text))]


@pytest.mark.parametrize("text, expected", [
    ("全年受理案件4 598件。", [("4 598件", 4598.0, "件", None)]),
    ("共办理事项1,234项。", [("1,234项", 1234.0, "项", None)]),
    ("对涉及土地承包、计划生育等热点难点问题进行了集中排查，全年共调处民间纠纷41841\n起，调处成功率达98%。",
     [("41841\n起", 41841.0, "起", None), ("98%", 98.0, "%", None)]),
    ("提供7×24小时法律咨询服务。", []),
    ("依托12348热线和12345天津热线开展工作。", []),
    ("其中一类占88.5%，二类占11.5%，无三类。", [("88.5%", 88.5, "%", None), ("11.5%", 11.5, "%", None)]),
    ("平台运行已三个月，利用三个月的时间开展排查。", [("三个月", 3.0, "个月", None)]),
    ("接听来电53.65万通。", [("53.65万通", 536500.0, "通", None)]),
    ("综合纠错率达11。3%。", [("11。3%", 11.3, "%", None)]),
    ("行政复(fù)议案件150件。", [("150件", 150.0, "件", None)]),
])
def test_general_rules(text, expected):
    assert _facts(text) == expected


@pytest.mark.parametrize("text", [
    "根据《实施纲要(2021-2025年)》和京政发〔2020〕9号文件，于2021年10月31日印发。",
    "联系电话：010-12345678，网址 www.example.gov.cn，第3条第2款。",
    "一是坚持一企一策，二是推行一站式服务，建设“十四五”规划和“1+N+4”模式。",
    "从理论、实务、管理三个方面开展培训，建立企业保险、社会征信、公众监督三个机制。",
    "过去5年，经过20年的快速发展，区里形成了四等九级的分类。",
])
def test_not_facts(text):
    assert _facts(text) == []


def test_lists_share_a_unit_and_distribute_a_value():
    facts = extract(from_text("分别仅需1个、2个、20个工作日办结；报备率、及时率、规范率均达100%。"))
    assert [(f.value, f.unit) for f in facts[:3]] == [(1, "工作日"), (2, "工作日"), (20, "工作日")]
    codes = [f.indicator for f in facts[3:]]
    assert codes == ["normative.filing_rate", "normative.filing_timeliness", "normative.filing_conformity"]


def test_comparisons_periods_and_ranks():
    facts = extract(from_text("2023年，全区收到行政复议申请1113件，较2022年558件同比增长99.5%，排名全市第三。"))
    by_text = {f.text: f for f in facts}
    assert by_text["1113件"].period == 2023 and by_text["558件"].period == 2022
    assert by_text["99.5%"].comparison == "同比增长" and by_text["99.5%"].direction == 1
    assert (by_text["第三"].value, by_text["第三"].unit) == (3, "位次")


def test_json_and_csv():
    facts = extract(from_text("2023年审结复议案件977件，纠错率约为24.2%。"))
    assert '"value": 977' in to_json(facts) and '"unit": "件"' in to_json(facts)
    header, first = to_csv(facts).splitlines()[:2]
    assert header.startswith("source,region,issuer,period,indicator") and ",977," in first


def test_delimited_table_rows_take_units_from_header_and_caption():
    text = ("表一 行政处罚实施情况\n行政处罚实施数量(宗) | ||||\n警告 | 罚款 | 合计(宗) | 罚没金额(万元) |\n"
            "12 | 94 | 106 | 17.5 |\n说明：按决定数量统计。")
    facts = extract(from_text(text))
    assert [(f.text, float(f.value), f.unit) for f in facts] == [
        ("12", 12.0, "宗"), ("94", 94.0, "宗"), ("106", 106.0, "宗"), ("17.5", 175000.0, "元")]
    assert facts[1].subject == "罚款"


def test_byline_near_the_top_does_not_hide_the_article():
    text = ("普法活动走进庙会\n来源：某某网 | 责任编辑：某某 | 发布时间：2019-04-19\n"
            "活动期间，共表演法治节目10余个，解答群众各类法律咨询200余人次，发放宣传资料16000余份。")
    assert len(extract(from_text(text))) == 3
