"""Every value that becomes a path is validated (issue 12, defects 2, 7 and 9).

On the code before the fix: ``removed[].id: ../../x`` wrote index.html two folders above site/;
``''`` replaced the report's overview with a tombstone (exit 0); ``metrics`` or a repeated removed id
ended in an internal error; ``re.match(...$)`` let ``"1-9\\n"`` and a folder ``zz\\n`` through; a
300-character id failed at the file system.  Each case is one line ``FILE:LINE:COL: error: …``,
exit 1, nothing written outside the site folder, content/ unchanged (checked by ``run_build``).
"""

from __future__ import annotations

import pytest

from badinput.buildcase import SEED, at, error_line, make_project, run_build

LONG = "9" * 300


def _append_removed(text: str, *ids: str) -> str:
    return text + "removed:\n" + "".join(
        f"- id: {i}\n  number: 九、\n  title: 已删除的一节\n  nearest: '1'\n" for i in ids)


# (case, ids written under removed:, the id whose node the error points at (occurrence), message)
REMOVED_CASES = [
    ("parent path", ["'../../x'"], ("'../../x'", 1),
     "removed[0].id: '../../x' is not a valid id: a section id is letters, digits, '-' and '_', "
     "starting with a letter or digit (no spaces, '/', '.' or line breaks)"),
    ("empty", ["''"], ("''", 1), "removed[0].id: an empty section id is not allowed"),
    ("site page", ["metrics"], ("metrics", 1),
     "removed[0].id: 'metrics' is reserved: <report>/metrics/ is one of the site's own pages"),
    ("full text", ["full-text"], ("full-text", 1),
     "removed[0].id: 'full-text' is reserved: <report>/full-text/ is one of the site's own pages"),
    ("newline", ['"1-9\\n"'], ('"1-9\\n"', 1),
     "removed[0].id: '1-9\\n' is not a valid id: a section id is letters, digits, '-' and '_', "
     "starting with a letter or digit (no spaces, '/', '.' or line breaks)"),
    ("300 characters", [LONG], (LONG, 1),
     f"removed[0].id: '{'9' * 24}'… is 300 characters long; a section id is at most 64"),
]


@pytest.mark.parametrize("case, ids, where, message", REMOVED_CASES, ids=[c[0] for c in REMOVED_CASES])
def test_bad_removed_id(tmp_path, case, ids, where, message):
    project = make_project(tmp_path)
    text = _append_removed(project.yaml_text(), *ids)
    project.set_yaml(text)
    line, column = at(text, where[0], where[1] + text.count(where[0], 0, text.index("removed:")))
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == f"{project.yaml}:{line}:{column}: error: {message}"
    assert not (project.root / "x").exists() and not (tmp_path / "x").exists()
    assert not project.site.exists()  # a first build that fails leaves no site at all


def test_removed_id_repeated_or_live(tmp_path):
    """A removed id given twice, or equal to a live section's: the tombstone would replace a page."""
    project = make_project(tmp_path)
    base = project.yaml_text()
    for ids, message in ((["'8-1'", "'8-1'"], "removed[1].id: duplicate id '8-1' (first used on line {first})"),
                         (["2-1"], "removed[0].id: duplicate id '2-1' (first used on line {first})")):
        text = _append_removed(base, *ids)
        project.set_yaml(text)
        removed_at = text.index("removed:")
        value = ids[-1]
        line, column = at(text, f"- id: {value}", text.count(f"- id: {value}", 0, removed_at) + len(ids))
        first = at(text, f"id: {value}")[0]
        code, _, err = run_build(project)
        assert code == 1
        assert error_line(err) == f"{project.yaml}:{line}:{column + 6}: error: {message.format(first=first)}"


SECTION_CASES = [
    # (case, replace "id: 2-1" by, message after "sections[1].children[0].id: ")
    ("newline", 'id: "2-1\\n"', "'2-1\\n' is not a valid id: a section id is letters, digits, '-' and '_', "
                                "starting with a letter or digit (no spaces, '/', '.' or line breaks)"),
    ("site page", "id: keywords", "'keywords' is reserved: <report>/keywords/ is one of the site's own pages"),
    ("site page, other case", "id: Metrics",
     "'Metrics' is reserved: <report>/metrics/ is one of the site's own pages"),
    ("300 characters", f"id: {LONG}", f"'{'9' * 24}'… is 300 characters long; a section id is at most 64"),
    ("repeated", "id: 1-1", "duplicate id '1-1' (first used on line {first})"),
]


@pytest.mark.parametrize("case, new, message", SECTION_CASES, ids=[c[0] for c in SECTION_CASES])
def test_bad_section_id(tmp_path, case, new, message):
    project = make_project(tmp_path)
    text = project.yaml_text()
    assert text.count("  - id: 2-1\n") == 1
    text = text.replace("  - id: 2-1\n", f"  - {new}\n")
    project.set_yaml(text)
    line, column = at(text, f"  - {new}\n", 2 if case == "repeated" else 1)
    first = at(text, "id: 1-1")[0]
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == (f"{project.yaml}:{line}:{column + 8}: error: sections[1].children[0].id: "
                               + message.format(first=first))


