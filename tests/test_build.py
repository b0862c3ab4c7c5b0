"""The build as a whole: deterministic, atomic, stable permalinks, both scripts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lawreport.content import store
from lawreport.build.run import build
from lawreport.core.errors import LawreportError

REPO = Path(__file__).resolve().parents[1]
SEED = "zjg-2023"


def _content(tmp: Path) -> Path:
    target = tmp / "content"
    shutil.copytree(REPO / "content", target, ignore=shutil.ignore_patterns("notes"))
    return target


def _build(content: Path, out: Path, **kw) -> Path:
    build(content, out, templates_dir=REPO / "templates", log=lambda m: None, **kw)
    return out


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_identical_bytes(tmp_path):
    content = _content(tmp_path)
    first = _files(_build(content, tmp_path / "a", base_url="https://example.org/"))
    second = _files(_build(content, tmp_path / "b", base_url="https://example.org/"))
    assert first == second
    assert len(first) > 80


def test_permalinks_stable_after_editing_text(tmp_path):
    content = _content(tmp_path)
    before = set(_files(_build(content, tmp_path / "before")))
    path = content / "reports" / SEED / "report.yaml"
    report = store.load(path)
    section = report.find("2-5-3")
    section.text = "编者修订后的文字。\n" + section.text
    section.title = "改过的标题"
    section.number = "(3)"
    report.find("1").title = "改过的部分标题"
    store.write(report, path)
    site = _build(content, tmp_path / "after")
    assert set(_files(site)) == before
    page = (site / SEED / "2-5-3" / "index.html").read_text(encoding="utf-8")
    assert "编者修订后的文字" in page and "改过的标题" in page


def test_simplified_pages_read_as_the_original(tmp_path):
    site = _build(_content(tmp_path), tmp_path / "site")
    hans = (site / SEED / "full-text" / "index.html").read_text(encoding="utf-8")
    for word in ("关于", "干部", "后塍街道"):
        assert word in hans
    assert "關於" not in hans and "幹部" not in hans
    assert '<html lang="zh-Hans">' in hans
    hant = (site / "zh-hant" / SEED / "full-text" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant">' in hant and "張家港市人民政府關於" in hant
    assert 'hreflang="zh-Hans" href="../../../zjg-2023/full-text/index.html"' in hant


def test_every_page_in_both_scripts(tmp_path):
    site = _build(_content(tmp_path), tmp_path / "site")
    hans = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if "zh-hant" not in p.parts}
    hant = {p.relative_to(site / "zh-hant").as_posix() for p in (site / "zh-hant").rglob("*.html")}
    assert hans == hant
    for required in ("index.html", "404.html", f"{SEED}/index.html", f"{SEED}/full-text/index.html",
                     "pages/about/index.html", "search/index.html"):
        assert required in hans
    assert (site / "sitemap.xml").is_file() and (site / "robots.txt").is_file()
    assert (site / SEED / "report.json").is_file() and (site / SEED / "report.yaml").is_file()


def test_home_counts_are_computed(tmp_path):
    content = _content(tmp_path)
    path = content / "reports" / SEED / "report.yaml"
    report = store.load(path)
    sections = list(report.walk())
    for section in sections:
        section.metrics = []
    report.find("2-5-3").metrics = [
        {"id": "m1", "value": 855, "unit": "個", "label": "排查糾紛", "text": "855次"},
        {"id": "m2", "value": 1, "unit": "件", "text": "1件", "hidden": True}]
    store.write(report, path)
    site = _build(content, tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"<dd>{len(sections)}</dd>" in home
    assert "<dd>1</dd>" in home  # one visible figure
    page = (site / SEED / "2-5-3" / "index.html").read_text(encoding="utf-8")
    assert 'class="callout-value">855<span class="callout-unit">个</span>' in page  # shown in Simplified
    assert "排查纠纷" in page


def test_no_callouts_without_metrics(tmp_path):
    content = _content(tmp_path)
    path = content / "reports" / SEED / "report.yaml"
    report = store.load(path)
    for section in report.walk():
        section.metrics = []
    store.write(report, path)
    site = _build(content, tmp_path / "site")
    assert 'class="callouts"' not in (site / SEED / "2-5" / "index.html").read_text(encoding="utf-8")


def test_reserved_section_id_is_an_error(tmp_path):
    content = _content(tmp_path)
    path = content / "reports" / SEED / "report.yaml"
    report = store.load(path)
    report.find("4-3").id = "full-text"
    store.write(report, path)
    with pytest.raises(LawreportError) as err:
        _build(content, tmp_path / "site")
    assert err.value.path == str(path)


def test_cli_build_error_is_one_line(tmp_path):
    content = _content(tmp_path)
    notes = content / "reports" / SEED / "notes"
    notes.mkdir()
    (notes / "no-such-id.md").write_text("x", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "lawreport.cli", "build", "--content", str(content),
                             "--out", str(tmp_path / "site"), "--templates", str(REPO / "templates")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(notes / "no-such-id.md") + ": error:")
    assert not (tmp_path / "site").exists()


def test_sitemap_lists_every_page_with_alternates(tmp_path):
    site = _build(_content(tmp_path), tmp_path / "site", base_url="https://example.org/x")
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/x/zjg-2023/2-5-3/index.html</loc>" in xml
    assert "<loc>https://example.org/x/zh-hant/zjg-2023/2-5-3/index.html</loc>" in xml
    assert "404.html" not in xml
    assert "Sitemap: https://example.org/x/sitemap.xml" in (site / "robots.txt").read_text()
