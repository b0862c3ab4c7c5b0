"""Plan of year N against the measures of year N+1, as the fixtures are written."""

from __future__ import annotations

from lawreport.analyse.across import issuers, yearly

from .html import rows


def _pairs(reports):
    wujiang = next(i for i in issuers.group(list(reports.values())) if i.id == "wujiang-qu")
    return yearly.year_pairs(wujiang, reports)


def test_plans_matched_and_missed_as_written(across_reports):
    pairs = _pairs(across_reports)
    assert [(p.before.year, p.after.year) for p in pairs] == [(2021, 2022), (2022, 2023)]
    first, second = pairs
    # 2021 planned (一) 行政复议体制改革 and (二) 合法性审查全覆盖: both reported in 2022's measures;
    # (三) 法治文化阵地 / 法治主题公园: 2022 does not mention it.
    assert [(m.item.id, m.matched, m.best_section if m.matched else None) for m in first.plans] == [
        ("4-1", True, "1-1"), ("4-2", True, "1-2"), ("4-3", False, None)]
    assert {"行政复议", "体制改革"} <= set(first.plans[0].shared)
    assert {"合法性审查"} <= set(first.plans[1].shared)
    # 2022 planned 公平竞争审查, 行政执法协调监督; 政务诚信 is not reported in 2023.
    assert [(m.item.id, m.matched, m.best_section if m.matched else None) for m in second.plans] == [
        ("4-1", True, "1-1"), ("4-2", True, "1-2"), ("4-3", False, None)]
    assert "公平竞争" in second.plans[0].shared


def test_recurring_shortcoming(across_reports):
    first, second = _pairs(across_reports)
    # 执法人员专业素质 / 持证上岗培训 comes back every year; 公平竞争审查刚性约束 (2022) does not recur
    assert [(m.item.id, m.best_section) for m in first.recurring] == [("3-1", "3")]
    assert [(m.item.id, m.best_section) for m in second.recurring] == [("3-1", "3-1")]
    assert "上岗" in first.recurring[0].shared


def test_issuer_page_shows_the_delivery_table(across_site):
    page = across_site / "issuers" / "wujiang-qu" / "index.html"
    table = [r for r in rows(page, "delivery")]
    assert len(table) == 6
    statuses = [r["cells"][1] for r in table]
    assert statuses == ["已报告完成", "已报告完成", "未见报告完成"] * 2
    # evidence: both permalinks
    assert table[0]["links"] == ["../../wujiang-2021/4-1/index.html", "../../wujiang-2022/1-1/index.html"]
    assert table[2]["links"] == ["../../wujiang-2021/4-3/index.html"]
    hant = (across_site / "zh-hant" / "issuers" / "wujiang-qu" / "index.html").read_text(encoding="utf-8")
    assert "未見報告完成" in hant and "<svg" in hant
