"""Ways to cite a report or one of its sections, all from one record (``CitationData``).

Every format is made from the same record, so they cannot drift apart:

- the displayed GB/T 7714—2015 and GB/T 7714—2025 strings: exactly what citeproc-js gives from
  this module's CSL-JSON with the official CSL styles ``china-national-standard-gb-t-7714-2015-
  numeric`` and ``…-2025-numeric`` (tests/citations checks every section page). 2015: an online
  report ``[R/OL]``, ``(update date)[access date]``; 2025 (official style): ``. `` separators, a
  final ``.``, and no access date for online items (whether the 2025 edition keeps it is disputed;
  we follow the official style);
- CSL-JSON (Zotero, Mendeley, Pandoc), biblatex BibTeX, RIS (EndNote, NoteExpress).

No ``publisher``/``institution``/``PB``: the issuer is the author, and a publisher sends the GB
styles down their printed-report branch (``地点: 出版者, 年``). The section reaches the reference
manager in the title (``<report title>：<section>``), which every client keeps and every GB style
prints; CSL ``section`` and RIS ``SE`` carry it as a field too.

The access date belongs to the reader and, on a build without ``--base-url``, so does the URL:
pages carry placeholders (``ACCESS_*``, ``HERE``) that ``to_html`` turns into spans the page
script fills in at view time (templates/static/site.js), so the build stays deterministic and the
copied text of every format has both. The per-report downloads have neither placeholder: no
access date, and a URL only when the site has a base URL.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from markupsafe import Markup

# Placeholders (private-use characters: they never occur in a report) the page script fills in.
ACCESS_DATE = "\ue000access\ue000"  # YYYY-MM-DD
ACCESS_DATE_RIS = "\ue000access-ris\ue000"  # YYYY/MM/DD
ACCESS_DATE_CSL = "\ue000access-csl\ue000"  # Y, M, D (CSL-JSON date-parts)
ACCESS_YEAR = "\ue000access-year\ue000"  # YYYY
HERE = "\ue001here\ue001"  # the address of the page being read

_SPANS = {
    ACCESS_DATE: '<span class="access-date">YYYY-MM-DD</span>',
    ACCESS_DATE_RIS: '<span class="access-date" data-date-form="ris">YYYY/MM/DD</span>',
    ACCESS_DATE_CSL: '<span class="access-date" data-date-form="csl">YYYY, MM, DD</span>',
    ACCESS_YEAR: '<span class="access-date" data-date-form="year">YYYY</span>',
    HERE: '<span data-here></span>',
}

GENRE = {"zh-Hans": "法治政府建设情况报告", "zh-Hant": "法治政府建設情況報告"}
TITLE_SEPARATOR = "："  # report title ： section, as GB/T 7714 joins a title and other title information


@dataclass(frozen=True)
class CitationData:
    key: str  # report id, or report id + ":" + section id
    author: str  # the issuing institution, as displayed
    title: str  # the report's title, as displayed
    date: str  # YYYY-MM-DD of the signature, or ""
    url: str | None  # absolute permalink, HERE on a page of a relative build, None: unknown
    language: str  # zh-Hans / zh-Hant
    locator: str = ""  # the section as the report numbers it, e.g. 二、（五）3.深化人民调解工作

    @property
    def full_title(self) -> str:
        """The title reference managers get: the report's, then the section's."""
        return self.title + TITLE_SEPARATOR + self.locator if self.locator else self.title


# -- the displayed GB/T 7714 strings --------------------------------------------------------

def gbt7714_2015(c: CitationData, accessed: str = ACCESS_DATE) -> str:
    text = f"{c.author}. " if c.author else ""
    if not c.url:  # not online: [R] and the year of publication
        return text + f"{c.full_title}[R]" + (f". {c.date[:4]}" if c.date else "") + "."
    text += f"{c.full_title}[R/OL]. "
    return text + (f"({c.date})" if c.date else "") + f"[{accessed}]. {c.url}."


def gbt7714_2025(c: CitationData, accessed: str = ACCESS_DATE) -> str:
    """The official 2025 style prints no access date; an undated online item gets the access
    year in brackets as its estimated year of publication."""
    parts = [c.author] if c.author else []
    parts.append(c.full_title + ("[R/OL]" if c.url else "[R]"))
    if c.date:
        parts.append(c.date)
    elif c.url:
        parts.append("[" + (ACCESS_YEAR if accessed == ACCESS_DATE else accessed[:4]) + "]")
    if c.url:
        parts.append(c.url)
    return ". ".join(parts) + "."


# -- CSL-JSON -------------------------------------------------------------------------------

def _date_parts(iso: str) -> list[list[int]]:
    return [[int(x) for x in iso.split("-")]]


def csl_item(c: CitationData, accessed: str | None = ACCESS_DATE) -> dict:
    """A CSL ``report``; ``accessed``: YYYY-MM-DD, ACCESS_DATE (the page fills it in) or None."""
    item: dict = {"id": c.key, "type": "report", "title": c.full_title}
    if c.author:
        item["author"] = [{"literal": c.author}]
    item["genre"] = GENRE[c.language]
    item["language"] = c.language
    if c.date:
        item["issued"] = {"date-parts": _date_parts(c.date)}
    if c.url:
        item["URL"] = c.url
        if accessed == ACCESS_DATE:
            item["accessed"] = {"date-parts": ACCESS_DATE_CSL}  # replaced by bare numbers below
        elif accessed:
            item["accessed"] = {"date-parts": _date_parts(accessed)}
    if c.locator:
        item["section"] = c.locator
    return item


_PARTS = re.compile(r"\[\s*\[\s*(\d+),\s*(\d+),\s*(\d+)\s*\]\s*\]")


def csl_json(items: list[dict]) -> str:
    text = json.dumps(items, ensure_ascii=False, indent=2)
    text = _PARTS.sub(r"[[\1, \2, \3]]", text)  # a date on one line, as people write it
    return text.replace(f'"{ACCESS_DATE_CSL}"', f"[[{ACCESS_DATE_CSL}]]")


# -- biblatex -------------------------------------------------------------------------------

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                   "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                   "^": r"\textasciicircum{}"}


def _bib(value: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in value)


def bibtex(c: CitationData, accessed: str | None = ACCESS_DATE) -> str:
    """A biblatex ``@report``. ``language = {chinese}``: biblatex-gb7714-2015 tells Chinese entries
    by their characters or by this field; ``langid`` takes babel/polyglossia names, and neither
    has a ``chinese`` (Zotero writes ``pinyin``), so none is given."""
    fields = []
    if c.author:
        fields.append(("author", "{" + _bib(c.author) + "}"))  # double braces: an institution
    fields += [("title", _bib(c.full_title)), ("type", _bib(GENRE[c.language]))]
    if c.date:
        fields.append(("date", c.date))
    if c.url:
        fields.append(("url", c.url))  # a verbatim field: no escaping
        if accessed:
            fields.append(("urldate", accessed))
    fields.append(("language", "chinese"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@report{{{c.key},\n{body}\n}}"


# -- RIS ------------------------------------------------------------------------------------

def ris(c: CitationData, accessed: str | None = ACCESS_DATE) -> str:
    """A RIS ``RPRT`` record (EndNote, NoteExpress, Zotero). No PB: see the module note."""
    lines = [("TY", "RPRT")]
    if c.author:
        lines.append(("AU", c.author))
    lines += [("TI", c.full_title), ("M3", GENRE[c.language])]
    if c.locator:
        lines.append(("SE", c.locator))
    if c.date:
        lines += [("PY", c.date[:4]), ("DA", c.date.replace("-", "/"))]
    if c.url:
        lines.append(("UR", c.url))
        if accessed == ACCESS_DATE:
            lines.append(("Y2", ACCESS_DATE_RIS))
        elif accessed:
            lines.append(("Y2", accessed.replace("-", "/")))
    lines += [("LA", c.language), ("ID", c.key), ("ER", "")]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


# -- pages ----------------------------------------------------------------------------------

def to_html(text: str) -> Markup:
    """Text of one format as HTML: escaped, placeholders as the spans site.js fills in."""
    out = html.escape(text, quote=False)  # element text: quotes stay readable in the JSON
    for token, span in _SPANS.items():
        out = out.replace(token, span)
    return Markup(out)
