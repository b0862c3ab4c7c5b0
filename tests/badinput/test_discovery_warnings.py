"""What the build passes over is said, one warning line per path (issue 12, defect 11).

On the code before the fix a folder starting with '.', a folder with neither source.txt nor
report.yaml, a note named ``*.MD`` or ``*.txt``, a page not ending in ``.md`` and two reports with the
same issuer and year all passed without a word.  The build still succeeds (exit 0): they are warnings.
"""

from __future__ import annotations

import shutil

from badinput.buildcase import SEED, make_project, run_build


def test_skipped_folders_and_files_are_warned(tmp_path):
    project = make_project(tmp_path)
    reports = project.content / "reports"
    seed = reports / SEED
    hidden = reports / ".old-copy"
    shutil.copytree(seed, hidden)
    empty = reports / "draft-2024"
    empty.mkdir()
    (empty / "source.doc").write_bytes(b"not a text")
    stray = reports / "readme.txt"
    stray.write_text("说明\n", encoding="utf-8")
    notes = seed / "notes"
    notes.mkdir()
    upper = notes / "2-1.MD"
    upper.write_text("大写扩展名的编者按\n", encoding="utf-8")
    text = notes / "2-2.txt"
    text.write_text("文本文件\n", encoding="utf-8")
    swap = notes / ".2-3.md"
    swap.write_text("编辑器的临时文件\n", encoding="utf-8")
    page = project.content / "pages" / "draft.txt"
    page.write_text("# 草稿\n", encoding="utf-8")
    folder_page = project.content / "pages" / "images"
    folder_page.mkdir()

    code, out, err = run_build(project)
    assert code == 0, err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert sorted(warnings) == sorted([
        f"{hidden}: warning: skipped: a name starting with '.' is hidden, not a report",
        f"{empty}: warning: skipped: no source.txt or report.yaml in it",
        f"{stray}: warning: skipped: only folders (one per report) belong in reports/",
        f"{upper}: warning: skipped: a note is named <section-id>.md (lower-case .md)",
        f"{text}: warning: skipped: a note is named <section-id>.md (lower-case .md)",
        f"{swap}: warning: skipped: a note is named <section-id>.md (lower-case .md)",
        f"{page}: warning: skipped: an editorial page is named <name>.md",
        f"{folder_page}: warning: skipped: an editorial page is named <name>.md",
    ])
    assert out.startswith("built 1 report(s)")  # the hidden copy is not built
    assert not (project.site / ".old-copy").exists() and not (project.site / "draft-2024").exists()
    section = (project.site / SEED / "2-1" / "index.html").read_text(encoding="utf-8")
    assert "大写扩展名的编者按" not in section and "editor-note" not in section


def test_same_issuer_and_year_is_warned(tmp_path):
    project = make_project(tmp_path)
    copy = project.content / "reports" / "zjg-2023-copy"
    shutil.copytree(project.content / "reports" / SEED, copy)
    code, out, err = run_build(project)
    assert code == 0, err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert warnings == [f"{copy / 'report.yaml'}: warning: 張家港市人民政府 2023 again: report {SEED!r} "
                        "has the same issuer and year (the same report twice?)"]
    assert out.startswith("built 2 report(s)")  # a warning, not an error: both are built


def test_clean_content_gives_no_warning(tmp_path):
    project = make_project(tmp_path)
    code, out, err = run_build(project)
    assert code == 0 and "warning" not in err, err
