"""Accessibility: axe-core on every page type in both scripts, and search by keyboard alone."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from lawreport.core import urls
from lawreport.core.script import HANS, HANT

_SERIOUS = """() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))"""


@pytest.mark.parametrize("script", [HANS, HANT])
def test_no_serious_or_critical_violations_on_any_page_type(page, http_origin, page_types, search_target,
                                                            axe_script, script):
    found = {}
    for kind, path in page_types.items():
        page.goto(http_origin.url(path, script) + ("?q=" + quote(search_target[0]) if kind == "search" else ""))
        if kind == "search":
            page.wait_for_selector("#search-results li")  # checked with its results shown
        page.add_script_tag(path=str(axe_script))
        if violations := page.evaluate(_SERIOUS):
            found[kind] = violations
    assert found == {}


def _focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.getAttribute('href') || ''")


@pytest.mark.parametrize("script", [HANS, HANT])
def test_search_by_keyboard_alone(page, origin, seed, search_target, script):
    phrase, sid = search_target
    page.goto(origin.url(urls.report(seed.id), script))
    # Tab: skip link, site name, then the search box
    for _ in range(5):
        page.keyboard.press("Tab")
        if _focused(page) == "site-search":
            break
    assert _focused(page) == "site-search"
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    page.keyboard.type(phrase)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda u: origin.path_of(u) == urls.in_script(urls.search(), script))
    page.wait_for_selector("#search-results li")
    assert _focused(page) == "search-input"

    page.keyboard.press("ArrowDown")  # into the results
    first = page.evaluate("document.querySelector('#search-results a').getAttribute('href')")
    assert _focused(page) == first
    if page.locator("#search-results li").count() > 1:
        page.keyboard.press("ArrowDown")
        assert _focused(page) != first
        page.keyboard.press("ArrowUp")
        assert _focused(page) == first
    page.keyboard.press("ArrowUp")  # back to the box, the query still there
    assert _focused(page) == "search-input" and page.input_value("#search-input") == phrase
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda u: origin.path_of(u) == urls.in_script(urls.section(seed.id, sid), script))
    page.wait_for_selector(".section-page mark")

    # "/" from anywhere on a page goes back to the search box
    page.keyboard.press("/")
    assert _focused(page) == "site-search"
