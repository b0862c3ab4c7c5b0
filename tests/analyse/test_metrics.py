"""Extraction rules, each on a text written for it (not taken from the bundled report)."""

import pytest

from lawreport.analyse.metrics import Metric, candidates, extract_text, merge, refresh
from lawreport.core.model import Report, Section


def figures(text, script="zh-Hans"):
    return [(m.text, m.value, m.unit, m.qualifier) for m in extract_text(text, "1-1", script)]


@pytest.mark.parametrize("text,expected", [
    ("全年培训执法人员320人。", ("320人", 320, "人", None)),
    ("共接待群众来访1,250人次。", ("1,250人次", 1250, "人次", None)),
    ("审查合同45份。", ("45份", 45, "份", None)),
    ("出台政策文件12部。", ("12部", 12, "部", None)),
    ("服务企业860家。", ("860家", 860, "家", None)),
    ("开展专项检查36次。", ("36次", 36, "次", None)),
    ("明确重点任务24项。", ("24项", 24, "项", None)),
    ("选聘法律顾问9名。", ("9名", 9, "名", None)),
    ("办理案件3210件。", ("3210件", 3210, "件", None)),
    ("建成站点15个。", ("15个", 15, "个", None)),
    ("挽回损失380万元。", ("380万元", 3_800_000, "元", None)),
    ("撬动投资2.5亿元。", ("2.5亿元", 250_000_000, "元", None)),
    ("整治河道12.5公里。", ("12.5公里", 12.5, "公里", None)),
    ("办结时限压缩至5个工作日。", ("5个工作日", 5, "个工作日", None)),
    ("群众满意度达98.6%。", ("98.6%", 98.6, "%", None)),
    ("办案周期缩短百分之三十。", ("百分之三十", 30, "%", None)),
    ("覆盖率达到百分之百。", ("百分之百", 100, "%", None)),
    ("同比提高2.3个百分点。", ("2.3个百分点", 2.3, "个百分点", None)),
])
def test_each_unit_kind(text, expected):
    assert figures(text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("涉案金额3000万余元。", ("3000万余元", 30_000_000, "元", "more_than")),
    ("参与群众2000余人。", ("2000余人", 2000, "人", "more_than")),
    ("受益群众300多人。", ("300多人", 300, "人", "more_than")),
    ("融资超500亿元。", ("超500亿元", 50_000_000_000, "元", "more_than")),
    ("累计超过1.2万件。", ("超过1.2万件", 12_000, "件", "more_than")),
    ("覆盖率达95%以上。", ("95%以上", 95, "%", "at_least")),
    ("惠及近3万人。", ("近3万人", 30_000, "人", "nearly")),
    ("涉及资金约80亿元。", ("约80亿元", 8_000_000_000, "元", "about")),
    ("每场培训50人左右。", ("50人左右", 50, "人", "about")),
    ("审批时限10天以内。", ("10天以内", 10, "天", "at_most")),
    ("败诉率不足3%。", ("不足3%", 3, "%", "less_than")),
])
def test_each_qualifier(text, expected):
    assert figures(text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("举办两期培训班。", ("两期", 2, "期", None)),
    ("化解率连续三年保持第一。", ("连续三年", 3, "年", None)),
    ("制定十项措施。", ("十项", 10, "项", None)),
    ("组建十二支调解队伍。", ("十二支", 12, "支", None)),
    ("聚焦六方面问题。", ("六方面", 6, "方面", None)),
    ("近五年来办理案件。", ("近五年", 5, "年", "nearly")),
    ("新增岗位三千五百个。", ("三千五百个", 3500, "个", None)),
    ("建设百余家站点。", ("百余家", 100, "家", "more_than")),
])
def test_chinese_numerals(text, expected):
    assert figures(text) == [expected]


