"""The content/ folder: one folder per report, plus editorial pages.

    content/reports/<id>/source.txt   the text as received (never modified)
    content/reports/<id>/report.yaml  the parsed, editable report (source of truth)
    content/reports/<id>/notes/<section-id>.md   editor's notes
    content/pages/*.md                editorial pages (about, method…)
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lawreport.core import pathnames

from lawreport.core import safefile
from lawreport.core.errors import LawreportError, SetupError

REPORT_ID = pathnames.REPORT_ID  # used with fullmatch: "zz\n" is no id
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
    warnings: list[str] = field(default_factory=list)  # "PATH: warning: skipped …", for the build log


def check_report_id(report_id: str, where: str) -> str:
    message = pathnames.problem("report id", report_id)
    if message:
        raise LawreportError(message, where)
    return report_id


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        raise LawreportError(f"cannot list the folder: {exc.strerror}", str(folder)) from None


def _skipped(path: Path, why: str) -> str:
    return f"{pathnames.shown(path)}: warning: skipped: {why}"


def _report_folder(path: Path, warnings: list[str]) -> ReportFolder | None:
    """A report folder, or None (with a warning) for anything that is not one."""
    if path.name.startswith("."):
        warnings.append(_skipped(path, "a name starting with '.' is hidden, not a report"))
        return None
    if not path.is_dir():
        warnings.append(_skipped(path, "only folders (one per report) belong in reports/"))
        return None
    check_report_id(path.name, pathnames.shown(path))
    folder = ReportFolder(path.name, path)
    if not (folder.source_path or folder.has_yaml):
        warnings.append(_skipped(path, f"no {SOURCE_NAMES[0]} or report.yaml in it"))
        return None
    if folder.notes_dir.is_dir():
        for note in _entries(folder.notes_dir):
            if note.suffix != ".md" or note.name.startswith("."):
                warnings.append(_skipped(note, "a note is named <section-id>.md (lower-case .md)"))
    return folder


def discover(root: Path) -> Content:
    """The reports and pages under ``root``; every folder or file passed over gets a warning."""
    root = Path(root)
    if not root.is_dir():
        raise LawreportError("content folder not found", str(root))
    content = Content(root)
    reports_dir = root / "reports"
    if reports_dir.is_dir():
        for path in _entries(reports_dir):
            folder = _report_folder(path, content.warnings)
            if folder:
                content.reports.append(folder)
    pages_dir = root / "pages"
    if pages_dir.is_dir():
        for path in _entries(pages_dir):
            if path.suffix == ".md" and not path.name.startswith("."):
                content.pages.append(path)  # a folder or FIFO named *.md is refused when read
            else:
                content.warnings.append(_skipped(path, "an editorial page is named <name>.md"))
    return content


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
