"""Stage 0, extract: a report as published (web page, .docx, PDF, text) -> its plain text.

``extract(data)`` recognises the form by the bytes (``sniff``), runs the form's extractor and
returns the text for the parse stage, the metadata the page or file carries (title, issuer, date,
URL), and what was dropped as page chrome.  The parse stage never imports this package: the CLI
and ``lawreport add`` call extract, then parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import metadata as _dist

from lawreport.extract.sniff import sniff

MAX_ORIGINAL = 64 * 1024 * 1024  # a .docx or PDF with scanned seals is large; 64 MB is none of ours


@dataclass
class Extracted:
    text: str | None  # None for the text form: the parse stage decodes the bytes itself
    metadata: dict = field(default_factory=dict)  # title, issuer, date, published, url…
    dropped_chrome: list[str] = field(default_factory=list)
    extractor: str = ""  # "text", "lawreport-container:TRS_Editor", "readability-lxml", "python-docx"…
    extractor_version: str = ""
    form: str = "text"  # text, html, docx, pdf
    encoding: str = ""  # of a web page


def version(dist: str) -> str:
    try:
        return _dist.version(dist)
    except _dist.PackageNotFoundError:
        return "unknown"


def extract(data: bytes, path: str, charset: str | None = None, url: str | None = None) -> Extracted:
    """The report inside ``data`` (``path`` names it in errors; ``charset``: an HTTP response's)."""
    form = sniff(data)
    if form == "html":
        from lawreport.extract.html import extract_html

        page = extract_html(data, path, charset, url)
        if page.method == "readability":
            name, ver = "readability-lxml", version("readability-lxml")
        else:
            name, ver = f"lawreport-container:{page.method}", version("lxml")
        return Extracted(page.text, page.metadata, page.dropped, name, ver, form, page.encoding)
    if form == "docx":
        from lawreport.extract.docx import extract_docx

        text, meta = extract_docx(data, path)
        return Extracted(text, meta, [], "python-docx", version("python-docx"), form)
    if form == "pdf":
        from lawreport.extract.pdf import extract_pdf

        text, meta, dropped = extract_pdf(data, path)
        return Extracted(text, meta, dropped, "pdfminer.six", version("pdfminer.six"), form)
    return Extracted(None, {"url": url} if url else {}, [], "text", version("lawreport"), form)


__all__ = ["Extracted", "extract", "sniff", "MAX_ORIGINAL"]
