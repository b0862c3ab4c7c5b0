"""Ways to cite a report or one of its sections.

GB/T 7714—2015 (a report on line is ``[R/OL]``; the update date in round
brackets and the access date in square brackets follow the title, e.g. the
standard's appendix example
``中华人民共和国国务院新闻办公室. 国防白皮书: 中国武装力量的多样化运用[R/OL]. (2013-04-16)[2014-06-24]. http://….``).
The access date belongs to the reader, so it is left to the browser: the
build stays deterministic.

GB/T 7714—2025 (in force since 2026-07-01): Chinese references may use
full-width punctuation, the access date is no longer required, and the
publication date stands without brackets.

BibTeX ``@techreport`` and CSL-JSON ``report`` for reference managers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

ACCESS_DATE = "\x00access-date\x00"  # stands where the browser writes today's date
GENRE = {"zh-Hans": "法治政府建设情况报告", "zh-Hant": "法治政府建設情況報告"}


@dataclass(frozen=True)
class CitationData:
    key: str  # report id, or report id + ":" + section id
    author: str  # the issuing institution, as displayed
    title: str  # the report's title, as displayed
    date: str  # YYYY-MM-DD of the signature, or ""
    url: str | None  # absolute permalink, or None when the site has no base URL
    language: str  # zh-Hans / zh-Hant
    locator: str = ""  # the section as the report numbers it, e.g. 二、（五）3. 推进……


def gbt7714_2025(c: CitationData) -> str:
    parts = []
    if c.author:
        parts.append(f"{c.author}．")
    parts.append(f"{c.title}[R/OL]．")
    if c.date:
        parts.append(f"{c.date}．")
    if c.url:
        parts.append(c.url)
    return "".join(parts)


def gbt7714_2015(c: CitationData, accessed: str = ACCESS_DATE) -> str:
    text = f"{c.author}. " if c.author else ""
    text += f"{c.title}[R/OL]. "
    if c.date:
        text += f"({c.date})"
    text += f"[{accessed}]."
    if c.url:
        text += f" {c.url}."
    return text


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                   "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                   "^": r"\textasciicircum{}"}


def _bib(value: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in value)


def bibtex(c: CitationData) -> str:
    fields = [("author", "{" + _bib(c.author) + "}"),  # double braces: an institution, not a person
              ("title", _bib(c.title)),
              ("institution", _bib(c.author)),
              ("type", _bib(GENRE[c.language]))]
    if c.date:
        fields += [("year", c.date[:4]), ("date", c.date)]
    if c.url:
        fields.append(("url", c.url))
    if c.locator:
        fields.append(("note", _bib(c.locator)))
    fields.append(("langid", "chinese"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@techreport{{{c.key},\n{body}\n}}"


def csl_json(c: CitationData) -> str:
    item: dict = {"id": c.key, "type": "report", "title": c.title,
                  "author": [{"literal": c.author}] if c.author else [],
                  "publisher": c.author, "genre": GENRE[c.language], "language": c.language}
    if c.date:
        y, m, d = (int(x) for x in c.date.split("-"))
        item["issued"] = {"date-parts": [[y, m, d]]}
    if c.url:
        item["URL"] = c.url
    if c.locator:
        item["section"] = c.locator
    return json.dumps([item], ensure_ascii=False, indent=2)
