"""The cite panel: the copy buttons put the permalink and the GB/T 7714 citations on the clipboard."""

from __future__ import annotations

import re

import pytest

from lawreport.core import urls
from lawreport.site.strings import STRINGS
from lawreport.site.text import display
from lawreport.core.script import HANS, HANT


def _copy(page, source_id: str) -> str:
    page.evaluate("navigator.clipboard.writeText('')")
    page.locator(f"button[data-copy={source_id}]").click()
    page.wait_for_function("document.querySelector('.copy-status').textContent !== ''")
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("script", [HANS, HANT])
def test_copy_buttons_put_permalink_and_citations_on_the_clipboard(page, origin, seed, search_target, script):
    sid = search_target[1]
    address = origin.url(urls.section(seed.id, sid), script)
    page.goto(address + "?h=x#cite-heading")  # how a reader may arrive: the permalink has neither
    copied = _copy(page, "cite-permalink")
    assert copied == address
    # the published form of a permalink, pinned here: <report id>/<section id>/index.html
    assert copied.endswith(f"/{seed.id}/{sid}/index.html")
    assert page.inner_text(".copy-status") == STRINGS["copied"][script == HANT]

    gbt2025 = _copy(page, "cite-gbt2025")
    assert gbt2025 == page.inner_text("#cite-gbt2025").strip()
    assert gbt2025.startswith(display(seed.issuer, seed.script, script))
    # the section follows the report's title (site/citations.py), so it reaches the reference manager
    assert display(seed.title, seed.script, script) + "：" in gbt2025 and "[R/OL]" in gbt2025
    assert seed.date in gbt2025
    assert gbt2025.endswith(address + ".")  # the official 2025 CSL style ends with a period

    gbt2015 = _copy(page, "cite-gbt2015")
    assert re.search(r"\(" + seed.date + r"\)\[\d{4}-\d{2}-\d{2}\]\. " + re.escape(address) + r"\.$", gbt2015)
