"""Reports without numbered headings are parsed, never refused."""

from __future__ import annotations

from measure import HERE

from lawreport.content import store

TEXTS = HERE / "texts"


def test_unnumbered_heading_lines_become_parts(run_cli, tmp_path):
    source = TEXTS / "unnumbered-bureau-2023.txt"
    code, _, err = run_cli("parse", source, "-o", tmp_path / "r.yaml")
    assert code == 0, err
    report = store.load(tmp_path / "r.yaml", "x")
    assert [(s.id, s.number, s.title, s.category) for s in report.sections] == [
        ("1", "", "主要举措和成效", "measures"), ("2", "", "存在的问题", "shortcomings"),
        ("3", "", "下一步工作安排", "plan")]
    assert report.sections[0].text.count("\n") == 2  # three body paragraphs
    assert report.issuer == "某市生态环境局" and report.date == "2024-01-30"
    assert f"{source}:3: warning: no numbered headings: the structure was inferred" in err


def test_structureless_text_is_one_section(run_cli, tmp_path):
    source = TEXTS / "structureless-2023.txt"
    code, _, err = run_cli("parse", source, "-o", tmp_path / "r.yaml")
    assert code == 0, err
    report = store.load(tmp_path / "r.yaml", "x")
    assert len(report.sections) == 1 and not report.sections[0].children
    whole = source.read_text(encoding="utf-8").strip().split("\n")
    assert report.sections[0].text.split("\n") == whole and report.preamble == ""
    assert f"{source}:1: warning: no numbered or unnumbered headings found: the whole text is kept" in err


def test_one_paragraph_is_one_section(run_cli, tmp_path):
    path = tmp_path / "source.txt"
    path.write_text("我市深入推进依法行政，法治政府建设取得新成效。各部门认真履职，群众满意度不断提升。\n",
                    encoding="utf-8")
    code, out, err = run_cli("parse", path)
    assert code == 0 and "warning: no numbered or unnumbered headings found" in err
    assert "我市深入推进依法行政" in out


def test_text_outside_the_genre_is_still_refused(run_cli, tmp_path):
    path = tmp_path / "source.txt"
    path.write_text("今天天气晴朗。\n市民纷纷走出家门，到公园散步赏花。\n", encoding="utf-8")
    code, _, err = run_cli("parse", path)
    assert code == 1 and "does not look like a report" in err
