"""The report's own words as HTML: the ONE place stored text becomes displayed text.

Every page that shows report text goes through ``display`` (short strings:
titles, numbers) or ``paragraphs_html`` (bodies), so script conversion,
punctuation normalisation and escaping are the same everywhere.

Inline marks (figures found by the analysis stage) are wrapped here: a metric
with integer ``start``/``end`` offsets into ``section.text`` (the stored body)
becomes ``<span class="figure">``.  Text is converted piece by piece between
marks so the offsets into the stored text stay valid in either script.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from lawreport.model import Section
from lawreport.render.display import display_text
from lawreport.script import convert


def display(text: str, source_script: str, script: str) -> str:
    """A stored string as a reader of ``script`` sees it (still plain text: escape it)."""
    return display_text(convert(text, source_script, script))


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css_class: str
    title: str = ""


def inline_marks(section: Section) -> list[Mark]:
    """Spans of ``section.text`` to highlight; overlapping or invalid spans are skipped."""
    marks: list[Mark] = []
    for metric in section.metrics:
        start, end = metric.get("start"), metric.get("end")
        if metric.get("hidden") or not isinstance(start, int) or not isinstance(end, int):
            continue
        if not 0 <= start < end <= len(section.text):
            continue
        title = " ".join(str(metric[k]) for k in ("label",) if metric.get(k))
        marks.append(Mark(start, end, "figure", title))
    marks.sort(key=lambda m: (m.start, m.end))
    kept: list[Mark] = []
    for mark in marks:
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    return kept


def _paragraph_html(text: str, offset: int, marks: list[Mark], source_script: str, script: str) -> str:
    out, pos = [], 0
    for mark in marks:
        start, end = mark.start - offset, mark.end - offset
        if end <= 0 or start >= len(text) or start < pos:
            continue
        out.append(str(escape(display(text[pos:start], source_script, script))))
        attrs = f' class="{mark.css_class}"'
        if mark.title:
            attrs += f' title="{escape(display(mark.title, source_script, script))}"'
        out.append(f"<span{attrs}>{escape(display(text[start:min(end, len(text))], source_script, script))}</span>")
        pos = min(end, len(text))
    out.append(str(escape(display(text[pos:], source_script, script))))
    return "".join(out)


def paragraphs_html(section: Section, script: str, source_script: str) -> Markup:
    """The section's own body (not its children) as <p> elements, escaped."""
    if not section.text:
        return Markup("")
    marks = inline_marks(section)
    parts, offset = [], 0
    for line in section.text.split("\n"):
        if line.strip():
            parts.append(f"<p>{_paragraph_html(line, offset, marks, source_script, script)}</p>")
        offset += len(line) + 1
    return Markup("\n".join(parts))


def lines_html(text: str, script: str, source_script: str) -> Markup:
    """Free text outside sections (preamble): one <p> per stored line."""
    return Markup("\n".join(f"<p>{escape(display(line, source_script, script))}</p>"
                            for line in text.split("\n") if line.strip()))
