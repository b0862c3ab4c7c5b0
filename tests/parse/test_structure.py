"""parse.structure (through parse_text): the section tree, run-in headings, numbering diagnostics."""

from __future__ import annotations

from lawreport.parse import parse_text

PRE = "2023年，我市推进依法行政。\n"
SIG = "常熟市人民政府\n2024年2月28日\n"


def _parse(body: str):
    result = parse_text((PRE + body + SIG).encode("utf-8"), "s.txt", "x")
    return result.report, [f"{w.line}: {w.message}" for w in result.diagnostics.warnings]


def _outline(report):
    return [(s.id, s.number, s.title, s.title_end, s.text) for s in report.walk()]


def test_run_in_heading_splits_at_the_first_full_stop():
    report, warnings = _parse("一、主要举措和成效\n（一）加强领导。开会3次。发文5件。\n")
    assert _outline(report)[1] == ("1-1", "（一）", "加强领导", "。", "开会3次。发文5件。")
    assert warnings == []


def test_heading_line_without_full_stop_is_all_heading():
    report, _ = _parse("一、主要举措和成效\n（一）加强领导，完善机制\n开会3次。\n")
    assert _outline(report)[1] == ("1-1", "（一）", "加强领导，完善机制", "", "开会3次。")


def test_heading_line_with_full_stop_and_body_below():
    report, _ = _parse("一、主要举措和成效\n（一）加强领导。\n开会3次。\n")
    assert _outline(report)[1] == ("1-1", "（一）", "加强领导", "。", "开会3次。")


def test_nesting_by_rank_and_ids_from_the_numbering():
    report, warnings = _parse("一、主要举措和成效\n（一）加强领导\n1.建立制度。制度3项。\n（1）细则。细则2项。\n"
                              "①条款。条款5条。\n②附件。附件1份。\n2.开展培训。培训2次。\n（二）规范执法\n"
                              "1.评查案卷。案卷9份。\n二、存在的问题\n（一）力量薄弱。人员不足。\n")
    assert [s.id for s in report.walk()] == ["1", "1-1", "1-1-1", "1-1-1-1", "1-1-1-1-1", "1-1-1-1-2", "1-1-2",
                                              "1-2", "1-2-1", "2", "2-1"]
    assert warnings == []


def test_items_directly_under_parts():
    report, warnings = _parse("一、主要举措和成效\n1.加强领导。开会3次。\n2.规范执法。评查案卷。\n二、存在的问题\n1.力量薄弱。人员不足。\n")
    assert [s.id for s in report.walk()] == ["1", "1-1", "1-2", "2", "2-1"]
    assert warnings == []


def test_number_alone_on_its_line_is_joined_to_the_title():
    report, _ = _parse("一、\n主要举措和成效\n（一）加强领导。开会3次。\n")
    assert _outline(report)[0][:3] == ("1", "一、", "主要举措和成效")


def test_gap_and_duplicate_are_warned_once_each():
    report, warnings = _parse("一、主要举措和成效\n（一）加强领导。开会。\n（三）规范执法。评查。\n（三）强化监督。监督。\n")
    assert [s.id for s in report.walk()] == ["1", "1-1", "1-3", "1-3b"]
    assert [w.split(": ")[0] + ": " + w.split(": ")[1] for w in warnings] == ["4: numbering", "5: numbering"]
    assert "'（三）' where number 2 was expected" in warnings[0]
    assert "duplicate '（三）'" in warnings[1]


def test_part_numbering_gap():
    report, warnings = _parse("一、主要举措和成效\n（一）加强领导。开会。\n三、存在的问题\n（一）力量薄弱。不足。\n")
    assert [s.id for s in report.sections] == ["1", "3"]
    assert warnings == ["4: numbering: found '三、' where number 2 was expected"]


def test_inline_enumeration_stays_in_the_text():
    report, warnings = _parse("一、主要举措和成效\n（一）加强领导。一是带头学法；二是带头述法；三是带头督法。\n")
    assert report.find("1-1").text == "一是带头学法；二是带头述法；三是带头督法。"
    assert report.find("1-1").children == [] and warnings == []


def test_stray_point_is_kept_and_warned():
    report, warnings = _parse("一、主要举措和成效\n（一）加强领导。开会3次。三是强化应诉。出庭率100%。\n")
    assert "三是强化应诉" in report.find("1-1").text
    assert len(warnings) == 1 and warnings[0].startswith("3: enumeration: '三是' in section 1-1")


