"""Markdown written by editors (notes, editorial pages) to safe HTML.

Editors write Markdown, not HTML: raw HTML typed into a note is shown as text, never run.  What
python-markdown makes of the rest goes through nh3 (the binding of Rust's ammonia sanitiser), which
keeps only the tags Markdown produces and only http, https, mailto and relative URLs, judged after
entity decoding: ``javascript:`` in any case or spelling, ``data:`` and ``vbscript:`` links lose their
href.  The site makes no outside request, so an image from another host becomes a plain link to it
(its alt text as the link text); images inside the site stay.  Notes and pages are read only as
regular files inside content/.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from pathlib import Path

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from lawreport.core import pathnames

from lawreport.core import safefile
from lawreport.core.errors import LawreportError

MAX_BYTES = safefile.MB  # a note or page is a few KB; anything this big is not one

_TAGS = {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
         "pre", "code", "em", "strong", "a", "img", "table", "thead", "tbody", "tr", "th", "td"}
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    clean_content_tags={"script", "style"},
    attributes={"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"},
                "th": {"style"}, "td": {"style"}},  # style: the table extension's text-align
    filter_style_properties={"text-align"},
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer",
)
# What a browser drops from a URL before reading it (so "ht\ttp:" is "http:").
_URL_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))  # stripped from a URL's start by browsers too


def is_outside(url: str) -> bool:
    """A URL the browser would fetch from somewhere other than this site (or a data: URL)."""
    url = _URL_IGNORED.sub("", html.unescape(url)).lstrip(_C0_AND_SPACE)
    return bool(_SCHEME.match(url)) or url[:2].replace("\\", "/") == "//"


class _OutsideImagesToLinks(Treeprocessor):
    """``![alt](https://host/x.png)`` -> ``<a href="https://host/x.png">alt</a>``."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for i, child in enumerate(list(parent)):
                if child.tag == "img" and is_outside(child.get("src", "")):
                    link = etree.Element("a", {"href": child.get("src", "")})
                    link.text = child.get("alt") or child.get("src", "")
                    link.tail = child.tail
                    parent[i] = link


def to_html(text: str) -> Markup:
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")  # block HTML becomes ordinary (escaped) text
    md.inlinePatterns.deregister("html")  # inline tags too
    md.treeprocessors.register(_OutsideImagesToLinks(md), "outside_images", 5)  # after inline (20)
    return Markup(_CLEANER.clean(md.convert(text)))


def read_markdown(path: Path, content_root: Path, what: str) -> str:
    """The text of a note or page: a regular file whose real path is inside content/.

    A symlink to /etc/passwd would otherwise be published on the site.
    """
    try:
        real, root = Path(path).resolve(), Path(content_root).resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise LawreportError(f"cannot read: {exc}", str(path)) from None
    if not real.is_relative_to(root):
        raise LawreportError(f"refused: this {what} is a link to {real}, outside the content folder "
                             f"{root}; copy the file in instead", pathnames.shown(path))
    return safefile.read_text(path, MAX_BYTES, what)
