"""The content/ folder: one folder per report, plus editorial pages.

    content/reports/<id>/source.txt   the text as received (never modified)
    content/reports/<id>/report.yaml  the parsed, editable report (source of truth)
    content/reports/<id>/notes/<section-id>.md   editor's notes
    content/pages/*.md                editorial pages (about, method…)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lawreport.errors import LawreportError
from lawreport.model import Report

REPORT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
SOURCE_NAMES = ("source.txt",)


@dataclass
class ReportFolder:
    id: str
    path: Path

    @property
    def yaml_path(self) -> Path:
        return self.path / "report.yaml"

    @property
    def source_path(self) -> Path | None:
        return next((self.path / n for n in SOURCE_NAMES if (self.path / n).is_file()), None)

    @property
    def notes_dir(self) -> Path:
        return self.path / "notes"


@dataclass
class Content:
    root: Path
    reports: list[ReportFolder] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)


def check_report_id(report_id: str, where: str) -> str:
    if not REPORT_ID.match(report_id):
        raise LawreportError(
            f"report id {report_id!r} is not allowed: use lower-case letters, digits, '-' and '_' "
            "(no spaces, '/', '..')", where)
    return report_id


def discover(root: Path) -> Content:
    root = Path(root)
    if not root.is_dir():
        raise LawreportError("content folder not found", str(root))
    content = Content(root)
    reports_dir = root / "reports"
    if reports_dir.is_dir():
        for folder in sorted(p for p in reports_dir.iterdir() if p.is_dir()):
            if folder.name.startswith("."):
                continue
            check_report_id(folder.name, str(folder))
            rf = ReportFolder(folder.name, folder)
            if rf.source_path or rf.yaml_path.is_file():
                content.reports.append(rf)
    pages_dir = root / "pages"
    if pages_dir.is_dir():
        content.pages = sorted(pages_dir.glob("*.md"))
    return content


def load_report(folder: ReportFolder, write_missing_yaml: bool = True) -> tuple[Report, list[str]]:
    """The report of a folder: its YAML, or (first build after a source is dropped in) a parse.

    Returns the report and messages for the user (diagnostics of a fresh parse).
    """
    from lawreport import store  # imported here: a no-change build never needs them

    if folder.yaml_path.is_file():
        return store.load(folder.yaml_path, folder.id), []
    from lawreport.analyse.metrics import refresh
    from lawreport.parse import parse_source

    result = parse_source(folder.source_path, folder.id)
    messages = [d.format(str(folder.source_path)) for d in result.diagnostics if d.severity == "warning"]
    refresh(result.report)  # figures are extracted when the YAML is first produced
    if write_missing_yaml:
        store.write(result.report, folder.yaml_path)
        messages.append(f"{folder.yaml_path}: parsed from {folder.source_path.name} (edit this file from now on)")
    return result.report, messages
