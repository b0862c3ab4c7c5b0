"""A government web page -> the report's text, the page's metadata and the chrome left out.

The article is looked for first in the containers Chinese government CMSs put it in (TRS
``TRS_Editor``/``TRS_UEDITOR``, Hanweb ``zoom``, WeChat ``js_content``, the UCAP and gov.cn
content divs): where one is there, it is the article, exactly.  Any other page goes to
readability-lxml, the general main-content extractor (chosen over trafilatura on our fixtures: on
old table layouts trafilatura returns the whole page table, menus and footer included; see
bench/extract_compare.py and BENCHMARKS.md).  Everything of the page's text that is not in the
article is returned as dropped chrome, so an editor can see what was left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawreport.core.errors import LawreportError
from lawreport.extract.htmltext import decode_html, element_text, parse_tree
from lawreport.extract.pagemeta import page_metadata

_VISIBILITY_HIDDEN = re.compile(r"visibility\s*:\s*hidden\s*;?", re.I)
MIN_ARTICLE = 60  # characters: less than this is no report (a page of links, a notice)


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# (name, XPath) in order of trust; the first that holds an article wins
CONTAINERS = [
    ("TRS_Editor", f"//*[{_has_class('TRS_Editor')} or {_has_class('TRS_UEDITOR')}]"),
    ("js_content", "//*[@id='js_content']"),
    ("zoom", f"//*[@id='zoom' or @id='Zoom' or @id='ZOOM' or {_has_class('zoom')}]"),
    ("UCAP-CONTENT", "//*[@id='UCAP-CONTENT']"),
    ("pages_content", f"//*[@id='pages_content' or {_has_class('pages_content')}]"),
]


@dataclass
class HtmlArticle:
    text: str
    metadata: dict
    dropped: list[str] = field(default_factory=list)
    method: str = ""  # container name, or "readability"
    encoding: str = ""


def extract_html(data: bytes, path: str, declared_charset: str | None = None,
                 url: str | None = None) -> HtmlArticle:
    text, encoding = decode_html(data, declared_charset, path)
    tree = parse_tree(text, path)
    metadata = page_metadata(tree, url)
    article, method = _container_text(tree)
    if article is None:
        article, method = library_text(text), "readability"
    if len(re.sub(r"\s", "", article)) < MIN_ARTICLE:
        raise LawreportError("no article in this web page (only menus, links or a short notice): "
                             "save the page the report itself is on", path)
    body = tree.find("body")
    page_lines = element_text(body if body is not None else tree).split("\n")
    return HtmlArticle(article, metadata, _dropped(page_lines, article), method, encoding)


def _container_text(tree) -> tuple[str | None, str]:
    for name, xpath in CONTAINERS:
        texts = [element_text(el) for el in tree.xpath(xpath)]
        texts = [t for t in texts if len(re.sub(r"\s", "", t)) >= MIN_ARTICLE]
        if texts:
            return max(texts, key=len), name  # nested containers: the outermost holds them all
    return None, ""


def library_text(html_text: str) -> str:
    """readability-lxml's main content, as text with the page's line breaks."""
    from readability import Document

    # a WeChat-style page hides its article until a script shows it; readability skips hidden text
    html_text = _VISIBILITY_HIDDEN.sub("", html_text)
    try:
        summary = Document(html_text).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - readability raises on pages with no body; that is "no article"
        return ""
    return element_text(parse_tree(f"<html><body>{summary}</body></html>", "readability"))


def _dropped(page_lines: list[str], article: str) -> list[str]:
    """Lines of the page that are not part of the article, in page order."""
    kept = {re.sub(r"\s", "", line) for line in article.split("\n")}
    squashed_article = re.sub(r"\s", "", article)
    out = []
    for line in page_lines:
        key = re.sub(r"\s", "", line)
        if key and key not in kept and not (len(key) >= 20 and key in squashed_article):
            out.append(line)
    return out
