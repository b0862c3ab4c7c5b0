"""parse.accounting: a parse that would lose (or invent) text fails, naming the source line."""

from __future__ import annotations

import pytest

from lawreport.core.errors import LawreportError
from lawreport.core.model import Report, Section, StrippedLine
from lawreport.parse import parse_text
from lawreport.parse.accounting import check_accounting

SOURCE = "市政府:\n2023年,我市推进依法行政。\n一、主要举措\n(一)加强领导。全年开会3次。\n苏公网安备 123号"


def _report(**changes) -> Report:
    part = Section("1", "一、", "主要举措", children=[
        Section("1-1", "(一)", "加强领导", text="全年开会3次。", title_end="。")])
    fields = dict(id="x", title="", front=["市政府:"], preamble="2023年,我市推进依法行政。",
                  sections=[part], stripped=[StrippedLine(5, "苏公网安备 123号", "footer")])
    fields.update(changes)
    return Report(**fields)


def test_complete_report_passes():
    check_accounting(SOURCE, _report(), "s.txt")


def test_whitespace_is_ignored():
    check_accounting(SOURCE.replace("\n一、", "\n  一、 ").replace("3次", "3 次"), _report(), "s.txt")


def test_lost_body_text_names_its_line():
    report = _report()
    report.sections[0].children[0].text = ""
    with pytest.raises(LawreportError) as err:
        check_accounting(SOURCE, report, "s.txt")
    assert str(err.value).startswith("s.txt:4: error: ") and "全年开会3次" in str(err.value)


def test_lost_stripped_line_is_caught():
    with pytest.raises(LawreportError) as err:
        check_accounting(SOURCE, _report(stripped=[]), "s.txt")
    assert err.value.line == 5


def test_invented_text_is_caught():
    report = _report(preamble="2023年,我市推进依法行政。另有一句。")
    with pytest.raises(LawreportError, match="missing|not in the source"):
        check_accounting(SOURCE, report, "s.txt")


def test_stripped_text_must_be_on_its_line():
    bad = [StrippedLine(2, "苏公网安备 123号", "footer")]
    with pytest.raises(LawreportError, match="not on this line") as err:
        check_accounting(SOURCE, _report(stripped=bad), "s.txt")
    assert err.value.line == 2


def test_inline_fragment_is_taken_out_of_its_line_in_place():
    source = SOURCE.replace("全年开会3次", "全年开会(来源:某某市人民政府网站)3次")
    report = _report(stripped=[StrippedLine(4, "(来源:某某市人民政府网站)", "watermark"),
                               StrippedLine(5, "苏公网安备 123号", "footer")])
    check_accounting(source, report, "s.txt")


def test_parse_text_runs_the_check(monkeypatch):
    """A parser stage that drops text makes parse_text fail instead of writing a short report."""
    from lawreport.parse import pipeline

    real = pipeline.TreeBuilder.finish

    def lossy(self):
        preamble, sections = real(self)
        sections[0].children[0].text = ""
        return preamble, sections

    monkeypatch.setattr(pipeline.TreeBuilder, "finish", lossy)
    with pytest.raises(LawreportError) as err:
        parse_text(SOURCE.encode("utf-8"), "s.txt", "x")
    assert err.value.line == 4
