"""Search as a reader uses it: the box in the header, results, and the section with the terms marked."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from lawreport.core import urls
from lawreport.core.script import HANS, HANT, to_hans, to_hant


def _results(page) -> list[str]:
    """Section paths of the results, once the search has run."""
    page.wait_for_function("document.querySelector('#search-results li, .search-none') !== null")
    return page.eval_on_selector_all("#search-results a.search-title",
                                      "as => as.map(a => new URL(a.href).pathname.split('/').slice(-3, -1).join('/'))")


def _marks_in_section(page) -> list[str]:
    page.wait_for_selector(".section-page mark")
    return page.eval_on_selector_all(".section-page mark", "ms => ms.map(m => m.textContent)")


@pytest.mark.parametrize("page_script, typed_script, open_with", [
    (HANS, HANS, "Enter"), (HANS, HANT, "click"), (HANT, HANS, "Enter"), (HANT, HANT, "click")])
def test_typed_query_lands_on_its_section_with_the_terms_marked(
        page, origin, seed, search_target, page_script, typed_script, open_with):
    phrase, sid = search_target
    typed = to_hant(phrase) if typed_script == HANT else phrase
    page.goto(origin.url(urls.report(seed.id), page_script))
    page.fill("header input[name=q]", typed)
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(lambda u: origin.path_of(u) == urls.in_script(urls.search(), page_script))
    assert parse_qs(urlsplit(page.url).query)["q"] == [typed]
    assert _results(page)[0] == f"{seed.id}/{sid}"
    if open_with == "Enter":
        assert page.evaluate("document.activeElement.id") == "search-input"
        page.keyboard.press("Enter")
    else:
        page.locator("#search-results a.search-title").first.click()
    page.wait_for_url(lambda u: origin.path_of(u) == urls.in_script(urls.section(seed.id, sid), page_script))
    marks = _marks_in_section(page)
    shown = to_hant(phrase) if page_script == HANT else phrase  # the page marks its own script's text
    assert set("".join(marks)) >= set(shown)  # every term of the query is marked
    assert all(m in shown for m in marks)  # and nothing else
    assert page.evaluate("""() => { const r = document.querySelector('.section-page mark').getBoundingClientRect();
                                    return r.top >= 0 && r.bottom <= innerHeight; }""")  # scrolled into view


def test_query_in_the_address_runs_it(page, origin, seed, search_target):
    phrase, sid = search_target
    page.goto(origin.url(urls.search(), HANT) + "?q=" + quote(phrase))
    assert page.input_value("#search-input") == phrase
    assert _results(page)[0] == f"{seed.id}/{sid}"
    assert "找到" in page.inner_text("#search-status")


def test_no_results_says_so_and_offers_queries_that_work(page, origin, reports):
    absent = "量子纠缠"
    assert not any(absent in to_hans(r.report_text()) for r in reports.values())  # the premise
    page.goto(origin.url(urls.search()) + "?q=" + quote(absent))
    assert _results(page) == []
    message = page.locator("#search-status .search-none")
    assert message.is_visible()
    assert "没有找到" in message.inner_text()
    examples = message.locator("a")
    assert examples.count() >= 1
    example = examples.first.inner_text()
    examples.first.click()
    page.wait_for_url(lambda u: "?q=" in u)
    assert page.input_value("#search-input") == example
    assert _results(page) != []


def test_every_section_the_index_can_return_links_to_a_page_that_exists(page, http_origin, built_site):
    """Result links are made by search.js from the index, so the static link check never sees them."""
    page.goto(http_origin.url(urls.search()) + "?q=x")
    page.wait_for_function("window.__lawreportIndex && window.LawreportSearch")
    links = page.evaluate("""() => {
      const e = new LawreportSearch.Engine(window.__lawreportIndex);
      return e.docs.map((_, d) => e.url(d));
    }""")
    assert len(links) > 2 * len(list(built_site.glob("*/full-text/index.html")))
    broken = []
    for link in links:
        path, _, anchor = link.partition("#")
        target = built_site / path.split("?")[0]
        if not target.is_file() or anchor and f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
            broken.append(link)
    assert broken == []
