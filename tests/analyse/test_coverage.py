from pathlib import Path

from lawreport.content import store
from lawreport.analyse.coverage import coverage
from lawreport.core.model import Report, Section

SEED_YAML = Path(__file__).resolve().parents[2] / "content" / "reports" / "zjg-2023" / "report.yaml"


def _part(pid, category, items):
    return Section(id=pid, number="一、", title="t", category=category,
                   children=[Section(id=f"{pid}-{i + 1}", number="(一)", title=title, text=text)
                             for i, (title, text) in enumerate(items)])


def test_matching_terms_pick_the_answering_plan_item():
    report = Report(id="t", title="t", sections=[
        _part("1", "measures", [("开展工作", "推进食品安全监管,加强工作。"), ("加强建设", "完善制度,推进工作。")]),
        _part("2", "shortcomings", [("食品安全监管存在漏洞", "农贸市场食品抽检覆盖不足。"),
                                    ("信息化水平不高", "数据平台互不联通,系统重复建设。")]),
        _part("3", "plan", [("建设统一数据平台", "打通各部门系统,实现数据共享。"),
                            ("强化食品安全抽检", "扩大农贸市场食品抽检覆盖面。")]),
    ])
    cov = coverage(report)
    assert cov.best["2-1"].plan.id == "3-2" and cov.best["2-2"].plan.id == "3-1"
    assert "抽检" in cov.link("2-1", "3-2").shared
    assert cov.link("2-1", "3-1").score < cov.link("2-1", "3-2").score


def test_genre_words_alone_make_no_link():
    report = Report(id="t", title="t", sections=[
        _part("1", "shortcomings", [("工作推进不够", "全面加强工作,深入推进建设。")]),
        _part("2", "plan", [("持续推进工作", "进一步加强建设,全面推进工作。")]),
    ])
    cov = coverage(report)
    assert cov.link("1-1", "2-1").score == 0 and cov.weak == ["1-1"]


def test_no_shortcomings_or_no_plan_gives_an_empty_matrix():
    report = Report(id="t", title="t", sections=[_part("1", "measures", [("a", "办理案件。")])])
    cov = coverage(report)
    assert cov.links == {} and cov.weak == []


def test_seed_strongest_links_and_weak_shortcoming():
    cov = coverage(store.load(SEED_YAML))
    assert cov.best["3-2"].plan.id == "4-2"
    assert cov.best["3-3"].plan.id == "4-3"
    top_two = sorted(cov.links.values(), key=lambda link: -link.score)[:2]
    assert {(l.shortcoming.id, l.plan.id) for l in top_two} == {("3-2", "4-2"), ("3-3", "4-3")}
    assert "行政诉讼" in cov.link("3-3", "4-3").shared
    assert cov.weak == ["3-1"]


def test_a_part_listing_its_points_inline_gives_one_row_per_point():
    report = Report(id="t", title="t", sections=[
        Section(id="1", number="一、", title="主要成效", category="measures", text="推进食品安全监管。"),
        Section(id="2", number="二、", title="存在的问题", category="shortcomings",
                text="一是食品安全抽检覆盖不足；二是数据平台互不联通，系统重复建设。"),
        _part("3", "plan", [("建设统一数据平台", "打通各部门系统,实现数据共享。"),
                            ("强化食品安全抽检", "扩大农贸市场食品抽检覆盖面。")]),
    ])
    cov = coverage(report)
    assert [(s.id, s.number, s.title) for s in cov.shortcomings] == [
        ("2~1", "一是", "食品安全抽检覆盖不足"), ("2~2", "二是", "数据平台互不联通，系统重复建设")]
    assert cov.best["2~1"].plan.id == "3-2" and cov.best["2~2"].plan.id == "3-1"
