"""The sharded index in headless Chromium, on a synthetic collection built and opened from disk:
same results as the same site with its index in one file, only a few shards per query, the
report filter, and the button that shows more results."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from corpus_sites import synthetic_content
from fixtures import site_pages
from lawreport.content import folders as content_mod
from lawreport.build.load import load_report
from lawreport.build.run import build
from lawreport.site.display import display_text
from lawreport.search import format as shards
from lawreport.search.index import index_files

ROOT = Path(__file__).resolve().parents[2]
REPORTS = 24  # ~0.8 MB of index: above the default threshold, so the build shards it
QUERIES = ["行政复议 人民调解", "執法監督", "合法性审核", "营商环境 优化", "证明事项告知承诺制", "复议 纠错",
           "区块链 执法", "\u201c放管服\u201d", "40785", "法治政府"]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """(sharded site, the same site with its index in one file)."""
    content = synthetic_content(REPORTS, tmp_path_factory.mktemp("content"))
    sharded = tmp_path_factory.mktemp("sharded") / "site"
    build(content, sharded, templates_dir=ROOT / "templates", log=lambda m: None, jobs=2)
    assert (sharded / shards.META_PATH).is_file()
    whole = tmp_path_factory.mktemp("whole") / "site"
    for rel in ("static", "search", "zh-hant/search"):
        shutil.copytree(sharded / rel, whole / rel, ignore=shutil.ignore_patterns("idx"))
    reports = [load_report(f, write_missing_yaml=False)[0]
               for f in content_mod.discover(content).reports]
    files = index_files(reports, site_pages(), shard_from=10**12, display=display_text)  # as the build
    assert list(files) == ["search-index.js"]
    (whole / "search-index.js").write_text(files["search-index.js"], encoding="utf-8")
    return sharded, whole


def open_search(pg, site: Path, query: str, script: str = "zh-Hans", report: str = "") -> None:
    prefix = "zh-hant/" if script == "zh-Hant" else ""
    url = (site / prefix / "search" / "index.html").as_uri() + "?q=" + quote(query)
    pg.goto(url + ("&r=" + report if report else ""))
    wait_results(pg)


def wait_results(pg) -> None:
    pg.wait_for_function("(() => { const s = document.getElementById('search-status').textContent;"
                         " return s.trim() !== '' && !/载入|載入|加载/.test(s)"
                         " && (document.querySelector('#search-results li') || document.querySelector('.search-none')); })()")


def shown(pg) -> list[tuple[str, str, str]]:
    """(link, breadcrumb, snippet) of every result on the page."""
    return pg.eval_on_selector_all(
        "#search-results li", "lis => lis.map(li => [li.querySelector('a.search-title').getAttribute('href'),"
        " li.querySelector('.search-breadcrumb').textContent, li.querySelector('.search-snippet').textContent])")


def test_sharded_site_shows_what_the_single_file_index_shows(page, sites):
    sharded, whole = sites
    for script in ("zh-Hans", "zh-Hant"):
        for query in QUERIES:
            open_search(page, whole, query, script)
            expected, status = shown(page), page.inner_text("#search-status")
            open_search(page, sharded, query, script)
            assert shown(page) == expected, (script, query)
            assert page.inner_text("#search-status") == status


def test_a_two_term_query_loads_a_few_shards(page, sites):
    sharded, _whole = sites
    open_search(page, sharded, "行政复议 人民调解")
    results = len(shown(page))
    assert 0 < results <= 20  # the first page of results
    loaded = [u.rsplit("/", 1)[1] for u in page.requests if "/search/idx/" in u]
    terms = [n for n in loaded if n.startswith("t")]
    blocks = [n for n in loaded if n.startswith("d")]
    assert "meta.js" in loaded and 1 <= len(terms) <= 2
    # text blocks: a result's section, its items and the headings above it, for the shown ones only
    assert len(blocks) <= 4 * results, loaded
    term_files = [n for n in (p.name for p in (sharded / shards.FOLDER).iterdir()) if n.startswith("t")]
    assert len(term_files) > 10 * len(terms)
    assert len(loaded) == len(set(loaded))  # nothing loaded twice


def test_more_results_come_with_their_snippets(page, sites):
    sharded, whole = sites
    open_search(page, whole, "法治政府")
    page.click("#search-more")
    expected = shown(page)
    open_search(page, sharded, "法治政府")
    first = shown(page)
    assert len(first) == 20 and page.is_visible("#search-more")
    page.click("#search-more")
    page.wait_for_function("document.querySelectorAll('#search-results li').length > 20")
    assert shown(page) == expected and len(expected) > 20


def test_search_limited_to_one_report(page, sites):
    sharded, _whole = sites
    open_search(page, sharded, "行政复议")
    everywhere = {href.split("/")[1] for href, _, _ in shown(page)}
    assert len(everywhere) > 3
    report = sorted(everywhere)[1]
    open_search(page, sharded, "行政复议", report=report)
    assert page.eval_on_selector("#search-report", "s => s.value") == report
    mine = shown(page)
    assert mine and {href.split("/")[1] for href, _, _ in mine} == {report}
    page.select_option("#search-report", "")  # back to every report: the address follows
    wait_results(page)
    assert "r=" not in page.url and len({h.split("/")[1] for h, _, _ in shown(page)}) > 3
    page.select_option("#search-report", report)
    wait_results(page)
    assert page.url.endswith("&r=" + report)
    assert {h.split("/")[1] for h, _, _ in shown(page)} == {report}


def test_the_header_search_on_a_report_page_searches_that_report(page, sites):
    sharded, _whole = sites
    first = sorted(p.name for p in sharded.iterdir() if (p / "full-text").is_dir())[2]
    page.goto((sharded / "zh-hant" / first / "index.html").as_uri())
    page.fill("#site-search", "行政復議")
    with page.expect_navigation():
        page.press("#site-search", "Enter")
    assert "r=" + first in page.url
    wait_results(page)
    assert page.eval_on_selector("#search-report", "s => s.value") == first
    assert {h.split("/")[1] for h, _, _ in shown(page)} == {first}


def test_enter_before_the_shards_arrive_opens_the_first_result(page, sites):
    sharded, _whole = sites
    page.goto((sharded / "search" / "index.html").as_uri())
    page.fill("#search-input", "人民调解 行政复议")  # a query this page has loaded nothing for yet
    page.press("#search-input", "Enter")
    page.wait_for_url(lambda url: "?h=" in url)  # (the address bar's ?q= update is no navigation away)
    assert "/search/" not in page.url
