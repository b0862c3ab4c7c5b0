"""Editor's notes: content/reports/<id>/notes/<section-id>.md, commentary attached to one section.

A note for an id the report does not have is an error naming the note file:
a typo must not silently drop an editor's work.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from lawreport.core import pathnames
from lawreport.content.folders import ReportFolder
from lawreport.core.errors import LawreportError
from lawreport.core.model import Report
from lawreport.site.markdown_text import read_markdown, to_html
from lawreport.core.script import SCRIPTS, convert, detect


def note_files(folder: ReportFolder) -> list[Path]:
    if not folder.notes_dir.is_dir():
        return []
    # hidden files (.2-1.md, an editor's swap file) are passed over; content.discover warns of them
    return sorted(p for p in folder.notes_dir.glob("*.md") if not p.name.startswith("."))


def load_notes(folder: ReportFolder, report: Report) -> dict[str, dict[str, Markup]]:
    """Section id -> script -> note HTML."""
    ids = {s.id for s in report.walk()}
    notes: dict[str, dict[str, Markup]] = {}
    for path in note_files(folder):
        section_id = path.stem
        if section_id not in ids:
            raise LawreportError(
                f"note for section {section_id!r}, but report {report.id!r} has no section with that "
                "id (rename the note after a section id in report.yaml)", pathnames.shown(path))
        # only a regular file inside content/: a FIFO, a folder or a link to /etc/passwd is refused
        text = read_markdown(path, folder.path.parent.parent, "note")
        written_in = detect(text)
        notes[section_id] = {script: to_html(convert(text, written_in, script)) for script in SCRIPTS}
    return notes