def test_ids_differing_only_in_case(tmp_path):
    """1-A and 1-a are one folder on a case-insensitive disk (macOS, Windows): one would be lost."""
    project = make_project(tmp_path)
    text = project.yaml_text().replace("  - id: 1-2\n", "  - id: 1-A\n").replace("  - id: 1-3\n", "  - id: 1-a\n")
    project.set_yaml(text)
    line, column = at(text, "id: 1-a")
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == (f"{project.yaml}:{line}:{column + 4}: error: sections[0].children[2].id: "
                               f"duplicate id '1-a' (first used on line {at(text, 'id: 1-A')[0]} as '1-A': "
                               "ids must differ by more than case)")


@pytest.mark.parametrize("value, message", [
    ('"zhangjiagang\\n"', "'zhangjiagang\\n' is not a valid id: an issuer id is lower-case letters and "
                          "digits joined by single '-', starting with a letter or digit (no spaces, '/', "
                          "'.' or line breaks)"),
    ("../etc", "'../etc' is not a valid id: an issuer id is lower-case letters and digits joined by "
               "single '-', starting with a letter or digit (no spaces, '/', '.' or line breaks)"),
])
def test_bad_issuer_id(tmp_path, value, message):
    """issuer_id names the folder issuers/<id>/ of the pages across reports."""
    project = make_project(tmp_path)
    text = project.yaml_text().replace("addressee:", f"issuer_id: {value}\naddressee:", 1)
    project.set_yaml(text)
    line, column = at(text, value)
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == f"{project.yaml}:{line}:{column}: error: issuer_id: {message}"


FOLDER_CASES = [
    ("zz\n", "'zz\\n' is not a valid id: a report id is lower-case letters, digits, '-' and '_', "
             "starting with a letter or digit (no spaces, '/', '.' or line breaks)"),
    ("search", "'search' is reserved: search/ is one of the site's own pages"),
    ("zh-hant", "'zh-hant' is reserved: zh-hant/ is one of the site's own pages"),
    ("issuers", "'issuers' is reserved: issuers/ is one of the site's own pages"),
    ("a" * 100, f"'{'a' * 24}'… is 100 characters long; a report id is at most 64"),
    ("Zjg-2023", "'Zjg-2023' is not a valid id: a report id is lower-case letters, digits, '-' and '_', "
                 "starting with a letter or digit (no spaces, '/', '.' or line breaks)"),
]


@pytest.mark.parametrize("name, message", FOLDER_CASES, ids=["newline", "search", "zh-hant", "issuers",
                                                              "100 characters", "capital"])
def test_bad_report_folder(tmp_path, name, message):
    project = make_project(tmp_path)
    folder = project.content / "reports" / name
    (project.content / "reports" / SEED).rename(folder)
    code, _, err = run_build(project)
    assert code == 1
    shown = str(folder).replace("\n", "\\n")  # the path's newline is shown escaped: one line
    assert error_line(err) == f"{shown}: error: {message}"
    assert not project.site.exists()


@pytest.mark.parametrize("name, message", [
    ("Über", "'Über' is not a valid id: a page name is lower-case letters, digits, '-' and '_', "
             "starting with a letter or digit (no spaces, '/', '.' or line breaks)"),
    ("about\n", "'about\\n' is not a valid id: a page name is lower-case letters, digits, '-' and '_', "
                "starting with a letter or digit (no spaces, '/', '.' or line breaks)"),
])
def test_bad_page_name(tmp_path, name, message):
    project = make_project(tmp_path)
    page = project.content / "pages" / f"{name}.md"
    (project.content / "pages" / "about.md").rename(page)
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == f"{str(page).replace(chr(10), chr(92) + 'n')}: error: {message}"


def test_reserved_names_are_the_sites_own_folders():
    """The validator's lists are the site's: every analysis page, the full text, every top folder."""
    from lawreport.core import pathnames
    from lawreport.site import analysis as analysis_site
    from lawreport.site import across
    from lawreport.core import urls

    assert set(pathnames.ANALYSIS_PAGES) == set(analysis_site.PAGES)
    assert set(pathnames.REPORT_PAGES) == {urls.FULL_TEXT, *analysis_site.PAGES}
    assert set(across.TOP_FOLDERS) <= set(urls.RESERVED_TOP)
    for name in urls.RESERVED_TOP:
        assert "reserved" in pathnames.problem("report id", name)
    for name in pathnames.REPORT_PAGES:
        assert "reserved" in pathnames.problem("section id", name)


@pytest.mark.parametrize("kind, good, bad", [
    ("report id", ["zjg-2023", "a", "9_x", "a" * 64], ["", "a" * 65, "-a", "a b", "a/b", "..", "a\n", "A", "con"]),
    ("section id", ["2-5-3", "2-5-3b", "X1", "1" * 64], ["", "1" * 65, "_1", "1.2", "1\n", "1\t", "nul", "places"]),
    ("page name", ["about", "method-2"], ["", "About", "a.b", "a\n", "pages/x"]),
])
def test_validator_table(kind, good, bad):
    from lawreport.core import pathnames

    assert [v for v in good if not pathnames.is_valid(kind, v)] == []
    assert [v for v in bad if pathnames.is_valid(kind, v)] == []
