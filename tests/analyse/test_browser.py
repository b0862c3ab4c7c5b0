"""The analysis pages in a real browser (Debian's Chromium), opened from disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawreport.site.analysis import PAGES
from lawreport.build.run import build

CHROMIUM = "/usr/bin/chromium"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("analysis-browser")
    shutil.copytree(REPO / "content", root / "content", ignore=shutil.ignore_patterns("notes"))
    build(root / "content", root / "site", templates_dir=REPO / "templates", log=lambda m: None)
    return root / "site"


@pytest.fixture(scope="module")
def chromium(request):
    """The session's shared Chromium (tests/conftest.py ``browser``) when there is one: Playwright's
    sync API allows one running instance per thread.  Otherwise one for this module."""
    try:
        shared = request.getfixturevalue("browser")
    except pytest.FixtureLookupError:
        shared = None
    if shared is not None:
        yield shared
        return
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def test_focusing_a_figure_shows_label_and_value_and_following_it_marks_the_entry(site, chromium):
    page = chromium.new_page()
    page.goto((site / "zh-hant/zjg-2023/2-3-2/index.html").as_uri())
    figure = page.locator("a.figure").nth(1)
    assert page.evaluate("getComputedStyle(document.querySelectorAll('a.figure')[1], '::after').content") == "none"
    figure.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    shown = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert shown == '"涉及金額：超過5181萬 元（51,810,000）"'
    anchor = figure.get_attribute("href").split("#")[1]
    figure.click()
    page.wait_for_url("**/zh-hant/zjg-2023/metrics/index.html#" + anchor)
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelector(':target').tagName") == "TR"
    assert "5181萬余元" in page.locator(":target").inner_text()
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_on_analysis_pages(site, chromium, axe_violations, scheme):
    page = chromium.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    urls = [(site / f"{prefix}zjg-2023/{name}/index.html").as_uri()
            for name in PAGES for prefix in ("", "zh-hant/")]
    assert axe_violations(page, urls) == {}
    page.close()