def test_traditional_full_width_text_keeps_offsets_into_the_stored_text():
    text = "共辦理案件２７１１件，涉及金額５１８１萬餘元。"
    found = extract_text(text, "2-3", "zh-Hant")
    assert [(m.text, m.value, m.unit, m.qualifier) for m in found] == [
        ("２７１１件", 2711, "件", None), ("５１８１萬餘元", 51_810_000, "元", "more_than")]
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text,reason", [
    ("2023年全市法治建设取得成效。", "year or date"),
    ("三年行动计划全面完成。", "year or date"),
    ("2024年度重点工作安排。", None),  # 年度 is no unit at all
    ("5月召开会议,10月底完成。", None),
    ("2月28日发布。", None),
    ("获评第一批示范地区,排名第3名。", "ordinal"),
    ("首批示范地区。", None),
    ("学习贯彻党的二十大精神。", None),
    ("坚持中央八项规定精神。", "quoted or a name"),
    ("增强四个意识、坚定四个自信。", "quoted or a name"),
    ("拨打12345热线反映问题。", None),
    ("12309检察服务中心入驻。", None),
    ("服务热线12345件件有回音。", "phone or hotline"),
    ("聚焦“123”年度目标任务。", None),
    ("开展“三个一百”行动。", "quoted or a name"),
    ("编制《张家港市国土空间总体规划(2021~2035)》。", None),
    ("规划期为2021-2035年。", "range"),
    ("苏公网安备 32058202010198号", None),
    ("备案编号320582020101件。", "identifier"),
    ("开展一次培训,形成一批成果。", "article (一)"),
    ("推进二期工程,开展二次审查。", "ordinal"),
])
def test_non_metrics_are_never_figures(text, reason):
    assert figures(text) == []
    reasons = {why for _, why in candidates(text)}
    if reason:
        assert reason in reasons


def test_figures_next_to_non_figures():
    text = "2023年,12345热线受理诉求3000件,办结2980件。"
    assert [f[0] for f in figures(text)] == ["3000件", "2980件"]


def test_stable_ids_count_repeated_spans():
    found = extract_text("培训3次,督查3次。", "2-1")
    assert [m.id for m in found] == ["2-1:3次", "2-1:3次:2"]


def test_labels_name_what_is_counted():
    text = "全年共组织106名拟提拔任用的领导干部参加考试,共办理免罚轻罚案件2711件,涉及金额5181万余元。"
    labels = {m.text: m.label for m in extract_text(text, "x")}
    assert labels == {"106名": "拟提拔任用的领导干部", "2711件": "免罚轻罚案件", "5181万余元": "涉及金额"}


def test_label_falls_back_to_the_verb():
    labels = {m.text: m.label for m in extract_text("清理文件108件,继续施行71件、废止37件。", "x")}
    assert labels["71件"] == "继续施行" and labels["37件"] == "废止"


def _report(text):
    return Report(id="t", title="t", sections=[Section(id="1", number="一、", title="t", text=text)])


def test_refresh_keeps_edited_labels_hidden_figures_and_editor_additions():
    report = _report("办理案件300件,培训干部40人。")
    refresh(report)
    metrics = report.sections[0].metrics
    metrics[0]["label"] = "案件总数"
    metrics[1]["hidden"] = True
    metrics.append({"id": "1:editor", "value": 1, "unit": "项", "label": "试点", "text": "培训干部",
                    "start": 0, "end": 0, "source": "editor"})
    report.sections[0].text = "今年办理案件300件,培训干部40人,新建站点5个。"
    refresh(report)
    by_id = {m["id"]: m for m in report.sections[0].metrics}
    assert by_id["1:300件"]["label"] == "案件总数"
    assert by_id["1:40人"]["hidden"] is True
    assert by_id["1:5个"]["source"] == "extracted"
    editor = by_id["1:editor"]
    assert report.sections[0].text[editor["start"]:editor["end"]] == "培训干部"
    for m in report.sections[0].metrics:
        assert report.sections[0].text[m["start"]:m["end"]] == m["text"]


def test_refresh_drops_figures_whose_text_is_gone():
    report = _report("办理案件300件。")
    refresh(report)
    report.sections[0].text = "办理案件若干。"
    summary = refresh(report)
    assert report.sections[0].metrics == [] and summary.removed == 1


def test_merge_orders_by_position():
    a = Metric("s:2件", 2, "件", "", "2件", 5, 7)
    b = Metric("s:1件", 1, "件", "", "1件", 0, 2)
    assert [m.id for m in merge([], [a, b], "1件xxx2件")] == ["s:1件", "s:2件"]


@pytest.mark.parametrize("text,labels", [
    ("纠错率为8.3%。", {"8.3%": "纠错率"}),
    ("审批时限压缩70%以上。", {"70%以上": "审批时限压缩"}),
    ("培训执法人员3轮次、4000余人。", {"3轮次": "执法人员", "4000余人": "执法人员"}),
    ("办理案件326件,同比下降12.5%。", {"326件": "案件", "12.5%": "同比下降"}),
])
def test_label_rules_on_other_wordings(text, labels):
    assert {m.text: m.label for m in extract_text(text, "x")} == labels


def test_a_figure_whose_clause_names_nothing_takes_the_section_title():
    [m] = extract_text("三年来,坚持不懈。", "x", title="信访积案化解")
    assert (m.text, m.label) == ("三年", "信访积案化解")
