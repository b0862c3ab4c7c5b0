"""Special files (issue 12, defects 7 and 8): a FIFO, a device or a folder where a file is wanted is
refused before it is read, with one line naming it; neither `parse` nor `build` ever hangs on one.

Old code hung for ever on a FIFO (in the cache fingerprint, before anything else), read /dev/zero
until memory ran out, and ended a note that is a folder with an internal error.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from badinput.clirun import run_cli as _run_cli
from badinput.clirun import snapshot

REPO = Path(__file__).resolve().parents[2]
SEED = "zjg-2023"
TIMEOUT = 90  # a build of the bundled report takes a few seconds; a hang never ends


def run_cli(cwd: Path, *args: str):
    return _run_cli(cwd, *args, timeout=TIMEOUT)


pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")


def make_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    return root


def error_line(err: str) -> str:
    """The one line a failure prints (parse warnings of other reports may come before it)."""
    assert "Traceback" not in err and "internal error" not in err, err
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert len(errors) == 1 and err.splitlines()[-1] == errors[0], err
    return errors[0]


def refused(kind: str) -> str:
    return rf"error: cannot read: it is {re.escape(kind)}, not a regular file \(refused unread\)"


FIFO, FOLDER, CHAR = "a FIFO (named pipe)", "a folder", "a character device"
REPORT = f"content/reports/{SEED}"


def _fifo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


def new_report_with_fifo_source(project: Path) -> str:
    _fifo(project / "content/reports/new-2024/source.txt")
    return "content/reports/new-2024/source.txt"


def fifo_report_yaml(project: Path) -> str:
    (project / REPORT / "report.yaml").unlink()  # source.txt stays: old code parsed it into the FIFO
    _fifo(project / REPORT / "report.yaml")
    return f"{REPORT}/report.yaml"


def fifo_note(project: Path) -> str:
    _fifo(project / REPORT / "notes" / "1.md")
    return f"{REPORT}/notes/1.md"


def fifo_page(project: Path) -> str:
    _fifo(project / "content/pages/method.md")
    return "content/pages/method.md"


def note_is_a_folder(project: Path) -> str:
    (project / REPORT / "notes" / "1.md").mkdir(parents=True)
    return f"{REPORT}/notes/1.md"


def source_links_to_dev_zero(project: Path) -> str:
    folder = project / "content/reports/zero-2024"
    folder.mkdir(parents=True)
    (folder / "source.txt").symlink_to("/dev/zero")
    return "content/reports/zero-2024/source.txt"


BUILD_CASES = [
    ("FIFO as a new report's source.txt", new_report_with_fifo_source, FIFO),
    ("FIFO as report.yaml", fifo_report_yaml, FIFO),
    ("FIFO as a note", fifo_note, FIFO),
    ("FIFO as an editorial page", fifo_page, FIFO),
    ("note that is a folder", note_is_a_folder, FOLDER),
    ("source.txt linked to /dev/zero", source_links_to_dev_zero, CHAR),
]


@pytest.mark.parametrize("name, setup, kind", BUILD_CASES, ids=[c[0] for c in BUILD_CASES])
def test_build_refuses_special_file_in_content(tmp_path, name, setup, kind):
    project = make_project(tmp_path / "project")
    where = setup(project)
    before = snapshot(project)
    code, stdout, err = run_cli(project, "build", "--out", "site", "-j", "1")
    assert code == 1 and stdout == "", err
    assert re.fullmatch(re.escape(where) + ": " + refused(kind), error_line(err))
    assert snapshot(project) == before  # no site, no cache, no report.yaml written


PARSE_CASES = [
    ("FIFO", lambda tmp: (_fifo(tmp / "pipe.txt"), tmp / "pipe.txt")[1], FIFO),
    ("/dev/zero", lambda tmp: Path("/dev/zero"), CHAR),
    ("a folder", lambda tmp: tmp, FOLDER),
]


@pytest.mark.parametrize("name, setup, kind", PARSE_CASES, ids=[c[0] for c in PARSE_CASES])
def test_parse_refuses_special_source(tmp_path, name, setup, kind):
    source = setup(tmp_path)
    code, stdout, err = run_cli(tmp_path, "parse", source, "-o", tmp_path / "out.yaml")
    assert code == 1 and stdout == ""
    assert re.fullmatch(re.escape(str(source)) + ": " + refused(kind), error_line(err))
    assert not (tmp_path / "out.yaml").exists()


def test_reads_stop_at_the_limit(tmp_path):
    """A file that grows past the limit after its size was taken is still not read whole."""
    from lawreport.core import safefile
    from lawreport.core.errors import LawreportError

    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 10)
    reads = []
    real_fdopen = os.fdopen

    class Recording:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def read(self, n=-1):
            reads.append(n)
            path.write_bytes(b"x" * 100)  # grows between the stat and the read
            return self.f.read(n)

    def fdopen(fd, *a, **kw):
        return Recording(real_fdopen(fd, *a, **kw))

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(safefile.os, "fdopen", fdopen)
        with pytest.raises(LawreportError, match=r": error: file is larger than 20 bytes, the most a report can be$"):
            safefile.read_bytes(path, 20, "report")
    assert reads == [21]  # limit + 1 bytes asked for, never the whole file