def test_run_in_headings_in_a_copy_without_line_breaks():
    report, warnings = _parse("一、主要举措和成效（一）加强领导。开会3次。（二）规范执法。评查案卷。"
                              "1.制度。建立制度。2.培训。培训2次。二、存在的问题（一）力量薄弱。人员不足。\n")
    assert [s.id for s in report.walk()] == ["1", "1-1", "1-2", "1-2-1", "1-2-2", "2", "2-1"]
    assert report.find("1-2").text == "评查案卷。" and warnings == []


def test_numbers_inside_sentences_do_not_open_sections():
    report, _ = _parse("一、主要举措和成效\n（一）加强领导。全年办理案件1.2万件。3、4月份开展培训。"
                       "（2021—2025年）规划印发实施。一、二季度完成审查。2023年共培训3次。\n")
    assert [s.id for s in report.walk()] == ["1", "1-1"]


def test_mid_sentence_line_break_is_joined():
    report, _ = _parse("一、主要举措和成效\n（一）加强领导。全年召开专题会议研究法治政府建设工作，\n"
                       "部署重点任务31项。\n")
    assert report.find("1-1").text == "全年召开专题会议研究法治政府建设工作，部署重点任务31项。"


def test_long_heading_is_warned():
    title = "加强领导" * 14
    _, warnings = _parse(f"一、主要举措和成效\n（一）{title}。开会。\n")
    assert len(warnings) == 1 and "56 characters long" in warnings[0]


def test_a_number_repeated_many_times_gets_distinct_ids():
    report, warnings = _parse("一、主要举措和成效\n" + "（一）加强领导。开会3次。\n" * 30)
    ids = [s.id for s in report.find("1").children]
    assert len(set(ids)) == 30 and ids[:3] == ["1-1", "1-1b", "1-1c"] and ids[-1] == "1-1_30"
    assert len(warnings) == 29


def test_numbered_highlights_before_part_one_stay_in_the_preamble():
    result = parse_text(("2023年，我市取得以下成效：\n1.考核位列第一等次；\n2.纠错率下降至6.2%。\n"
                         "一、主要举措和成效\n（一）加强领导。开会3次。\n" + SIG).encode("utf-8"), "s.txt", "x")
    report = result.report
    assert [s.id for s in report.walk()] == ["1", "1-1"]
    assert report.preamble.endswith("1.考核位列第一等次；\n2.纠错率下降至6.2%。")
    assert not result.diagnostics.warnings
    assert [d.line for d in result.diagnostics if "before the first top-level heading" in d.message] == [2, 3]


def test_report_whose_top_level_is_subsections():
    report, warnings = _parse("（一）加强领导。开会3次。\n1.建立制度。制度3项。\n（二）规范执法。评查案卷。\n")
    assert [s.id for s in report.walk()] == ["1", "1-1", "2"]
    assert [s.category for s in report.sections] == ["measures", "measures"]
    assert warnings == []


def test_run_on_heading_end_is_guessed_after_a_heading_word_and_warned():
    report, warnings = _parse("一、党政主要负责人履行推进法治建设第一责任人职责情况市政府主要负责人带头尊法学法守法用法，"
                              "全年主持召开专题会议5次。二、存在的问题和原因部分部门依法行政意识不强运用法治思维和法治方式解决问题"
                              "的能力还需要进一步提升，执法不够规范。\n")
    assert [(s.id, s.title, s.title_end) for s in report.sections] == [
        ("1", "党政主要负责人履行推进法治建设第一责任人职责情况", ""), ("2", "存在的问题和原因", "")]
    assert report.find("1").text == "市政府主要负责人带头尊法学法守法用法，全年主持召开专题会议5次。"
    assert report.find("2").text.startswith("部分部门依法行政意识不强")
    assert [w.split(":")[0] for w in warnings] == ["2", "2"] and all("guessed" in w for w in warnings)


def test_guessed_heading_end_spans_joined_heading_words():
    from lawreport.parse.structure import _guess_heading_end

    for heading in ("存在的不足和下一步工作打算", "主要举措和成效", "2023年法治政府建设工作情况"):
        body = "全市各级行政机关严格依法履职" * 4
        assert _guess_heading_end(heading + body) == len(heading)
    assert _guess_heading_end("强化组织保障夯实法治建设根基" * 4) is None  # nothing to go by


def test_long_heading_line_without_full_stop_stays_all_heading():
    title = "党政主要负责人履行推进法治建设第一责任人职责情况以及加强法治政府建设的主要举措和成效的总体说明和有关情况"
    report, warnings = _parse(f"一、{title}\n（一）加强领导。开会3次。\n")
    assert report.find("1").title == title and len(warnings) == 1 and "characters long" in warnings[0]
