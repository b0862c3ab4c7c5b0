"""Editorial pages: content/pages/<slug>.md -> pages/<slug>/index.html in both scripts.

The page title is the first ``# `` heading.  Pages are written in one script
and converted with OpenCC for the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from lawreport.core import pathnames
from lawreport.core.errors import LawreportError
from lawreport.site.markdown_text import read_markdown, to_html
from lawreport.core.script import SCRIPTS, convert, detect

SLUG = pathnames.PAGE_NAME  # with fullmatch, via pathnames.problem


@dataclass
class EditorialPage:
    slug: str
    title: dict[str, str]  # per script
    body: dict[str, Markup]  # per script, without the title heading
    order: int  # pages are listed by this, then by slug


def load_page(path: Path) -> EditorialPage:
    slug = path.stem
    if pathnames.problem("page name", slug):  # pages/<slug>/ is a folder of the site
        raise LawreportError(pathnames.problem("page name", slug), pathnames.shown(path))
    # only a regular file inside content/: a FIFO, a folder or a link to /etc/passwd is refused
    text = read_markdown(path, path.parent.parent, "page")
    order = 100
    m = re.match(r"<!--\s*order:\s*(\d+)\s*-->\s*\n", text)
    if m:
        order, text = int(m.group(1)), text[m.end():]
    heading = re.search(r"^#[ \t]+(.+?)[ \t]*#*[ \t]*$", text, re.M)
    if not heading:
        raise LawreportError("an editorial page needs a title: a first line '# Title'", str(path),
                             1)
    title = heading.group(1)
    body = text[:heading.start()] + text[heading.end():]
    written_in = detect(text)
    return EditorialPage(
        slug=slug,
        title={s: convert(title, written_in, s) for s in SCRIPTS},
        body={s: to_html(convert(body, written_in, s)) for s in SCRIPTS},
        order=order)


def load_pages(paths: list[Path]) -> list[EditorialPage]:
    return sorted((load_page(p) for p in paths), key=lambda p: (p.order, p.slug))
