"""A report as published -> extract -> parse: what `lawreport parse` and `lawreport add` share.

The original (a file, or a URL's response) is kept as bytes; the extract stage turns it into the
report's text and page metadata; the parse stage reads that text, taking from the metadata only
what the text does not say.  Provenance records where the text came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lawreport.core import safefile
from lawreport.extract import MAX_ORIGINAL, Extracted, extract
from lawreport.extract.fetch import fetch, is_url
from lawreport.parse import ParseResult, parse_text

ORIGINAL_NAMES = {"html": "original.html", "docx": "original.docx", "pdf": "original.pdf"}


@dataclass
class Original:
    data: bytes
    name: str  # file name, or the URL's last path segment
    url: str | None = None
    charset: str | None = None  # from the HTTP response
    retrieved: str = ""  # UTC, ISO 8601

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Ingested:
    original: Original
    extracted: Extracted
    result: ParseResult
    text: bytes  # the report's text as parsed: source.txt

    @property
    def original_file(self) -> str | None:
        """File name the original is kept under beside source.txt (None: source.txt is the original)."""
        return ORIGINAL_NAMES.get(self.extracted.form)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def read_original(source: str) -> Original:
    if is_url(source):
        fetched = fetch(source)
        name = Path(urlsplit(fetched.url).path).name or "index.html"
        return Original(fetched.data, name, fetched.url, fetched.charset, _now())
    data = safefile.read_bytes(source, MAX_ORIGINAL, "report file")
    return Original(data, Path(source).name, None, None, _now())


def ingest(original: Original, label: str, report_id: str, text_name: str | None = None) -> Ingested:
    """Extract and parse; ``label`` names the input in errors and diagnostics."""
    extracted = extract(original.data, label, original.charset, original.url)
    if extracted.form == "text":
        text = original.data
        result = parse_text(text, label, report_id, text_name or original.name,
                            hints=extracted.metadata)
    else:
        text = extracted.text.encode("utf-8")
        result = parse_text(text, label, report_id, text_name or "source.txt", hints=extracted.metadata)
    return Ingested(original, extracted, result, text)


def provenance(item: Ingested, kept_as: str | None = None, chrome_file: str | None = None) -> dict:
    """Where the report's text came from, for report.yaml."""
    ex = item.extracted
    out: dict = {"url": item.original.url} if item.original.url else {"file": item.original.name}
    out["sha256"] = item.original.sha256
    if kept_as:
        out["original"] = kept_as
    out["retrieved"] = item.original.retrieved
    out["form"] = ex.form
    if ex.encoding:
        out["encoding"] = ex.encoding
    out["extractor"] = ex.extractor
    out["extractor_version"] = ex.extractor_version
    page = {k: v for k, v in ex.metadata.items() if k != "url" and v}
    if page:
        out["page"] = page
    if ex.dropped_chrome:
        out["dropped_chrome_lines"] = len(ex.dropped_chrome)
        if chrome_file:
            out["chrome_file"] = chrome_file
    return out
