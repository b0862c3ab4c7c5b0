"""Indicators: keys from the rules file; one row per report that gives the figure."""

from __future__ import annotations

import csv
import io

import pytest

from lawreport.analyse.across import indicators
from lawreport.core.errors import LawreportError

from .html import rows


def test_indicator_page_one_row_per_report(across_site, across_reports):
    page = across_site / "indicators" / "fuzeren-chuting-yingsulv" / "index.html"
    table = rows(page, "indicator-rows")
    by_report = {r["attrs"]["data-report"]: r for r in table}
    # every fixture gives 出庭应诉率 once; the bundled zjg-2023 gives it too
    assert sorted(by_report) == ["kunshan-2023", "taicang-2023", "wujiang-2021", "wujiang-2022",
                                 "wujiang-2023", "zjg-2023"]
    assert len(table) == len(by_report)
    assert by_report["taicang-2023"]["cells"][2] == "99%"
    assert by_report["wujiang-2021"]["cells"][2] == "95%"
    assert by_report["wujiang-2021"]["links"][-1] == "../../wujiang-2021/2-1/index.html"


def test_shared_indicators_of_one_year(across_reports):
    figures = {rid: indicators.figures(r) for rid, r in across_reports.items()}
    given = {rid: {f.indicator for f in fs if f.indicator} for rid, fs in figures.items()}
    for rid in ("wujiang-2023", "kunshan-2023", "taicang-2023"):
        assert {"xingzheng-fuyi-shouan", "xingzheng-fuyi-jiucuolv", "fuzeren-chuting-yingsulv"} <= given[rid]
    # 审结 is not 收案; 清理 is not 审核
    by_text = {(f.metric.section, f.metric.text): f.indicator for f in figures["wujiang-2023"]}
    assert by_text[("1-3", "342件")] == "xingzheng-fuyi-shouan"
    assert by_text[("1-3", "320件")] == ""
    assert by_text[("1-4", "47件")] == "guifanxing-wenjian-shenhe"
    assert by_text[("1-4", "58件")] == "guifanxing-wenjian-qingli"
    assert by_text[("1-5", "1500余场")] == "pufa-huodong"


def test_corpus_csv(across_site):
    data = list(csv.DictReader(io.StringIO((across_site / "data" / "indicators.csv").read_text(encoding="utf-8"))))
    shouan = [r for r in data if r["indicator"] == "xingzheng-fuyi-shouan"]
    assert {r["report"]: r["value"] for r in shouan if r["issuer_id"] == "wujiang-qu"} == {
        "wujiang-2021": "268", "wujiang-2022": "301", "wujiang-2023": "342"}


def test_bad_rules_file_names_file_and_line(tmp_path):
    path = tmp_path / "indicators.yaml"
    path.write_text("indicators:\n  - key: a\n    name: [甲, 甲]\n    unit: [件]\n    clause: [甲]\n"
                    "  - key: Bad Key\n    name: [乙, 乙]\n    unit: [件]\n    clause: [乙]\n", encoding="utf-8")
    with pytest.raises(LawreportError) as err:
        indicators.load_rules(path)
    assert err.value.line == 6 and "key" in str(err.value)
