"""HTML bytes -> a tree, and an element -> its text with the page's line breaks.

Government pages come in GB2312/GBK (often undeclared), Big5, UTF-8; text pasted from Word brings
split <span>s, <o:p> and &nbsp;.  The walker puts a line break at every block element and <br> and
joins inline runs, so a heading stays on its own line whatever markup wraps it.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree
from lxml import html as lxml_html

from lawreport.core.errors import LawreportError

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,30})""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# the superset each legacy name is read as: pages declare gb2312 and use GBK characters
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
             "big5": "big5hkscs", "cp936": "gb18030", "euc-cn": "gb18030"}
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr",
         "table", "tbody", "thead", "section", "article", "blockquote", "center", "form", "header",
         "footer", "nav", "pre", "hr", "address", "main", "aside", "figure", "figcaption", "caption",
         "title", "body", "html", "menu", "fieldset", "legend", "details", "summary"}
CELL = {"td", "th"}
SKIP = {"script", "style", "noscript", "template", "head", "iframe", "object", "embed", "select",
        "option", "svg", "canvas", "map", "input", "textarea", "button"}
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_NEWLINE_RUN = "\x00"  # a line break in the HTML source: not a break of the page's text


def decode_html(data: bytes, declared: str | None, path: str) -> tuple[str, str]:
    """(text, encoding): BOM, then the HTTP charset, then <meta charset>, then UTF-8, then detection."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="strict"), name
    meta = _META_CHARSET.search(data[:8192])
    for name in (declared, meta.group(1).decode("ascii") if meta else None, "utf-8"):
        if not name:
            continue
        name = _SUPERSET.get(name.lower(), name.lower())
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5hkscs", "utf_8", "utf_16", "cp1252"]).best()
    if best is None:
        raise LawreportError("cannot tell this web page's encoding (not UTF-8, GBK/GB18030 or Big5)", path)
    name = _SUPERSET.get(best.encoding.lower(), best.encoding)
    return data.decode(name, errors="strict"), name


def parse_tree(text: str, path: str):
    text = _XML_DECL.sub("", text, count=1)
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise LawreportError(f"cannot read this web page's HTML: {exc}", path) from None


def element_text(element) -> str:
    """The text of an element, one line per block or <br>, whitespace of the HTML source folded."""
    out: list[str] = []
    _walk(element, out)
    raw = "".join(out)
    # a source line break between two CJK characters is no space; elsewhere it is one
    raw = re.sub(r"(?<=[^\x00-\x7f])\x00+(?=[^\x00-\x7f])", "", raw)
    raw = raw.replace(_NEWLINE_RUN, " ")
    lines = []
    for line in raw.split("\n"):
        line = re.sub(r"[ \t\xa0\u2002\u2003\u200b\ufeff]+", lambda m: "\t" if "\t" in m.group() else " ",
                      line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _walk(el, out: list[str]) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else None
    if tag is None or tag in SKIP or _HIDDEN.search(el.get("style") or ""):
        if el.tail:  # a comment or a skipped element: its tail is still page text
            out.append(_fold(el.tail))
        return
    block = tag in BLOCK
    if block or tag == "br":
        out.append("\n")
    if el.text:
        out.append(_fold(el.text))
    for child in el:
        _walk(child, out)
    if block:
        out.append("\n")
    elif tag in CELL:
        out.append("\t")
    if el.tail:
        out.append(_fold(el.tail))


def _fold(text: str) -> str:
    return re.sub(r"[ \t]*[\r\n][\s]*", _NEWLINE_RUN, text)
