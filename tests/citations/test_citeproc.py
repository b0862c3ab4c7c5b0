"""Every section page's citations, in both scripts, against the real processors: citeproc-js with
the official GB/T 7714 numeric styles must print exactly the page's GB/T strings from the page's
own CSL-JSON; bibtexparser and rispy must read the BibTeX and RIS with the section, URL and
access date. Built relative (the page script fills in the address) and with a base URL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import bibtexparser
import pytest
import rispy

from citations.cite_page import CitePanel, read_panel
from citations.conftest import BASE_URL, LOCALES
from lawreport.content import store
from lawreport.core import urls
from lawreport.core.script import SCRIPTS

DAY = dt.date(2026, 12, 2)  # the access date a reader's browser would write
SERVED = "http://127.0.0.1:8000/"  # where a relative build is read from (location.href)


def _reports(site: Path):
    return [store.load(p) for p in sorted((site.parent / "content" / "reports").glob("*/report.yaml"))]


def _panels(site: Path, base_url: str | None) -> dict[str, list[tuple[str, object, CitePanel]]]:
    """script -> (address, section or None for the overview, panel) for every citable page."""
    out: dict[str, list] = {s: [] for s in SCRIPTS}
    for report in _reports(site):
        pages = [(urls.report(report.id), None)] + [(urls.section(report.id, s.id), s) for s in report.walk()]
        for path, section in pages:
            for script in SCRIPTS:
                rel = urls.in_script(path, script)
                address = urls.absolute(base_url, rel) if base_url else SERVED + rel
                out[script].append((address, section, read_panel(site / rel, address, DAY)))
    return out


@pytest.fixture(scope="module", params=["relative", "base-url"])
def built(request, relative_site, based_site):
    if request.param == "relative":
        return relative_site, _panels(relative_site, None)
    return based_site, _panels(based_site, BASE_URL)


@pytest.mark.parametrize("edition", ["2015", "2025"])
def test_citeproc_prints_exactly_the_pages_gbt_strings(built, citeproc, edition):
    _, panels = built
    for script in SCRIPTS:
        items = [json.loads(p.texts["csl"])[0] for _, _, p in panels[script]]
        printed = citeproc.bibliography(edition, LOCALES[script], items)
        assert len(printed) == len(items) > 1
        for (address, _, panel), out in zip(panels[script], printed):
            assert out == panel.texts[f"gbt{edition}"], (script, address)


def test_every_format_carries_the_section_the_url_and_the_access_date(built):
    _, panels = built
    for script in SCRIPTS:
        for address, section, panel in panels[script]:
            assert panel.texts["permalink"] == address
            [csl] = json.loads(panel.texts["csl"])
            assert csl["URL"] == address and csl["accessed"] == {"date-parts": [[DAY.year, DAY.month, DAY.day]]}
            assert "publisher" not in csl  # it would send the GB styles down the printed-report branch
            assert csl["type"] == "report" and csl["language"] == script
            assert address in panel.texts["gbt2015"] and address in panel.texts["gbt2025"]
            assert f"[{DAY.isoformat()}]" in panel.texts["gbt2015"]
            assert DAY.isoformat() not in panel.texts["gbt2025"]  # the official 2025 style drops it

            library = bibtexparser.parse_string(panel.texts["bibtex"])
            assert not library.failed_blocks
            [bib] = library.entries
            assert bib.entry_type == "report"
            assert bib["url"] == address and bib["urldate"] == DAY.isoformat()
            assert "institution" not in bib.fields_dict and "publisher" not in bib.fields_dict

            [ris] = rispy.loads(panel.texts["ris"])
            assert ris["type_of_reference"] == "RPRT"
            assert ris["urls"] == [address] and ris["access_date"] == DAY.strftime("%Y/%m/%d")
            assert ris["language"] == script and "publisher" not in ris

            titles = {csl["title"], bib["title"], ris["title"], panel.meta["citation_title"][0]}
            assert len(titles) == 1, titles  # one record: the same title everywhere
            if section is None:
                assert "section" not in csl and "section" not in ris
                continue
            locator = csl["section"]
            assert ris["section"] == locator and csl["title"].endswith("：" + locator)
            assert csl["title"] + "[R/OL]" in panel.texts["gbt2025"] and locator in panel.texts["gbt2015"]


def test_meta_tags_make_a_zotero_report_item_named_after_the_section(built):
    _, panels = built
    for script in SCRIPTS:
        for address, section, panel in panels[script]:
            meta = panel.meta
            assert meta["DC.type"] == ["report"]  # Zotero's RDF type detection: a report item
            assert meta["citation_title"] == meta["DC.title"]
            # Zotero maps an institution to CSL's publisher: not given
            assert "citation_technical_report_institution" not in meta and "citation_publisher" not in meta
            if section is not None:
                assert meta["citation_title"][0].endswith(json.loads(panel.texts["csl"])[0]["section"])


def test_per_report_downloads_hold_every_section(built, citeproc):
    site, panels = built
    based = panels[SCRIPTS[0]][0][0].startswith(BASE_URL)
    for report in _reports(site):
        overview = (site / urls.report(report.id)).read_text(encoding="utf-8")
        for name in ("citations.ris", "citations.json"):
            assert f'href="{name}"' in overview  # listed among the overview's downloads
        records = rispy.loads((site / urls.download(report.id, "citations.ris")).read_text(encoding="utf-8"))
        items = json.loads((site / urls.download(report.id, "citations.json")).read_text(encoding="utf-8"))
        sections = list(report.walk())
        assert [r["id"] for r in records] == [i["id"] for i in items] == \
            [report.id] + [f"{report.id}:{s.id}" for s in sections]
        # in the report's own script, so the same as that script's pages
        pages = {json.loads(p.texts["csl"])[0]["id"]: p for _, _, p in panels[report.script]}
        for record, item in zip(records, items):
            page = pages[item["id"]]
            assert item["title"] == record["title"] == json.loads(page.texts["csl"])[0]["title"]
            assert "accessed" not in item and "access_date" not in record  # a file has no reader
            if based:
                assert item["URL"] == record["urls"][0] == page.texts["permalink"]
            else:
                assert "URL" not in item and "urls" not in record  # no address to give
        if based:  # an online item without access date: the 2025 string is the page's
            printed = citeproc.bibliography("2025", LOCALES[report.script], items)
            assert printed == [pages[i["id"]].texts["gbt2025"] for i in items]
