"""Plain data passed between the pipeline stages.

parse -> Report (stored as report.yaml) -> analyse -> render.  Text is kept
in the script it was received in (``Report.script``); the other script is
derived with OpenCC where needed (see ``lawreport.core.script``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

SCHEMA_VERSION = 1

CATEGORIES = ("responsibilities", "measures", "shortcomings", "plan", "other")


@dataclass
class Section:
    """One numbered unit of the report at any level (part, subsection, item...).

    ``id`` is permanent (permalinks); ``number`` is the enumerator exactly as
    written (``二、``, ``(五)``, ``3.``) and may change between versions.
    """

    id: str
    number: str
    title: str
    text: str = ""  # body, paragraphs separated by "\n"; excludes children
    title_end: str = ""  # punctuation that closed a run-in heading, e.g. "。"
    category: str | None = None  # top level only
    title_source: str = "source"  # "editor": the title was edited in the YAML; re-import keeps it
    children: list["Section"] = field(default_factory=list)
    metrics: list[dict] = field(default_factory=list)  # filled by analyse.metrics
    line: int = 0  # source line of the heading (parse time only, not stored)

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def depth(self) -> int:
        return self.id.count("-") + 1

    def full_text(self) -> str:
        """Heading, body and all descendants, as a reader sees the section."""
        parts = [self.number + self.title + self.title_end]
        if self.text:
            parts.append(self.text)
        parts.extend(child.full_text() for child in self.children)
        return "\n".join(parts)


@dataclass
class StrippedLine:
    """Source text removed as page noise (never silently dropped)."""

    line: int
    text: str
    reason: str


@dataclass
class RemovedSection:
    """A section a later version of the source no longer has; its permalink stays alive."""

    id: str
    number: str
    title: str
    nearest: str = ""  # id of the surviving section to send readers to ("" = report overview)


@dataclass
class Report:
    id: str
    title: str
    title_source: str = "inferred"  # "source" (read from the text), "inferred", "editor"
    issuer: str = ""
    issuer_id: str = ""  # editor's issuer id; "" = derived from the name (analyse.across.issuers)
    addressee: str = ""
    date: str = ""  # ISO 8601, from the signature
    year: int | None = None  # year the report covers
    publication_note: str = ""
    script: str = "zh-Hans"  # script of the stored text: zh-Hans or zh-Hant
    front: list[str] = field(default_factory=list)  # source lines before the preamble (title, addressee)
    preamble: str = ""
    sections: list[Section] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)  # source lines after the last section
    source: dict = field(default_factory=dict)  # file, sha256, encoding, newline
    # where the text came from when it was extracted from a page or file (lawreport.extract): url or
    # file, sha256 of the original, retrieved, extractor, extractor_version, form, page metadata
    provenance: dict = field(default_factory=dict)
    stripped: list[StrippedLine] = field(default_factory=list)
    removed: list[RemovedSection] = field(default_factory=list)  # kept by re-import
    schema_version: int = SCHEMA_VERSION

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def find(self, section_id: str) -> Section | None:
        return next((s for s in self.walk() if s.id == section_id), None)

    def report_text(self) -> str:
        """Everything that belongs to the report, in source order."""
        parts = list(self.front)
        if self.preamble:
            parts.append(self.preamble)
        parts.extend(s.full_text() for s in self.sections)
        parts.extend(self.signature)
        return "\n".join(parts)
