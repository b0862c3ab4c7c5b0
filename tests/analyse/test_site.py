"""The analysis on the built site: pages in both scripts, links back to sections, figures linked
inline, metrics.csv, escaping, determinism."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest

from lawreport.content import store
from lawreport.site.analysis import PAGES
from lawreport.build.run import build

REPO = Path(__file__).resolve().parents[2]
SEED = "zjg-2023"


def _build(tmp: Path, edit=None) -> Path:
    content = tmp / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("notes"))
    if edit:
        edit(content / "reports" / SEED / "report.yaml")
    out = tmp / "site"
    build(content, out, templates_dir=REPO / "templates", log=lambda m: None)
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("analysis-site"))


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"#]*)(?:#[^"]*)?"', html)


@pytest.mark.parametrize("prefix", ["", "zh-hant/"])
@pytest.mark.parametrize("page", list(PAGES))
def test_every_analysis_page_exists_and_its_links_resolve(site, prefix, page):
    path = site / prefix / SEED / page / "index.html"
    html = path.read_text(encoding="utf-8")
    for href in _links(html):
        if href and not href.startswith(("http:", "https:", "mailto:")):
            assert (path.parent / href).resolve().exists(), href
    assert "http://" not in re.sub(r'<link rel="(canonical|alternate)"[^>]*>', "", html).replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


def test_section_links_are_relative_permalinks(site):
    html = (site / SEED / "coverage" / "index.html").read_text(encoding="utf-8")
    assert 'href="../3-1/index.html"' in html and 'href="../4-2/index.html"' in html


def test_both_scripts_show_their_own_script(site):
    hans = (site / SEED / "keywords" / "index.html").read_text(encoding="utf-8")
    hant = (site / "zh-hant" / SEED / "keywords" / "index.html").read_text(encoding="utf-8")
    assert "行政执法" in hans and "行政執法" in hant and "行政執法" not in hans


def test_inline_figures_link_to_their_metrics_entry(site):
    section = (site / SEED / "2-3-2" / "index.html").read_text(encoding="utf-8")
    metrics = (site / SEED / "metrics" / "index.html").read_text(encoding="utf-8")
    figures = re.findall(r'<a class="figure" href="\.\./metrics/index\.html#([^"]+)" data-tip="([^"]+)">([^<]+)</a>',
                         section)
    assert [(text, tip) for _, tip, text in figures] == [
        ("2711件", "免罚轻罚案件：2,711 件"), ("5181万余元", "涉及金额：超过5181万 元（51,810,000）")]
    for anchor, _, _ in figures:
        assert f'id="{anchor}"' in metrics
    assert 'title="' not in section.split('class="figure"')[1].split(">")[0]


def test_metrics_page_lists_every_visible_figure_and_the_checks(site):
    report = store.load(REPO / "content" / "reports" / SEED / "report.yaml")
    html = (site / SEED / "metrics" / "index.html").read_text(encoding="utf-8")
    count = sum(1 for s in report.walk() for m in s.metrics if not m.get("hidden"))
    assert html.count('<tr id="m-') == count
    assert "71 + 16 + 21 = 108" in html and "status-pass" in html
    assert "40,775 ÷ 40,785 = 99.98%" in html
    assert html.count("<svg") >= 1


def test_metrics_csv(site):
    rows = list(csv.DictReader(io.StringIO((site / SEED / "metrics.csv").read_text(encoding="utf-8"))))
    report = store.load(REPO / "content" / "reports" / SEED / "report.yaml")
    by_id = {m["id"]: (s, m) for s in report.walk() for m in s.metrics}
    assert len(rows) == len(by_id)
    for row in rows:
        section, m = by_id[row["id"]]
        assert section.text[int(row["start"]):int(row["end"])] == row["text"] == m["text"]
        assert row["section"] == section.id and float(row["value"]) == m["value"]


def test_overview_and_section_pages_have_callout_cards(site):
    overview = (site / SEED / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<li class="callout">', overview.split('<h2>')[0])
    assert len(cards) == 6
    section = (site / SEED / "2-5-3" / "index.html").read_text(encoding="utf-8")
    assert 'class="callout-link" href="../metrics/index.html#m-' in section


def test_editor_edits_show_and_content_is_escaped(tmp_path):
    def edit(path: Path):
        text = path.read_text(encoding="utf-8")
        text = text.replace("label: 免罰輕罰案件", 'label: "<b>免罰</b>&案件"', 1)
        text = re.sub(r"(id: 2-3-2:5181萬余元\n(?:        .*\n)*?        source: extracted)",
                      r"\1\n        hidden: true", text, count=1)
        path.write_text(text, encoding="utf-8")

    site = _build(tmp_path, edit)
    metrics = (site / SEED / "metrics" / "index.html").read_text(encoding="utf-8")
    section = (site / SEED / "2-3-2" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;免罚&lt;/b&gt;&amp;案件" in metrics and "<b>免罚</b>" not in metrics
    assert "5181万余元</mark>" not in metrics  # hidden: not listed
    assert section.count('class="figure"') == 1


def test_build_is_deterministic(site, tmp_path):
    again = _build(tmp_path)
    for page in list(PAGES):
        for prefix in ("", "zh-hant/"):
            a = (site / prefix / SEED / page / "index.html").read_bytes()
            assert a == (again / prefix / SEED / page / "index.html").read_bytes(), page
    assert (site / SEED / "metrics.csv").read_bytes() == (again / SEED / "metrics.csv").read_bytes()


def test_same_pages_whatever_the_hash_seed(tmp_path):
    """Nothing in the analysis may depend on set or dict hashing order between processes."""
    import os
    import subprocess
    import sys

    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("notes"))
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"site{seed}"
        subprocess.run([sys.executable, "-m", "lawreport.cli", "build", "--content", str(content),
                        "--templates", str(REPO / "templates"), "--out", str(out)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outs.append(out)
    for page in PAGES:
        for prefix in ("", "zh-hant/"):
            rel = f"{prefix}{SEED}/{page}/index.html"
            assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes(), rel
