"""Phone (360 px) and desktop (1280 px): no page scrolls sideways, and the menus can be used."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from lawreport.core import urls
from lawreport.core.script import HANS, HANT

WIDTHS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}

# Menu controls a reader must be able to reach and press: each is inside the window's width once
# scrolled to, and nothing covers its middle (the point a finger or mouse goes for).
_UNUSABLE_CONTROLS = """() => {
  const bad = [];
  const controls = document.querySelectorAll(
    '.site-header a, .site-header input:not([type=hidden]), .site-header button, .report-nav a, nav.breadcrumb a, .prev-next a');
  for (const el of controls) {
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    const r = el.getBoundingClientRect(), line = el.getClientRects()[0] || r;  // a link may wrap
    const name = el.outerHTML.slice(0, 80);
    if (r.width < 1 || r.height < 1) { bad.push('not shown: ' + name); continue; }
    if (r.left < 0 || r.right > document.documentElement.clientWidth + 0.5) { bad.push('off screen: ' + name); continue; }
    const hit = document.elementFromPoint(line.left + line.width / 2, line.top + line.height / 2);
    if (!hit || !(el === hit || el.contains(hit) || hit.contains(el) && hit.tagName === 'LABEL'))
      bad.push('covered: ' + name + ' by ' + (hit ? hit.outerHTML.slice(0, 60) : 'nothing'));
  }
  scrollTo(0, 0);
  return bad;
}"""
_SIDEWAYS = "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_type_scrolls_sideways_and_menus_work(browser, page_log, http_origin, page_types,
                                                     search_target, width):
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    page_log.attach(page)
    sideways, unusable = {}, {}
    for script in (HANS, HANT):
        for kind, path in page_types.items():
            page.goto(http_origin.url(path, script) + ("?q=" + quote(search_target[0]) if kind == "search" else ""))
            if kind == "search":
                page.wait_for_selector("#search-results li")
            if (extra := page.evaluate(_SIDEWAYS)) > 0:
                sideways[f"{kind} ({script})"] = extra
            if bad := page.evaluate(_UNUSABLE_CONTROLS):
                unusable[f"{kind} ({script})"] = bad
    context.close()
    assert sideways == {}
    assert unusable == {}
    assert page_log.problems == []


def test_on_a_phone_the_contents_fold_away_and_still_lead_to_a_section(browser, page_log, http_origin, seed):
    context = browser.new_context(viewport=WIDTHS["phone"])
    page = context.new_page()
    page_log.attach(page)
    page.goto(http_origin.url(urls.full_text(seed.id)))
    toc = page.locator(".toc details")
    assert not toc.evaluate("d => d.open")  # the text comes first
    target = seed.sections[-1]
    link = page.locator(f".toc a[data-toc-link='{target.id}']")
    assert not link.is_visible()
    page.locator(".toc summary").click()
    link.click()
    page.wait_for_url(lambda u: u.endswith("#" + target.id))
    assert not toc.evaluate("d => d.open")  # folded again, out of the reader's way
    top = page.evaluate(f"document.getElementById({target.id!r}).getBoundingClientRect().top")
    assert 0 <= top < WIDTHS["phone"]["height"] / 2
    context.close()
    assert page_log.problems == []


def test_on_a_phone_the_header_search_and_report_menu_work(browser, page_log, http_origin, seed, search_target):
    context = browser.new_context(viewport=WIDTHS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page_log.attach(page)
    page.goto(http_origin.url(urls.report(seed.id)))
    page.locator(".report-nav a").nth(1).tap()  # the full text
    page.wait_for_url(http_origin.url(urls.full_text(seed.id)))
    page.locator("header input[name=q]").tap()
    page.keyboard.type(search_target[0])
    page.locator("header button[type=submit]").tap()
    page.wait_for_url(lambda u: http_origin.path_of(u) == urls.search())
    page.wait_for_selector("#search-results li")
    page.locator("#search-results a.search-title").first.tap()
    page.wait_for_url(lambda u: http_origin.path_of(u) == urls.section(seed.id, search_target[1]))
    context.close()
    assert page_log.problems == []
