"""Incremental builds: nothing changed -> nothing done; one section edited -> exactly its pages
change; incremental == clean; bad input or an interrupted build leaves content/ and site/ whole."""

import errno
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawreport.build import run as build_mod
from lawreport.build.run import build
from lawreport.core.errors import LawreportError

ROOT = Path(__file__).resolve().parents[1]


def snapshot(site: Path) -> dict[str, tuple[int, str]]:
    """rel path -> (inode, sha256) of every file."""
    return {str(p.relative_to(site)): (p.stat().st_ino, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(site.rglob("*")) if p.is_file()}


def tree_hash(folder: Path) -> dict[str, str]:
    return {k: v[1] for k, v in snapshot(folder).items()}


@pytest.fixture()
def project(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


def run_build(project: Path, *args: str) -> subprocess.CompletedProcess:
    code = ("import sys; from lawreport.cli import main; rc = main(['build', *sys.argv[1:]]); "
            "print('JIEBA_LOADED' if 'jieba' in sys.modules else 'JIEBA_NOT_LOADED'); sys.exit(rc)")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=project, capture_output=True,
                          text=True, timeout=300)


def test_no_change_rebuild_loads_no_jieba_and_rewrites_nothing(project):
    first = run_build(project)
    assert first.returncode == 0, first.stderr
    assert "JIEBA_LOADED" in first.stdout  # the first build does segment
    before = snapshot(project / "site")
    second = run_build(project)
    assert second.returncode == 0, second.stderr
    assert "nothing changed" in second.stdout
    assert "JIEBA_NOT_LOADED" in second.stdout
    assert snapshot(project / "site") == before  # same inodes: no file rewritten


def test_one_section_edit_changes_exactly_the_pages_that_show_it(project):
    site = project / "site"
    build(project / "content", site, project / "templates", log=lambda m: None)
    before = snapshot(site)
    yaml_path = project / "content" / "reports" / "zjg-2023" / "report.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    edited = text.replace("嚴把合法性審核關。", "嚴把合法性審核關,做到應審盡審。")
    assert edited != text
    yaml_path.write_text(edited, encoding="utf-8")
    build(project / "content", site, project / "templates", log=lambda m: None)
    after = snapshot(site)
    assert set(after) == set(before)
    changed = {p for p in after if after[p][1] != before[p][1]}
    rewritten = {p for p in after if after[p][0] != before[p][0]}
    assert rewritten == changed  # an unchanged file is never rewritten
    # the edit is past 2-2-3's opening sentence: its parents' pages (2-2, 2), which show only
    # that sentence, stay as they were
    shows_it = {f"{prefix}zjg-2023/{page}/index.html" for prefix in ("", "zh-hant/")
                for page in ("2-2-3", "full-text")}
    assert shows_it <= changed
    assert "search-index.js" in changed
    section_pages = {p for p in changed if p.count("/") >= 2 and p.split("/")[-2][0].isdigit()}
    assert section_pages == {p for p in shows_it if "full-text" not in p}
    allowed_others = {"zjg-2023/report.yaml", "zjg-2023/report.json", "zjg-2023/metrics.csv",
                      "data/corpus.sqlite"}  # the collection's database holds every section's text
    analysis_pages = {p for p in changed if p.count("/") >= 2 and p.split("/")[-2] in
                      ("keywords", "metrics", "timeline", "documents", "places", "coverage")}
    assert changed - shows_it - section_pages - analysis_pages - {"search-index.js"} <= allowed_others


def test_incremental_build_equals_clean_build(project):
    site = project / "site"
    build(project / "content", site, project / "templates", log=lambda m: None)
    yaml_path = project / "content" / "reports" / "zjg-2023" / "report.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("加強統籌部署", "強化統籌部署"),
                         encoding="utf-8")
    (project / "content" / "reports" / "zjg-2023" / "notes").mkdir(exist_ok=True)
    (project / "content" / "reports" / "zjg-2023" / "notes" / "2-1-1.md").write_text("编者按：**测试**。",
                                                                                   encoding="utf-8")
    build(project / "content", site, project / "templates", log=lambda m: None)
    build(project / "content", project / "clean", project / "templates", log=lambda m: None, clean=True)
    assert tree_hash(site) == tree_hash(project / "clean")
    assert "強化統籌部署" in (site / "zh-hant" / "zjg-2023" / "2-1-1" / "index.html").read_text(encoding="utf-8")


def _unchanged_after(project: Path, action) -> None:
    site = project / "site"
    build(project / "content", site, project / "templates", log=lambda m: None)
    content_before = tree_hash(project / "content")
    site_before = tree_hash(site)
    action()
    assert tree_hash(site) == site_before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site.")] == []  # no temp left
    return content_before


