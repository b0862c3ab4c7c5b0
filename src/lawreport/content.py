"""The content/ folder: one folder per report, plus editorial pages.

    content/reports/<id>/source.txt   the text as received (never modified)
    content/reports/<id>/report.yaml  the parsed, editable report (source of truth)
    content/reports/<id>/notes/<section-id>.md   editor's notes
    content/pages/*.md                editorial pages (about, method…)
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lawreport import safefile
from lawreport.errors import LawreportError, SetupError
from lawreport.model import Report

REPORT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
SOURCE_NAMES = ("source.txt",)
MAX_YAML_BYTES = 64 * 1024 * 1024  # a report's YAML is ~10x its source, whose limit is 4 MB


@dataclass
class ReportFolder:
    id: str
    path: Path

    @property
    def yaml_path(self) -> Path:
        return self.path / "report.yaml"

    @property
    def has_yaml(self) -> bool:
        """Anything at report.yaml: a FIFO or folder there is refused when read, never parsed over."""
        return os.path.lexists(self.yaml_path)

    @property
    def source_path(self) -> Path | None:
        # lexists, not is_file: a FIFO or device named source.txt is found, then refused unread
        return next((self.path / n for n in SOURCE_NAMES if os.path.lexists(self.path / n)), None)

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

    Returns the report and messages for the user (diagnostics of a fresh parse).  The build passes
    ``write_missing_yaml=False`` and writes the YAML with ``write_new_yaml`` once the site is in
    place, so a failed build leaves content/ as it was and shows the diagnostics again next time.
    """
    from lawreport import store  # imported here: a no-change build never needs them

    if folder.has_yaml:
        text = safefile.read_text(folder.yaml_path, MAX_YAML_BYTES, "report.yaml")
        return store.loads(text, str(folder.yaml_path), folder.id), []
    from lawreport.analyse.metrics import refresh
    from lawreport.parse import parse_source

    result = parse_source(folder.source_path, folder.id)
    messages = [d.format(str(folder.source_path)) for d in result.diagnostics if d.severity == "warning"]
    refresh(result.report)  # figures are extracted when the YAML is first produced
    if write_missing_yaml:
        written = write_new_yaml(folder, store.dumps(result.report).encode("utf-8"))
        messages.append(written)
    return result.report, messages


def write_new_yaml(folder: ReportFolder, data: bytes) -> str:
    """Write a freshly parsed report.yaml atomically, never over one that appeared meanwhile.

    The bytes go to a temporary file in the same folder, which is then hard-linked into place:
    the link fails if an editor created report.yaml in the meantime, and that file is kept.
    Returns the line to show the user.
    """
    target = folder.yaml_path
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".report.yaml.", suffix=".tmp", dir=folder.path)
        os.fchmod(fd, safefile.mode_for_new())  # mkstemp makes 0600: an editor's file gets the usual mode
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, target)
        except FileExistsError:
            return f"{target}: warning: report.yaml appeared during the build; left as it is"
        except OSError:  # a file system without hard links: a plain atomic rename
            if os.path.lexists(target):
                return f"{target}: warning: report.yaml appeared during the build; left as it is"
            os.replace(tmp, target)
            tmp = None
    except OSError as exc:
        raise SetupError(f"cannot write: {exc.strerror}; the site was built, build again to write "
                         "this file", str(target)) from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    source = folder.source_path.name if folder.source_path else "source.txt"
    return f"{target}: parsed from {source} (edit this file from now on)"
