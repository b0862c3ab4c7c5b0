"""The site's script in a real browser (Debian's Chromium), opened from disk."""

from __future__ import annotations

import re

import pytest

# browser, axe_violations: tests/conftest.py (one Chromium per session; skipped with the reason when
# missing, failed under REQUIRE_BROWSER=1)


def test_toggle_keeps_section_anchor_and_query(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith("file://") else None)
    page.goto((site / "zjg-2023/full-text/index.html").as_uri() + "?q=调解#2-5-3")
    page.click(".site-nav .script-toggle")
    page.wait_for_load_state()
    assert page.url.endswith("/zh-hant/zjg-2023/full-text/index.html?q=%E8%B0%83%E8%A7%A3#2-5-3")
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert external == []
    page.close()


def test_toc_follows_the_reader(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((site / "zjg-2023/full-text/index.html").as_uri() + "#3-2")
    page.wait_for_function("document.querySelector('.toc a.current') !== null")
    assert page.get_attribute(".toc a.current", "data-toc-link") == "3-2"
    page.evaluate("document.getElementById('2-1-2').scrollIntoView()")
    page.wait_for_function("document.querySelector('.toc a.current').dataset.tocLink === '2-1-2'")
    page.close()


def test_cite_panel_fills_reader_side_parts(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((site / "zjg-2023/2-5-3/index.html").as_uri())
    gbt2015 = page.text_content("#cite-gbt2015")
    assert re.search(r"\(2024-02-28\)\[\d{4}-\d{2}-\d{2}\]\. file://.*/zjg-2023/2-5-3/index\.html\.$", gbt2015)
    assert page.text_content("#cite-permalink").endswith("/zjg-2023/2-5-3/index.html")
    page.click("button[data-copy=cite-gbt2025]")  # file:// is not a secure context: the fallback path
    page.wait_for_function("document.querySelector('.copy-status').textContent !== ''")
    assert page.text_content(".copy-status") in ("已复制", "复制失败，请手动选择文本")
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations(site, browser, axe_violations, scheme):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    urls = [(site / rel).as_uri() for rel in (
        "index.html", "zjg-2023/index.html", "zjg-2023/full-text/index.html",
        "zjg-2023/2-5/index.html", "zh-hant/zjg-2023/2-5-3/index.html", "pages/about/index.html")]
    assert axe_violations(page, urls) == {}
    page.close()
