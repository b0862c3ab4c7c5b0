"""Every citation format a reader copies carries the page's own address and the reader's access
date, on a build without --base-url, read over http and from file:// (the page script fills both
in at view time). The copied BibTeX and RIS are read back with bibtexparser and rispy."""

from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy

from lawreport.core import urls
from lawreport.core.script import HANS, HANT

FORMATS = ("cite-permalink", "cite-gbt2025", "cite-gbt2015", "cite-bibtex", "cite-csl", "cite-ris")


def _copy(page, source_id: str) -> str:
    page.evaluate("navigator.clipboard.writeText('')")
    page.evaluate("document.querySelector('.copy-status').textContent = ''")
    page.locator(f"button[data-copy={source_id}]").click()
    page.wait_for_function("document.querySelector('.copy-status').textContent !== ''")
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("script", [HANS, HANT])
def test_copied_formats_carry_the_page_address_and_todays_date(page, origin, seed, search_target, script):
    for path in (urls.report(seed.id), urls.section(seed.id, search_target[1])):
        address = origin.url(path, script)
        page.goto(address)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        today = page.evaluate("(() => { const d = new Date(), p = n => String(n).padStart(2, '0');"
                              " return [String(d.getFullYear()), p(d.getMonth() + 1), p(d.getDate())]; })()")
        iso = "-".join(today)
        copied = {f: _copy(page, f) for f in FORMATS}

        assert copied["cite-permalink"] == address
        for name, text in copied.items():
            assert address in text, name
        assert copied["cite-gbt2025"].endswith(f". {address}.")
        assert copied["cite-gbt2015"].endswith(f"[{iso}]. {address}.")

        [item] = json.loads(copied["cite-csl"])
        assert item["URL"] == address
        assert item["accessed"] == {"date-parts": [[int(x) for x in today]]}

        [entry] = bibtexparser.parse_string(copied["cite-bibtex"]).entries
        assert entry["url"] == address and entry["urldate"] == iso

        assert copied["cite-ris"].endswith("ER  - ")  # the record's closing tag, space and all
        [record] = rispy.loads(copied["cite-ris"])
        assert record["urls"] == [address] and record["access_date"] == "/".join(today)
        assert record["title"] == item["title"] == entry["title"]
