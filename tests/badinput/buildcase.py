"""A bad-input case run through the real CLI, in-process: a private project (content/ copied), one
build, and what a careless edit must never do: leave a traceback, write outside the site folder or
change content/.  Shared by the bad-input tests of ids, YAML values, Markdown and discovery."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

import lawreport
from lawreport.cli import main

REPO = Path(__file__).resolve().parents[2]
SEED = "zjg-2023"
# the templates of the lawreport being tested (an older checkout on PYTHONPATH brings its own)
TEMPLATES = Path(lawreport.__file__).resolve().parents[2] / "templates"


@dataclass
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def yaml(self) -> Path:
        return self.content / "reports" / SEED / "report.yaml"

    def yaml_text(self) -> str:
        return self.yaml.read_text(encoding="utf-8")

    def set_yaml(self, text: str) -> None:
        self.yaml.write_text(text, encoding="utf-8")


def make_project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    root.mkdir(parents=True)
    shutil.copytree(REPO / "content", root / "content")
    return Project(root)


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple]:
    """Every entry under ``root`` (type and content hash), except the top-level names in ``skip``."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        if Path(dirpath) == root:
            dirnames[:] = [d for d in dirnames if d not in skip]
            filenames = [f for f in filenames if f not in skip]
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = os.lstat(path)
            digest = (hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(st.st_mode)
                      else os.readlink(path) if stat.S_ISLNK(st.st_mode) else None)
            found[os.path.relpath(path, root)] = (stat.S_IFMT(st.st_mode), digest)
    return found


def run_build(project: Project) -> tuple[int, str, str]:
    """``lawreport build`` into project/site (in this process, so jieba loads once per session):
    (exit code, stdout, stderr), after checking it wrote nothing else and left content/ as it was."""
    # the site, its swap folders and the cache beside it are the build's to write
    own = ("site", ".lawreport-cache")
    before = snapshot(project.root, own)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["build", "--content", str(project.content), "--out", str(project.site),
                     "--templates", str(TEMPLATES)])
    out, err = out.getvalue(), err.getvalue()
    after = snapshot(project.root, own)
    left = {k for k in set(after) - set(before) if not k.startswith(".site.")}
    assert left == set(), f"written outside the site folder: {sorted(left)}"
    assert after.keys() - left == before.keys() and all(after[k] == before[k] for k in before), \
        "content/ was changed by the build"
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err


def error_line(err: str) -> str:
    """The one error line a failed build prints (as its last line; warnings may come before)."""
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert len(errors) == 1 and err.splitlines()[-1] == errors[0], err
    return errors[0]


def at(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """(line, column), 1-based, of the ``occurrence``-th ``needle`` in ``text``: where an error points."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
