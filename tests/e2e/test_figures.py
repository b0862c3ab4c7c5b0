"""Figures highlighted in the text: pointing at one (or focusing it) shows what it counts."""

from __future__ import annotations

import pytest

from lawreport.core import urls
from lawreport.site.text import display
from lawreport.core.script import HANS, HANT

_TIP = "el => getComputedStyle(el, '::after').content"


def _richest_section(seed):
    """The section with the most figures shown on the site."""
    return max(seed.walk(), key=lambda s: sum(not m.get("hidden") for m in s.metrics))


@pytest.mark.parametrize("script", [HANS, HANT])
def test_hovering_each_figure_shows_its_label(page, http_origin, seed, script):
    section = _richest_section(seed)
    shown = sorted((m for m in section.metrics if not m.get("hidden")), key=lambda m: m["start"])
    assert len(shown) >= 2
    page.goto(http_origin.url(urls.section(seed.id, section.id), script))
    figures = page.locator(".section-page .report-text a.figure")
    assert figures.count() == len(shown)
    for i, metric in enumerate(shown):
        figure = figures.nth(i)
        assert figure.evaluate(_TIP) == "none"  # nothing shown until the reader points at it
        assert figure.inner_text() == display(metric["text"], seed.script, script)
        figure.hover()
        tip = figure.get_attribute("data-tip")
        assert figure.evaluate(_TIP) == f'"{tip}"'
        assert tip.startswith(display(metric["label"], seed.script, script) + "：")
    page.mouse.move(0, 0)
    assert figures.first.evaluate(_TIP) == "none"


def test_figure_labels_stay_on_a_phone_screen(browser, page_log, http_origin, seed):
    """The label pops up beside the figure; near the right edge of a 360 px screen it must not
    push the page sideways."""
    section = _richest_section(seed)
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=False)
    page = context.new_page()
    page_log.attach(page)
    page.goto(http_origin.url(urls.section(seed.id, section.id)))
    wider = []
    figures = page.locator(".section-page .report-text a.figure")
    for i in range(figures.count()):
        figures.nth(i).hover()
        assert figures.nth(i).evaluate(_TIP) != "none"
        overflow = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
        if overflow > 0:
            wider.append((figures.nth(i).inner_text(), overflow))
    context.close()
    assert wider == []
    assert page_log.problems == []
