"""The search page and section highlighting in headless Chromium, on sites opened from disk.

Skipped (with the reason) when Chromium or Playwright is missing, unless REQUIRE_BROWSER=1
(fixtures ``browser`` and ``page`` in conftest.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from fixtures import corpus
from lawreport.content import store
from lawreport.build.run import build
from quality import load_queries

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(ROOT / "content", content, dirs_exist_ok=True)
    build(content, out, templates_dir=ROOT / "templates", log=lambda m: None)
    return out


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("demo-content")
    (content / "reports" / "demo").mkdir(parents=True)
    store.write(corpus(), content / "reports" / "demo" / "report.yaml")
    out = tmp_path_factory.mktemp("demo") / "site"
    build(content, out, templates_dir=ROOT / "templates", log=lambda m: None)
    return out


def search_url(site: Path, query: str, script: str = "zh-Hans") -> str:
    prefix = "zh-hant/" if script == "zh-Hant" else ""
    return (site / prefix / "search" / "index.html").as_uri() + "?q=" + quote(query)


def result_ids(pg) -> list[str]:
    pg.wait_for_function("document.getElementById('search-status').textContent.trim() !== ''"
                         " && !/载入|載入|加载/.test(document.getElementById('search-status').textContent)")
    hrefs = pg.eval_on_selector_all("#search-results li a.search-title", "as => as.map(a => a.getAttribute('href'))")
    return [h.split("?")[0].split("/")[-2] for h in hrefs]


def test_every_query_of_the_set_lands_its_section_in_the_top_5(page, seed_site):
    misses = []
    for q in load_queries():
        page.goto(search_url(seed_site, q["q"]))
        got = result_ids(page)[:5]
        if q["expect"] and not all(e in got for e in q["expect"]) or (not q["expect"] and got):
            misses.append((q["q"], q["expect"], got))
    assert not misses


def test_traditional_query_and_its_simplified_form_return_the_same(page, seed_site):
    for hans, hant in [("证明事项", "證明事項"), ("执法监督", "執法監督"), ("审管执信", "審管執信")]:
        page.goto(search_url(seed_site, hans))
        simplified = result_ids(page)
        page.goto(search_url(seed_site, hant))
        assert result_ids(page) == simplified != []


def test_results_on_a_traditional_page_are_in_traditional_with_marks(page, seed_site):
    page.goto(search_url(seed_site, "证明事项", "zh-Hant"))
    assert result_ids(page)[0] == "2-3-2"
    marks = page.eval_on_selector_all("#search-results li:first-child mark", "ms => ms.map(m => m.textContent)")
    assert "證明事項" in marks
    assert "張家港市人民政府" in page.inner_text("#search-results li:first-child .search-breadcrumb")


def test_a_number_from_the_text_finds_the_section_that_states_it(page, seed_site):
    page.goto(search_url(seed_site, "40785"))
    assert result_ids(page)[0] == "2-5-3"
    assert page.inner_text("#search-results li:first-child mark") == "40785"


def test_no_match_shows_the_no_results_message(page, seed_site):
    page.goto(search_url(seed_site, "区块链"))
    assert result_ids(page) == []
    text = page.inner_text(".search-none")
    assert "没有找到" in text and "繁体和简体" in text
    examples = page.eval_on_selector_all(".search-none a", "as => as.map(a => a.getAttribute('href'))")
    assert len(examples) == 4  # example queries taken from the index: each finds something
    for href in examples:
        page.goto(search_url(seed_site, "") .split("?")[0] + href)
        assert result_ids(page)


def test_script_toggle_keeps_the_query(page, seed_site):
    page.goto(search_url(seed_site, "证明事项"))
    result_ids(page)
    with page.expect_navigation():
        page.click("a.script-toggle")
    assert "/zh-hant/search/index.html?q=" in page.url
    assert result_ids(page)[0] == "2-3-2"


def test_results_follow_typing_and_update_the_address(page, seed_site):
    page.goto(search_url(seed_site, ""))
    page.fill("#search-input", "包容审慎")
    page.wait_for_selector("#search-results li")
    assert result_ids(page)[0] == "2-4-5"
    assert "q=" + quote("包容审慎") in page.url


def test_keyboard_opens_a_result_and_the_section_highlights_the_terms(page, seed_site):
    page.goto((seed_site / "zh-hant" / "zjg-2023" / "index.html").as_uri())
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.goto(search_url(seed_site, "合法性审核", "zh-Hant"))
    result_ids(page)
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/zh-hant/zjg-2023/2-2-3/index.html?h=" in page.url
    page.wait_for_selector(".section-page mark")
    marks = page.eval_on_selector_all(".section-page mark", "ms => ms.map(m => m.textContent)")
    assert "合法性審核" in marks  # the page's own Traditional text, marked


def test_markup_in_the_text_is_shown_as_text(page, demo_site):
    page.goto(search_url(demo_site, "执法记录"))
    assert result_ids(page)[0] == "2-1"
    snippet = page.inner_text("#search-results li:first-child .search-snippet")
    assert "<script>alert(1)</script>" in snippet
    assert page.eval_on_selector_all("#search-results script", "s => s.length") == 0
