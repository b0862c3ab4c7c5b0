"""Values in report.yaml that are not what they claim (issue 12, defect 11).

On the code before the fix ``date: 2024-13-45`` ended in an internal error (YAML's timestamp
constructor raised ValueError), ``date: 2024-02-30`` and figure values ``.nan`` / ``.inf`` passed, and
a key that is a list ended in an internal error.  Now each is one ``report.yaml:LINE:COL: error:``
line, exit 1, through the real build; a date in the *source text* that names no real day is a parse
warning at its line, and the report's date is left empty.
"""

from __future__ import annotations

import pytest

from badinput.buildcase import at, error_line, make_project, run_build

DATE_LINE = "date: '2024-02-28'\n"


@pytest.mark.parametrize("written, shown", [
    ("2024-13-45", "'2024-13-45'"),          # YAML reads this as a timestamp and fails to build it
    ("'2024-13-45'", "'2024-13-45'"),
    ("2024-02-30", "'2024-02-30'"),
    ("2023-02-29", "'2023-02-29'"),          # not a leap year
    ("'2024-2-8'", "'2024-2-8'"),
    ("二〇二四年二月", "'二〇二四年二月'"),
])
def test_date_that_is_no_day(tmp_path, written, shown):
    project = make_project(tmp_path)
    text = project.yaml_text()
    assert text.count(DATE_LINE) == 1
    text = text.replace(DATE_LINE, f"date: {written}\n")
    project.set_yaml(text)
    line, column = at(text, f"date: {written}\n")
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == (f"{project.yaml}:{line}:{column + 6}: error: date: must be a date "
                               f"written YYYY-MM-DD (a day that exists), not {shown}")


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "1.0e+400"])
def test_figure_value_not_finite(tmp_path, value):
    project = make_project(tmp_path)
    text = project.yaml_text()
    first = "      value: 8\n"
    assert first in text
    text = text.replace(first, f"      value: {value}\n", 1)
    project.set_yaml(text)
    line, column = at(text, f"      value: {value}\n")
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == (f"{project.yaml}:{line}:{column + 13}: error: "
                               f"sections[0].children[0].metrics[0].value: must be a finite number, "
                               f"not {value}")


def test_key_that_is_a_list(tmp_path):
    project = make_project(tmp_path)
    text = project.yaml_text().replace("addressee:", "? [a, b]\n: 1\naddressee:", 1)
    project.set_yaml(text)
    line, column = at(text, "? [a, b]")
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == f"{project.yaml}:{line}:{column + 2}: error: a key must be a plain name"


def test_timestamp_looking_title_is_text(tmp_path):
    """A title that YAML would read as a (broken) timestamp is just the editor's text."""
    project = make_project(tmp_path)
    text = project.yaml_text()
    title_line = next(line for line in text.splitlines() if line.startswith("title: "))
    project.set_yaml(text.replace(title_line + "\n", "title: 2024-13-45\n", 1))
    code, out, err = run_build(project)
    assert code == 0, err
    overview = (project.site / "zjg-2023" / "index.html").read_text(encoding="utf-8")
    assert "2024-13-45" in overview


SOURCE = ("张家港市人民政府关于2023年度法治政府建设情况的报告\n苏州市人民政府:\n一、主要举措\n"
          "依法行政工作扎实推进。\n二、存在的不足\n法治意识有待提高。\n张家港市人民政府\n{date}\n")


@pytest.mark.parametrize("date", ["2024年2月30日", "2024年13月45日", "二〇二三年二月二十九日"])
def test_source_date_that_is_no_day_is_a_warning(tmp_path, run_cli, date):
    source = tmp_path / "source.txt"
    source.write_text(SOURCE.format(date=date), encoding="utf-8")
    code, out, err = run_cli("parse", source, "-o", tmp_path / "report.yaml")
    assert code == 0, err
    line = SOURCE.format(date=date).splitlines().index(date) + 1
    assert f"{source}:{line}: warning: {date!r} is not a real date (no such day): not taken as the date" \
        in err.splitlines()
    text = (tmp_path / "report.yaml").read_text(encoding="utf-8")
    assert "\ndate: ''\n" in text and "\nissuer: 张家港市人民政府\n" in text
    assert f"- {date}\n" in text  # the line is kept in the signature, as written


def test_source_date_that_exists_is_taken(tmp_path, run_cli):
    source = tmp_path / "source.txt"
    source.write_text(SOURCE.format(date="2024年2月29日"), encoding="utf-8")
    code, out, err = run_cli("parse", source, "-o", tmp_path / "report.yaml")
    assert code == 0 and "not a real date" not in err
    assert "\ndate: '2024-02-29'\n" in (tmp_path / "report.yaml").read_text(encoding="utf-8")


def test_character_yaml_refuses_is_one_line(tmp_path):
    """A control character typed into the file (U+007F): PyYAML's message was two lines, no position."""
    project = make_project(tmp_path)
    text = project.yaml_text()
    title_line = next(line for line in text.splitlines() if line.startswith("title: "))
    text = text.replace(title_line, "title: 张家港\x7f报告", 1)
    project.set_yaml(text)
    line, column = at(text, "\x7f")
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == (f"{project.yaml}:{line}:{column}: error: invalid YAML: control character "
                               "U+007F is not allowed (delete it, or write it as \\u007F inside double quotes)")
