"""A reader clicks from the home page down to an item and climbs back up by the breadcrumb."""

from __future__ import annotations

import pytest

from lawreport.core import urls
from lawreport.site.strings import STRINGS
from lawreport.site.text import display
from lawreport.core.script import HANS, HANT


def _heading(section, report, script) -> str:
    return display(section.number + section.title, report.script, script)


@pytest.mark.parametrize("script", [HANS, HANT])
def test_home_to_item_by_clicking_then_breadcrumb_back(page, origin, seed, script):
    part = next(p for p in seed.sections if any(c.children for c in p.children))
    subsection = next(c for c in part.children if c.children)
    item = subsection.children[-1]
    trail = [(seed, urls.report(seed.id)), (part, urls.section(seed.id, part.id)),
             (subsection, urls.section(seed.id, subsection.id)), (item, urls.section(seed.id, item.id))]

    page.goto(origin.url(urls.home(), script))
    for target, path in trail:
        name = display(seed.title, seed.script, script) if target is seed else _heading(target, seed, script)
        page.locator("main").get_by_role("link", name=name, exact=True).first.click()
        page.wait_for_url(origin.url(path, script))
        assert page.locator("h1").inner_text().replace("\n", "") in (name, name + item.title_end)

    # The breadcrumb names every level above and leads back up it, one click at a time.
    crumbs = page.locator("nav.breadcrumb li")
    assert crumbs.last.get_attribute("aria-current") == "page"
    for target, path in reversed([(None, urls.home())] + trail[:-1]):
        page.locator("nav.breadcrumb a").last.click()
        page.wait_for_url(origin.url(path, script))
    assert page.locator("nav.breadcrumb").count() == 0  # home has none



def test_a_mistyped_address_shows_the_not_found_page_with_a_way_home(page, page_log, http_origin, seed):
    """Served like a static host does: any missing path gets the site's 404.html (its links start at /)."""
    page_log.expected_status.add(404)
    response = page.goto(http_origin.url(f"{seed.id}/no-such-section/index.html"))
    assert response.status == 404
    assert STRINGS["not_found_title"][0] in page.locator("h1").inner_text()
    page.locator("main a").first.click()
    page.wait_for_url(http_origin.url(urls.home()))
    assert page.locator(f".report-list a[href='{urls.report(seed.id)}']").count() == 1  # the home page
