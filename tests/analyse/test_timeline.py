from lawreport.analyse.timeline import events
from lawreport.core.model import Report, Section


def _events(*texts, year=2023):
    report = Report(id="t", title="t", year=year, sections=[
        Section(id=str(i + 1), number="一、", title="t", text=t) for i, t in enumerate(texts)])
    return events(report)


def test_calendar_order_with_parts_of_the_month():
    found = _events("12月底完成验收。5月中旬印发方案。", "5月,召开会议。6月初出台要点。5月下旬开展督查。",
                    "年内审核文件8份。6月上旬举办培训。")
    assert [e.when for e in found] == ["5月", "5月中旬", "5月下旬", "6月初", "6月上旬", "12月底", "年内"]


def test_what_is_the_rest_of_the_sentence_and_spans_point_into_the_text():
    found = _events("为推进工作,5月中旬,公布《计划》,明确任务。其他。")
    [e] = found
    assert e.what == "公布《计划》,明确任务"
    assert "为推进工作,5月中旬,公布《计划》,明确任务。其他。"[e.start:e.end] == "5月中旬"


def test_two_months_make_two_events():
    found = _events("3月和10月,举办两期培训班。")
    assert [(e.month, e.second) for e in found] == [(3, False), (10, True)]


def test_dates_in_titles_and_counts_of_the_year_are_not_events():
    assert _events("出台《2023年5月工作要点》。全年共组织培训106人。") == []


def test_traditional_and_chinese_months():
    found = _events("十一月，市政府召開會議。")
    assert [(e.month, e.when) for e in found] == [(11, "十一月")]


def test_explicit_year_sorts_before_the_report_year():
    found = _events("2024年2月召开会议。", "2023年12月部署工作。")
    assert [e.year for e in found] == [2023, 2024]
