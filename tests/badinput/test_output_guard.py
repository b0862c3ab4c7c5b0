"""The output guard (issue 12, defects 1 and 6): build replaces only a folder lawreport built.

Each bad --out runs the real CLI in a throw-away project and must end with one line
``<out>: error: …``, exit 2, no traceback, and every file and folder of the project as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def make_project(root: Path) -> Path:
    """A project folder as a user has it: content/, templates/, a file of their own."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "notes-to-self.txt").write_text("my own file\n", encoding="utf-8")
    return root


def run_cli(cwd: Path, *args: str, umask: int | None = None, timeout: float = 120):
    proc = subprocess.run([sys.executable, "-m", "lawreport.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, check=False,
                          preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)
    return proc.returncode, proc.stdout, proc.stderr


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under root (dot files too): kind, mode and, for files, a hash of the bytes."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode):
                found[str(path.relative_to(root))] = ("f", st.st_mode, hashlib.sha256(path.read_bytes()).hexdigest())
            elif stat.S_ISLNK(st.st_mode):
                found[str(path.relative_to(root))] = ("l", os.readlink(path))
            else:
                found[str(path.relative_to(root))] = ("d" if stat.S_ISDIR(st.st_mode) else "other", st.st_mode)
    return found


def assert_one_error(err: str, where: str, message: str) -> None:
    assert "Traceback" not in err and "internal error" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert re.fullmatch(re.escape(where) + r": error: " + message, lines[0]), lines[0]


def _folder_with_user_file(project: Path) -> str:
    (project / "photos").mkdir()
    (project / "photos" / "holiday.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    return "photos"


def _regular_file(project: Path) -> str:
    (project / "site").write_text("a file where the site would go\n", encoding="utf-8")
    return "site"


def _symlink_to_content(project: Path) -> str:
    (project / "link").symlink_to(project / "content")
    return "link"


def _foreign_cache(project: Path) -> str:
    cache = project / ".lawreport-cache" / "site"
    cache.mkdir(parents=True)
    (cache / "reports").mkdir()
    (cache / "reports" / "thesis.pickle").write_bytes(b"someone's data, not lawreport's")
    (cache / "budget.xlsx").write_bytes(b"PK not lawreport's")
    return "site"


def _cache_name_is_a_file(project: Path) -> str:
    (project / ".lawreport-cache").write_text("a file named like the cache\n", encoding="utf-8")
    return "site"


NOT_OURS = r"the output folder is not empty and is not a site lawreport built \(no \.lawreport-site " \
           r"file in it\); a build replaces its folder whole, so move the folder or choose another --out"

# (name, set-up returning the --out argument, where the error line points, message pattern)
REFUSED = [
    ("project folder", lambda p: ".", ".", r"the output folder contains the content folder .+/content: "
     r"a build would replace it; choose another --out"),
    ("folder above the project", lambda p: "..", "..", r"the output folder contains the content folder "
     r".+: a build would replace it; choose another --out"),
    ("content", lambda p: "content", "content", r"the output folder is the content folder: a build would "
     r"replace it; choose another --out"),
    ("inside content", lambda p: "content/reports", "content/reports", r"the output folder is inside "
     r"the content folder .+/content; choose an --out outside it"),
    ("missing folder inside content", lambda p: "content/site", "content/site", r"the output folder is "
     r"inside the content folder .+/content; choose an --out outside it"),
    ("templates", lambda p: "templates", "templates", r"the output folder is the templates folder: a "
     r"build would replace it; choose another --out"),
    ("inside templates", lambda p: "templates/static", "templates/static", r"the output folder is inside "
     r"the templates folder .+/templates; choose an --out outside it"),
    ("symlink to content", _symlink_to_content, "link", r"the output folder is the content folder: a "
     r"build would replace it; choose another --out"),
    ("someone else's folder", _folder_with_user_file, "photos", NOT_OURS),
    ("a regular file", _regular_file, "site", r"the output path is a file, not a folder; choose another --out"),
    ("someone else's cache folder", _foreign_cache, None, r"the build cache folder cannot be used: .+ "
     r"holds files lawreport did not write \(no \.lawreport-cache marker\); move it or choose another --out"),
    ("cache name taken by a file", _cache_name_is_a_file, None, r"the build cache folder cannot be used: "
     r".+\.lawreport-cache is not a folder lawreport made; move it or choose another --out"),
]


@pytest.mark.parametrize("name, setup, where, message", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_output_touches_nothing(tmp_path, name, setup, where, message):
    project = make_project(tmp_path / "project")
    out = setup(project)
    before = snapshot(tmp_path)
    code, stdout, err = run_cli(project, "build", "--out", out, "-j", "1")
    assert code == 2 and stdout == ""
    shown = where if where is not None else str((project / ".lawreport-cache" / "site").resolve())
    assert_one_error(err, shown, message)
    assert snapshot(tmp_path) == before


def test_site_is_marked_and_gets_the_umask_mode(tmp_path):
    from lawreport.build import outguard

    project = make_project(tmp_path / "project")
    code, _, err = run_cli(project, "build", "--out", "site", "-j", "1", umask=0o027)
    assert code == 0, err
    site = project / "site"
    assert stat.S_IMODE(site.stat().st_mode) == 0o750  # 0777 & ~umask, not mkdtemp's 0700
    assert (site / outguard.MARKER).read_text(encoding="utf-8") == outguard.MARKER_TEXT
    assert outguard.is_marked(site)
    # a marked site is replaced by the next build; an empty folder is accepted too
    (project / "empty").mkdir()
    for out in ("site", "empty"):
        code, _, err = run_cli(project, "build", "--out", out, "-j", "1", "--clean", umask=0o027)
        assert code == 0, err
        assert outguard.is_marked(project / out)
    assert (project / "notes-to-self.txt").read_text(encoding="utf-8") == "my own file\n"


def test_site_built_before_the_marker_is_recognised_by_its_cache(tmp_path):
    """A site from a version without the marker: the cache beside it lists exactly its files."""
    from lawreport.build import outguard

    project = make_project(tmp_path / "project")
    assert run_cli(project, "build", "--out", "site", "-j", "1")[0] == 0
    site = project / "site"
    (site / outguard.MARKER).unlink()
    manifest_path = project / ".lawreport-cache" / "site" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    del manifest["files"][outguard.MARKER]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    code, _, err = run_cli(project, "build", "--out", "site", "-j", "1")
    assert code == 0, err
    assert outguard.is_marked(site)
    # one file more than the cache lists: not provably lawreport's
    (site / outguard.MARKER).unlink()
    (site / "mine.txt").write_text("added by hand\n", encoding="utf-8")
    before = snapshot(project)
    code, _, err = run_cli(project, "build", "--out", "site", "-j", "1")
    assert code == 2
    assert_one_error(err, "site", NOT_OURS)
    assert snapshot(project) == before


def test_swap_refuses_a_folder_that_appeared_during_the_build(tmp_path):
    """The check is made again at the swap: a folder put at the output path meanwhile survives."""
    from lawreport.build import outguard
    from lawreport.core.errors import SetupError
    from lawreport.content.writer import SiteWriter

    out = tmp_path / "site"
    writer = SiteWriter(out)
    writer.write("index.html", "<p>new</p>")
    out.mkdir()
    (out / "thesis.txt").write_text("ten years of work\n", encoding="utf-8")
    with pytest.raises(SetupError, match="changed during the build"):
        writer.commit(may_replace=lambda folder: not os.listdir(folder) or outguard.is_marked(folder))
    writer.abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (out / "thesis.txt").read_text(encoding="utf-8") == "ten years of work\n"
