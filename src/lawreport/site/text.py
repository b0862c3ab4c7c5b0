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

from lawreport.analyse import callouts
from lawreport.analyse.metrics import Metric
from lawreport.core.model import Section
from lawreport.core import urls
from lawreport.core.script import convert
from lawreport.site.display import display_text


def display(text: str, source_script: str, script: str) -> str:
    """A stored string as a reader of ``script`` sees it (still plain text: escape it)."""
    return display_text(convert(text, source_script, script))


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css_class: str
    title: str = ""
    figure: "Metric | None" = None  # an extracted figure: link to its metrics-page entry


# Bodies are shown on section pages and the full text, both at <report>/<folder>/index.html,
# so the metrics page of the same report is one folder up.
METRICS_PAGE_FROM_BODY = urls.relative(urls.section("r", "s"), urls.analysis_page("r", "metrics"))


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
        if metric.get("id") and "value" in metric:
            marks.append(Mark(start, end, "figure", figure=Metric.from_dict(metric, section.id)))
        else:
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
        if mark.figure is not None:
            out.append(_figure_html(mark.figure, text[start:min(end, len(text))], source_script, script))
            pos = min(end, len(text))
            continue
        attrs = f' class="{mark.css_class}"'
        if mark.title:
            attrs += f' title="{escape(display(mark.title, source_script, script))}"'
        out.append(f"<span{attrs}>{escape(display(text[start:min(end, len(text))], source_script, script))}</span>")
        pos = min(end, len(text))
    out.append(str(escape(display(text[pos:], source_script, script))))
    return "".join(out)


def _figure_html(m: "Metric", shown: str, source_script: str, script: str) -> str:
    """A figure in the text: a link to its entry on the metrics page; hover or focus shows the
    label and the normalised value (CSS popover from data-tip; no title attribute)."""
    tip = callouts.tip(m, display(m.label, source_script, script), display(m.unit, source_script, script),
                       script)
    return (f'<a class="figure" href="{METRICS_PAGE_FROM_BODY}#{m.anchor}" data-tip="{escape(tip)}">'
            f'{escape(display(shown, source_script, script))}</a>')


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


OPENING_LIMIT = 80  # characters of an opening sentence shown on a parent's page
_SENTENCE_END = "。！？!?"
_CLOSING = "”’」』）)"  # a sentence that ends inside quotes or brackets ends after them


def opening(section: Section, script: str, source_script: str, limit: int = OPENING_LIMIT) -> str:
    """The first sentence of the section's own text as displayed (plain text: escape it); one
    longer than ``limit`` characters is cut there and ends in an ellipsis; '' for a section with
    no text of its own.  A parent's page shows this for each child instead of its whole text."""
    first = next((line.strip() for line in section.text.split("\n") if line.strip()), "")
    if not first:
        return ""
    shown = display(first, source_script, script)
    ends = [i for i in (shown.find(c) for c in _SENTENCE_END) if i >= 0]
    end = min(ends) + 1 if ends else len(shown)
    while end < len(shown) and shown[end] in _CLOSING:
        end += 1
    sentence = shown[:end]
    return sentence if len(sentence) <= limit else sentence[:limit].rstrip() + "……"
