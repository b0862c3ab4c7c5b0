from lawreport.analyse.callouts import choose, telling, tip, value_text
from lawreport.site.charts import bar_chart
from lawreport.analyse.metrics import Metric


def m(value, unit, label="案件数量", section="1", qualifier=None):
    return Metric(f"{section}:{value}{unit}", value, unit, label, f"{value}{unit}", 0, 1,
                  qualifier=qualifier, section=section)


def test_percent_and_money_outrank_counts_and_bare_verbs_rank_low():
    assert telling(m(40, "%")) > telling(m(40785, "件"))
    assert telling(m(51_810_000, "元")) > telling(m(40785, "件"))
    assert telling(m(40785, "件")) > telling(m(164, "人"))
    assert telling(m(40775, "件", label="化解")) < telling(m(164, "人"))


def test_choose_keeps_reading_order_and_one_per_section():
    figures = [m(5, "件", section="a"), m(90, "%", section="b"), m(95, "%", section="b"),
               m(1000, "元", section="c")]
    chosen = choose(figures, 2)
    assert [(x.section, x.value) for x in chosen] == [("b", 95), ("c", 1000)]


def test_value_text_and_tip():
    money = m(51_810_000, "元", label="涉及金额", qualifier="more_than")
    assert value_text(money) == "5181万"
    assert value_text(money, "zh-Hant") == "5181萬"  # the page's script, not the code's
    assert tip(money, "涉及金額", "元", "zh-Hant") == "涉及金額：超過5181萬 元（51,810,000）"
    assert value_text(m(2711, "件")) == "2,711"


def test_svg_chart_escapes_labels_and_is_stable():
    svg = bar_chart([("<b>案件</b>", 10, "10"), ("人员", 5, "5")], "标题 & 单位")
    assert svg.startswith("<svg") and "<b>" not in svg and "&lt;b&gt;" in svg and "&amp;" in svg
    assert svg == bar_chart([("<b>案件</b>", 10, "10"), ("人员", 5, "5")], "标题 & 单位")
    assert bar_chart([], "x") == ""


def test_durations_are_never_cards():
    assert choose([m(3, "年", section="a"), m(12, "件", section="b")], 3) == [m(12, "件", section="b")]
