"""Reading a built page's cite panel the way a reader gets it: the page script's placeholders
(access date, page address) filled in as templates/static/site.js fills them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

FORMATS = ("permalink", "gbt2015", "gbt2025", "bibtex", "csl", "ris")


def date_forms(day: dt.date) -> dict[str, str]:
    """site.js's forms of the access date, by the span's data-date-form."""
    return {"iso": day.isoformat(), "ris": day.strftime("%Y/%m/%d"),
            "csl": f"{day.year}, {day.month}, {day.day}", "year": str(day.year)}


@dataclass
class CitePanel:
    texts: dict[str, str]  # format -> copied text
    meta: dict[str, list[str]]  # <meta name> -> contents
    lang: str


def read_panel(page: Path, address: str, day: dt.date) -> CitePanel:
    tree = lxml_html.fromstring(page.read_bytes())
    forms = date_forms(day)
    for span in tree.xpath('//*[contains(concat(" ", @class, " "), " access-date ")]'):
        span.text = forms[span.get("data-date-form") or "iso"]
    for span in tree.xpath("//*[@data-here]"):
        span.text = address
    for el in tree.xpath("//*[@data-resolve]"):
        el.text = address
    texts = {}
    for name in FORMATS:
        [el] = tree.xpath(f'//*[@id="cite-{name}"]')
        texts[name] = el.text_content().lstrip().rstrip("\r\n")  # as the copy button takes it
    meta: dict[str, list[str]] = {}
    for m in tree.xpath("//head/meta[@name]"):
        meta.setdefault(m.get("name"), []).append(m.get("content"))
    return CitePanel(texts, meta, tree.get("lang"))
