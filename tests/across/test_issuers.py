"""Issuer identity: one id for the variants of one government's name; the editor's id wins."""

from __future__ import annotations

import pytest

from lawreport.content import store
from lawreport.analyse.across import issuers
from lawreport.core.errors import LawreportError
from lawreport.core.model import Report

from .html import rows


def test_three_years_under_one_id_from_three_name_variants(across_reports):
    wujiang = {rid: across_reports[rid] for rid in ("wujiang-2021", "wujiang-2022", "wujiang-2023")}
    # the fixtures sign three ways: full name, joint party-government, only the title names it
    assert wujiang["wujiang-2021"].issuer == "苏州市吴江区人民政府"
    assert wujiang["wujiang-2022"].issuer == "中共苏州市吴江区委 苏州市吴江区人民政府"
    assert wujiang["wujiang-2023"].issuer == ""
    assert wujiang["wujiang-2023"].title == "2023年吴江区法治政府建设情况报告"
    assert {issuers.issuer_id(r) for r in wujiang.values()} == {"wujiang-qu"}
    grouped = {i.id: i for i in issuers.group(list(across_reports.values()))}
    assert grouped["wujiang-qu"].report_ids == ["wujiang-2021", "wujiang-2022", "wujiang-2023"]
    assert grouped["wujiang-qu"].name == "苏州市吴江区人民政府"
    assert grouped["kunshan-shi"].report_ids == ["kunshan-2023"]


@pytest.mark.parametrize("issuer, title, expected", [
    ("吴江区人民政府", "x", "wujiang-qu"),
    ("北京市朝陽區人民政府", "x", "chaoyang-qu"),  # Traditional; 朝阳 read as a place
    ("中共长宁区委、长宁区人民政府", "x", "changning-qu"),
    ("重庆市长寿区司法局", "x", "changshou-qu-sifaju"),  # a department keeps its own name
    ("沛县人民政府", "x", "pei-xian"),  # a one-character county
    ("", "广州市人民政府关于2022年度法治政府建设情况的报告", "guangzhou-shi"),
    ("", "第二次会议纪要", "unknown"),  # a title that names no issuer
])
def test_name_variants(issuer, title, expected):
    assert issuers.issuer_id(Report(id="r", title=title, issuer=issuer)) == expected


def test_editor_value_wins_and_survives_the_yaml(tmp_path, across_reports):
    report = across_reports["wujiang-2023"]
    report.issuer_id = "suzhou-wujiang"
    path = tmp_path / "report.yaml"
    store.write(report, path)
    again = store.load(path, report.id)
    assert again.issuer_id == "suzhou-wujiang" and issuers.issuer_id(again) == "suzhou-wujiang"
    report.issuer_id = ""


def test_bad_issuer_id_is_one_error_with_its_line(tmp_path, across_reports):
    path = tmp_path / "report.yaml"
    store.write(across_reports["kunshan-2023"], path)
    text = path.read_text(encoding="utf-8").replace("issuer: 昆山市人民政府\n",
                                                    "issuer: 昆山市人民政府\nissuer_id: Kun Shan\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LawreportError) as err:
        store.load(path, "kunshan-2023")
    line = text.splitlines().index("issuer_id: Kun Shan") + 1
    assert err.value.line == line and "issuer_id" in str(err.value)


def test_issuer_page_lists_reports_by_year_both_scripts(across_site):
    for prefix in ("", "zh-hant/"):
        page = across_site / prefix / "issuers" / "wujiang-qu" / "index.html"
        text = page.read_text(encoding="utf-8")
        order = [text.index(f"../../wujiang-{y}/index.html") for y in (2021, 2022, 2023)]
        assert order == sorted(order)
    overview = (across_site / "wujiang-2023" / "index.html").read_text(encoding="utf-8")
    assert "../issuers/wujiang-qu/index.html" in overview


def test_home_filters_by_issuer(across_site):
    home = (across_site / "index.html").read_text(encoding="utf-8")
    assert '<option value="wujiang-qu">' in home
    assert home.count('data-issuer="wujiang-qu"') == 3
