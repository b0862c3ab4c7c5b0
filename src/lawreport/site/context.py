"""What templates see: plain view objects built from a Report for one script.

Everything displayed is converted and normalised here (via ``text``), so
templates only lay things out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from lawreport.core.model import Report, Section
from lawreport.core import urls
from lawreport.site.citations import CitationData
from lawreport.site.text import display, lines_html, opening, paragraphs_html


@dataclass
class NavLink:
    """A link in a report's navigation: per-script label, script-independent site path."""

    label: dict[str, str]
    path: str


@dataclass
class Download:
    label: dict[str, str]
    path: str  # site-root relative, shared by both scripts
    media_type: str


@dataclass
class SectionView:
    id: str
    number: str  # as displayed
    title: str  # as displayed
    title_end: str
    category: str | None
    depth: int
    path: str  # page path, script independent
    body: Markup  # own paragraphs, escaped
    opening: str  # the first sentence of its own text (shown on its parent's page), not escaped
    metrics: list[dict]  # visible ones (not "hidden"), for callout cards
    source: Section
    parent: "SectionView | None" = None
    children: list["SectionView"] = field(default_factory=list)
    note: Markup | None = None
    previous: "SectionView | None" = None
    next: "SectionView | None" = None

    @property
    def heading(self) -> str:
        return self.number + self.title

    @property
    def ancestors(self) -> list["SectionView"]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    @property
    def locator(self) -> str:
        """The section as the report numbers it, from its part down: 二、（五）3. 推进……"""
        numbers = "".join(s.number for s in self.ancestors) + self.number
        return numbers + self.title

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ReportView:
    id: str
    script: str  # the script being displayed
    source_script: str
    title: str
    issuer: str
    addressee: str
    date: str
    year: int | None
    publication_note: str
    title_source: str
    front: list[str]
    preamble: Markup
    signature: list[str]
    sections: list[SectionView]
    source: dict
    report: Report
    figures: int
    nav: list[NavLink] = field(default_factory=list)
    downloads: list[Download] = field(default_factory=list)

    def walk(self):
        for s in self.sections:
            yield from s.walk()

    @property
    def section_count(self) -> int:
        return sum(1 for _ in self.walk())

    @property
    def issuer_id(self) -> str:
        """The issuer's id, as on its page ``issuers/<id>/`` (site/across.py)."""
        from lawreport.analyse.across.issuers import issuer_id

        return issuer_id(self.report)

    def citation(self, base_url: str | None, section: SectionView | None = None) -> CitationData:
        path = urls.in_script(section.path if section else urls.report(self.id), self.script)
        return CitationData(
            key=f"{self.id}:{section.id}" if section else self.id,
            author=self.issuer, title=self.title, date=self.date,
            url=urls.absolute(base_url, path), language=self.script,
            locator=section.locator if section else "")


def count_figures(report: Report) -> int:
    """Figures the analysis stage found (0 until it has run); hidden ones are not counted."""
    return sum(1 for s in report.walk() for m in s.metrics if not m.get("hidden"))


_METRIC_TEXT = ("unit", "label", "span", "text")  # metric fields that are words of the report


def _display_metric(metric: dict, source_script: str, script: str) -> dict:
    """A metric for callout cards: its words in the displayed script (numbers untouched)."""
    return {k: display(v, source_script, script) if k in _METRIC_TEXT and isinstance(v, str) else v
            for k, v in metric.items()}


def _section_view(section: Section, report: Report, script: str, parent: SectionView | None,
                  notes: dict[str, dict[str, Markup]]) -> SectionView:
    view = SectionView(
        id=section.id, number=display(section.number, report.script, script),
        title=display(section.title, report.script, script),
        title_end=display(section.title_end, report.script, script),
        category=section.category, depth=(parent.depth + 1) if parent else 1,
        path=urls.section(report.id, section.id),
        body=paragraphs_html(section, script, report.script),
        opening=opening(section, script, report.script),
        metrics=[_display_metric(m, report.script, script) for m in section.metrics if not m.get("hidden")],
        source=section, parent=parent, note=notes.get(section.id, {}).get(script))
    view.children = [_section_view(c, report, script, view, notes) for c in section.children]
    return view


def report_view(report: Report, script: str, notes: dict[str, dict[str, Markup]] | None = None,
                nav: list[NavLink] | None = None,
                downloads: list[Download] | None = None) -> ReportView:
    notes = notes or {}
    sections = [_section_view(s, report, script, None, notes) for s in report.sections]
    view = ReportView(
        id=report.id, script=script, source_script=report.script,
        title=display(report.title, report.script, script),
        issuer=display(report.issuer, report.script, script),
        addressee=display(report.addressee, report.script, script),
        date=report.date, year=report.year,
        publication_note=display(report.publication_note, report.script, script),
        title_source=report.title_source,
        front=[display(line, report.script, script) for line in report.front],
        preamble=lines_html(report.preamble, script, report.script),
        signature=[display(line, report.script, script) for line in report.signature],
        sections=sections, source=dict(report.source), report=report,
        figures=count_figures(report), nav=list(nav or []), downloads=list(downloads or []))
    ordered = list(view.walk())
    for before, after in zip(ordered, ordered[1:]):
        before.next, after.previous = after, before
    return view
