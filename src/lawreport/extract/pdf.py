"""A PDF with a text layer -> the report's text, paragraphs joined back together.

pdfminer.six gives positioned lines.  Page numbers ("- 3 -", "第3页 共9页") and running headers or
footers (the same line at the top or bottom of most pages) are dropped and listed.  A line joins
the one before it unless it is indented (a new paragraph, as Chinese official documents indent by
two characters) or the line before it stopped short of the right margin (a paragraph's last line,
a heading).  A PDF without a text layer (a scan) is refused: there is no OCR here.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from lawreport.core.errors import LawreportError

_PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$"
                          r"|^\d+\s*/\s*\d+$|^-\s*\d+\s*-$")
_EDGE = 2  # lines at the top and at the bottom of a page that may be running headers/footers


@dataclass
class _Line:
    x0: float  # of the first visible character
    x1: float
    top: float
    height: float
    text: str
    first_width: float = 0.0  # width of the first visible character
    edge: bool = False  # in the top or bottom margin band of the page


def extract_pdf(data: bytes, path: str) -> tuple[str, dict, list[str]]:
    pages = _read_pages(data, path)
    if sum(len(re.sub(r"\s", "", line.text)) for page in pages for line in page) < 20:
        raise LawreportError("this PDF has no text layer (a scanned image?): lawreport does not do OCR; "
                             "get the report as a web page, .docx or a PDF with text", path)
    dropped: list[str] = []
    running = _running_lines(pages)
    body = statistics.median(ln.height for page in pages for ln in page)
    body_pages = []
    for page in pages:
        kept = []
        for line in page:
            # page furniture: a page number, a line repeated at the edge of most pages, or small
            # print in the top or bottom margin (a header on a one-page document)
            small_edge = line.edge and line.height < 0.8 * body
            if _PAGE_NUMBER.match(line.text) or _shape(line.text) in running or small_edge:
                dropped.append(line.text)
            else:
                kept.append(line)
        body_pages.append(kept)
    return _join(body_pages), {}, dropped


def _read_pages(data: bytes, path: str) -> list[list[_Line]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine

    pages: list[list[_Line]] = []
    try:
        for layout in extract_pages(io.BytesIO(data), laparams=LAParams()):
            lines = []
            for box in layout:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    if isinstance(line, LTTextLine) and line.get_text().strip():
                        # the line's box starts at its leading spaces (an indent of two 　): where
                        # its first visible character stands is what tells an indent
                        first = next((ch for ch in line if isinstance(ch, LTChar) and ch.get_text().strip()),
                                     None)
                        band = layout.height * 0.1
                        lines.append(_Line(first.x0 if first else line.x0, line.x1, line.y1, line.height,
                                           line.get_text().strip(), first.width if first else line.height,
                                           line.y0 > layout.height - band or line.y1 < band))
            lines.sort(key=lambda ln: (-round(ln.top), ln.x0))
            pages.append(lines)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds for damaged or locked files
        reason = "it is password-protected" if "password" in str(exc).lower() else type(exc).__name__
        raise LawreportError(f"cannot read this PDF ({reason})", path) from None
    return pages


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s", "", text))


def _running_lines(pages: list[list[_Line]]) -> set[str]:
    """Lines at a page edge that recur on at least half the pages (two at least)."""
    if len(pages) < 2:
        return set()
    counts: Counter = Counter()
    for page in pages:
        counts.update({_shape(ln.text) for ln in page[:_EDGE] + page[-_EDGE:]})
    return {shape for shape, n in counts.items() if n >= max(2, len(pages) / 2) and len(shape) <= 40}


def _join(pages: list[list[_Line]]) -> str:
    lines = [ln for page in pages for ln in page]
    if not lines:
        return ""
    char = statistics.median(ln.height for ln in lines) or 10.0
    body = [ln for ln in lines if abs(ln.height - char) <= 0.2 * char] or lines  # not the title's
    left = min(ln.x0 for ln in body)
    right = max(ln.x1 for ln in body)
    paragraphs: list[str] = []
    prev: _Line | None = None
    for line in lines:
        indented = line.x0 > left + 0.8 * char
        # a line broken because it was full leaves less room than this line's first character
        # (plus one character: the rule that no line may start with 。，moves one down); a line
        # that stopped with more room ended its paragraph (a paragraph's last line, a heading)
        ended = prev is not None and right - prev.x1 > line.first_width + 1.1 * char
        resized = prev is not None and abs(line.height - prev.height) > 0.2 * char  # title to text
        if prev is None or indented or ended or resized:
            paragraphs.append(line.text)
        else:
            paragraphs[-1] += line.text
        prev = line
    return "\n".join(paragraphs)