def test_interrupted_build_leaves_previous_site_whole(project, monkeypatch):
    yaml_path = project / "content" / "reports" / "zjg-2023" / "report.yaml"

    def interrupted():
        yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("加強統籌部署", "改"),
                             encoding="utf-8")
        original = build_mod.write_search_index

        def ctrl_c(*args, **kwargs):
            raise KeyboardInterrupt
        monkeypatch.setattr(build_mod, "write_search_index", ctrl_c)
        with pytest.raises(KeyboardInterrupt):
            build(project / "content", project / "site", project / "templates", log=lambda m: None)
        monkeypatch.setattr(build_mod, "write_search_index", original)

    _unchanged_after(project, interrupted)


def test_disk_full_leaves_previous_site_whole(project, monkeypatch):
    yaml_path = project / "content" / "reports" / "zjg-2023" / "report.yaml"

    def disk_full():
        yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("加強統籌部署", "改"),
                             encoding="utf-8")
        calls = {"n": 0}
        real = Path.write_bytes

        def write_bytes(self, data):
            calls["n"] += 1
            if calls["n"] > 20:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(self, data)
        monkeypatch.setattr(Path, "write_bytes", write_bytes)
        with pytest.raises(LawreportError, match="disk full"):
            build(project / "content", project / "site", project / "templates", log=lambda m: None,
                  clean=True)
        monkeypatch.setattr(Path, "write_bytes", real)

    _unchanged_after(project, disk_full)


@pytest.mark.parametrize("breakage, message", [
    (lambda y: y.write_text("sections: [\n", encoding="utf-8"), "invalid YAML"),
    (lambda y: y.write_text(y.read_text(encoding="utf-8").replace("id: 2-2-1\n", "id: 2-2-2\n"),
                            encoding="utf-8"), "duplicate id '2-2-2'"),
    (lambda y: (y.parent / "notes").mkdir() or (y.parent / "notes" / "9-9.md").write_text("x"), "9-9"),
])
def test_content_errors_change_nothing(project, breakage, message):
    yaml_path = project / "content" / "reports" / "zjg-2023" / "report.yaml"
    site = project / "site"
    build(project / "content", site, project / "templates", log=lambda m: None)
    site_before = tree_hash(site)
    breakage(yaml_path)
    content_before = tree_hash(project / "content")
    result = subprocess.run([sys.executable, "-m", "lawreport.cli", "build"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert tree_hash(site) == site_before
    assert tree_hash(project / "content") == content_before


@pytest.mark.parametrize("name", ["bad id", "a..b", "UPPER"])
def test_bad_report_ids_are_refused(project, name):
    folder = project / "content" / "reports" / name
    folder.mkdir()
    shutil.copy(project / "content" / "reports" / "zjg-2023" / "source.txt", folder / "source.txt")
    result = subprocess.run([sys.executable, "-m", "lawreport.cli", "build"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "is not a valid id" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_parallel_build_equals_serial_on_a_20_report_corpus(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import corpus
    finally:
        sys.path.pop(0)
    corpus.generate(20, tmp_path / "content", ROOT / "content" / "reports" / "zjg-2023" / "source.txt")
    build(tmp_path / "content", tmp_path / "one", ROOT / "templates", log=lambda m: None, jobs=1)
    build(tmp_path / "content", tmp_path / "two", ROOT / "templates", log=lambda m: None, jobs=2,
          clean=True)
    one, two = tree_hash(tmp_path / "one"), tree_hash(tmp_path / "two")
    assert len([p for p in one if p.endswith("report.yaml")]) == 20
    assert one == two


def test_an_edit_made_during_a_build_is_seen_by_the_next_build(project, monkeypatch):
    site = project / "site"
    build(project / "content", site, project / "templates", log=lambda m: None)
    yaml_path = project / "content" / "reports" / "zjg-2023" / "report.yaml"
    original = build_mod.write_search_index

    def edit_meanwhile(*args, **kwargs):
        yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("加強統籌部署", "同時修改"),
                             encoding="utf-8")
        return original(*args, **kwargs)
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.setattr(build_mod, "write_search_index", edit_meanwhile)
    build(project / "content", site, project / "templates", log=lambda m: None)
    monkeypatch.setattr(build_mod, "write_search_index", original)
    summary = build(project / "content", site, project / "templates", log=lambda m: None)
    assert not summary.startswith("nothing changed")
    assert "同時修改" in (site / "zh-hant" / "zjg-2023" / "2-1-1" / "index.html").read_text(encoding="utf-8")
