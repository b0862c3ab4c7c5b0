"""Title, addressee, signature and year, read from the text around the numbered body."""

from __future__ import annotations

import pytest

from lawreport.parse import parse_text
from lawreport.parse.metadata import addressee_of, infer_title, is_issuer, parse_date, year_covered
from lawreport.core.script import to_hant

BODY = "2023年，我市持续推进法治政府建设。\n一、主要举措和成效\n（一）加强组织领导。全年召开专题会议3次。\n" \
       "二、下一步工作打算\n（一）深化改革。持续推进依法行政。\n"
TITLE = "常熟市人民政府关于2023年度法治政府建设情况的报告"


def _parse(head: str = "", tail: str = ""):
    result = parse_text((head + BODY + tail).encode("utf-8"), "s.txt", "x")
    return result.report, result.diagnostics


@pytest.mark.parametrize("line, iso", [
    ("2024年2月28日", "2024-02-28"), ("2024 年 2 月 28 日", "2024-02-28"), ("二〇二四年二月二十八日", "2024-02-28"),
    ("（2024年2月28日）", "2024-02-28"), ("２０２４年１２月３１日", "2024-12-31"), (to_hant("二〇二四年十月九日"), "2024-10-09"),
    ("2024年13月1日", None), ("2024年2月28日召开会议", None), ("全年受理案件28件", None),
])
def test_parse_date(line, iso):
    assert parse_date(line) == iso


@pytest.mark.parametrize("line, addressee", [
    ("苏州市人民政府：", "苏州市人民政府"), ("市委、市政府:", "市委、市政府"), ("蘇州市人民政府:", "蘇州市人民政府"),
    ("苏州市委、市政府：", "苏州市委、市政府"), ("现将有关情况报告如下，请审阅。", None), ("苏州市人民政府", None),
])
def test_addressee_of(line, addressee):
    assert addressee_of(line) == addressee


@pytest.mark.parametrize("line, yes", [
    ("张家港市人民政府", True), ("中共常熟市委", True), ("常熟市司法局", True), ("張家港市人民政府", True),
    ("常熟市人民政府,", False), ("全面推进依法行政。", False), ("加强组织领导", False),
])
def test_is_issuer(line, yes):
    assert is_issuer(line) is yes


def test_year_covered_prefers_title_then_preamble_then_date():
    assert year_covered(TITLE, "2022年以来，我市……", "", "2024-02-28") == 2023
    assert year_covered("", "2022年，我市……", "", "2024-02-28") == 2022
    assert year_covered("", "一年来，我市……", "", "2024-02-28") == 2023
    assert year_covered("", "", "2021年以来，全市……", "") == 2021


def test_infer_title_in_the_report_script():
    assert infer_title("张家港市人民政府", 2023, "zh-Hans") == "张家港市人民政府关于2023年度法治政府建设情况的报告"
    assert infer_title("張家港市人民政府", 2023, "zh-Hant") == "張家港市人民政府關於2023年度法治政府建設情況的報告"
    assert infer_title("", None, "zh-Hans") == "关于法治政府建设情况的报告"


def test_title_addressee_and_signature():
    report, diag = _parse(TITLE + "\n苏州市人民政府：\n", "常熟市人民政府\n2024年2月28日\n（此件公开发布）\n")
    assert (report.title, report.title_source, report.addressee) == (TITLE, "source", "苏州市人民政府")
    assert (report.issuer, report.date, report.publication_note) == ("常熟市人民政府", "2024-02-28", "此件公开发布")
    assert report.front == [TITLE, "苏州市人民政府："]
    assert report.signature == ["常熟市人民政府", "2024年2月28日", "（此件公开发布）"]
    assert report.year == 2023 and not diag.warnings


def test_title_split_over_two_lines_and_repeated():
    report, _ = _parse(TITLE[:16] + "\n" + TITLE[16:] + "\n" + TITLE + "\n")
    assert report.title == TITLE and report.front == [TITLE[:16], TITLE[16:]]
    assert [(s.line, s.reason) for s in report.stripped] == [(3, "repeated title")]


def test_date_under_the_title():
    report, _ = _parse(TITLE + "\n（2024年2月28日）\n苏州市人民政府：\n")
    assert (report.date, report.addressee) == ("2024-02-28", "苏州市人民政府")
    assert report.preamble.startswith("2023年")


def test_joint_issuers_on_two_lines():
    report, _ = _parse("", "中共常熟市委\n常熟市人民政府\n2024年2月28日\n")
    assert report.issuer == "中共常熟市委 常熟市人民政府"
    assert report.sections[-1].children[-1].text == "持续推进依法行政。"


@pytest.mark.parametrize("tail", ["常熟市人民政府  2024年2月28日\n", "常熟市人民政府\n（2024年2月28日）\n"])
def test_signature_variants(tail):
    report, _ = _parse("", tail)
    assert (report.issuer, report.date) == ("常熟市人民政府", "2024-02-28")
    assert "常熟市人民政府" not in report.sections[-1].children[-1].text


def test_no_title_no_addressee_no_signature_warns_and_infers():
    report, diag = _parse()
    assert report.title == "关于2023年度法治政府建设情况的报告" and report.title_source == "inferred"
    assert sorted(w.message[:14] for w in diag.warnings) == ["no date found ", "no issuer foun"]
    assert any("no addressee" in d.message for d in diag if d.severity == "note")


def test_script_detected():
    report, _ = _parse(to_hant(TITLE) + "\n")
    assert report.script == "zh-Hans"  # the body is Simplified; one Traditional line does not decide
    report = parse_text(to_hant(TITLE + "\n" + BODY).encode(), "s.txt", "x").report
    assert report.script == "zh-Hant" and report.title == to_hant(TITLE)


@pytest.mark.parametrize("tail, signature", [
    ("特此报告。\n常熟市人民政府\n2024年2月28日\n", ["特此报告。", "常熟市人民政府", "2024年2月28日"]),
    ("特此報告。\n", ["特此報告。"]),
])
def test_closing_formula_goes_with_the_signature(tail, signature):
    report, _ = _parse("", tail)
    assert report.signature == signature
    assert report.sections[-1].children[-1].text == "持续推进依法行政。"
