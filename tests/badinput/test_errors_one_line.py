"""Faults of the environment end in one line naming the file, never an internal error (issue 12,
defects 7 and 11 in part): a read-only output folder, a name too long for the file system, a
missing templates folder, a full disk while the cache is saved, `parse s.txt -o s.txt`.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

import pytest

from badinput.clirun import run_cli, snapshot

from lawreport import cli

REPO = Path(__file__).resolve().parents[2]
SEED_SOURCE = REPO / "content" / "reports" / "zjg-2023" / "source.txt"
LONG = "a" * 300  # longer than any file system allows a name to be (255)


def make_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    return root


def assert_one_error(err: str, pattern: str) -> None:
    assert "Traceback" not in err and "internal error" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1 and re.fullmatch(pattern, lines[0]), err


def _read_only_parent(tmp_path: Path) -> Path:
    """An output folder whose parent cannot be written to (as root, chmod does not stop writes:
    /sys, which no one may create files in, stands in for it)."""
    parent = tmp_path / "read-only"
    parent.mkdir()
    parent.chmod(0o555)
    probe = parent / "probe"
    try:
        probe.mkdir()
    except PermissionError:
        return parent / "site"
    probe.rmdir()
    return Path("/sys/lawreport-test-site")


BUILD_FAULTS = [
    ("read-only output folder", lambda tmp: ["--out", _read_only_parent(tmp)],
     lambda args: re.escape(str(args[1])) + r": error: cannot write: (Permission denied|Operation not permitted)"),
    ("output name too long", lambda tmp: ["--out", LONG],
     lambda args: LONG + r": error: file name too long for the file system"),
    ("missing templates folder", lambda tmp: ["--out", "site", "--templates", "no-such-templates"],
     lambda args: r"no-such-templates: error: templates folder not found \(give it with --templates\)"),
    ("templates folder without its templates", lambda tmp: ["--out", "site", "--templates",
                                                            _empty_templates(tmp)],
     lambda args: re.escape(str(args[3])) + r": error: template '[a-z-]+\.html' not found"),
]


def _empty_templates(tmp: Path) -> Path:
    (tmp / "project" / "bare-templates").mkdir()
    return tmp / "project" / "bare-templates"


@pytest.mark.parametrize("name, options, pattern", BUILD_FAULTS, ids=[f[0] for f in BUILD_FAULTS])
def test_build_fault_is_one_line_exit_2(tmp_path, name, options, pattern):
    project = make_project(tmp_path / "project")
    args = options(tmp_path)
    before = snapshot(tmp_path)
    try:
        code, out, err = run_cli(project, "build", "-j", "1", *args)
    finally:
        (tmp_path / "read-only").exists() and (tmp_path / "read-only").chmod(0o755)
    assert code == 2 and out == "", err
    assert_one_error(err, pattern(args))
    after = snapshot(tmp_path)
    assert after == before


def test_disk_full_while_saving_the_cache_is_a_warning(tmp_path, capsys, monkeypatch):
    """The site is complete and live; the next build does all the work (no stale cache trusted)."""
    from lawreport.build import cache as cache_mod

    project = make_project(tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.setenv("CI", "1")
    assert cli.main(["build", "--out", "site", "-j", "1"]) == 0
    first = snapshot(project / "site")
    capsys.readouterr()
    (project / "content" / "pages" / "about.md").write_text("# About\n\nchanged\n", encoding="utf-8")

    def disk_full(self, manifest):
        (self.dir / "manifest.tmp").write_text("half", encoding="utf-8")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.dir / "manifest.tmp"))

    with monkeypatch.context() as patched:
        patched.setattr(cache_mod.BuildCache, "save", disk_full)
        code = cli.main(["build", "--out", "site", "-j", "1"])
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith("built 1 report(s)"), err
    cache_dir = (project / ".lawreport-cache" / "site").resolve()
    assert_one_error(err, re.escape(str(cache_dir / "manifest.tmp")) + r": warning: the build cache "
                     r"was not saved \(No space left on device\); the site is complete, the next "
                     r"build does all the work again")
    assert "changed" in (project / "site" / "pages" / "about" / "index.html").read_text(encoding="utf-8")
    assert not (cache_dir / "manifest.json").exists() and not (cache_dir / "manifest.tmp").exists()

    # with the manifest gone the next build trusts nothing: a full build, same bytes as a clean one
    assert cli.main(["build", "--out", "site", "-j", "1"]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("built 1 report(s) (1 rebuilt)")
    again = snapshot(project / "site")
    assert cli.main(["build", "--out", "clean-site", "-j", "1", "--clean"]) == 0
    assert snapshot(project / "clean-site") == again != first


def test_manifest_of_another_folder_is_not_trusted(tmp_path, capsys, monkeypatch):
    """A manifest describes one site folder: put another folder in its place and nothing is reused."""
    project = make_project(tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.setenv("CI", "1")
    assert cli.main(["build", "--out", "site", "-j", "1"]) == 0
    shutil.copytree(project / "site", project / "copy")
    shutil.rmtree(project / "site")
    (project / "copy").rename(project / "site")  # same files, another folder
    capsys.readouterr()
    assert cli.main(["build", "--out", "site", "-j", "1"]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("built 1 report(s) (1 rebuilt)") and "(0 unchanged)" in out


def _symlink_to_source(tmp: Path) -> str:
    (tmp / "alias.txt").symlink_to(tmp / "s.txt")
    return "alias.txt"


SAME_FILE = [
    ("-o the source", ["-o", "s.txt"], "-o s.txt"),
    ("-o the source by another path", ["-o", "./sub/../s.txt"], "-o ./sub/../s.txt"),
    ("-o a symlink to the source", ["-o", "alias.txt"], "-o alias.txt"),
    ("--update the source", ["--update", "s.txt"], "--update s.txt"),
]


@pytest.mark.parametrize("name, options, shown", SAME_FILE, ids=[c[0] for c in SAME_FILE])
def test_parse_never_writes_over_its_source(tmp_path, name, options, shown):
    shutil.copy(SEED_SOURCE, tmp_path / "s.txt")
    (tmp_path / "sub").mkdir()
    _symlink_to_source(tmp_path)
    before = snapshot(tmp_path)
    code, out, err = run_cli(tmp_path, "parse", "s.txt", "-q", *options)
    assert code == 2 and out == ""
    assert_one_error(err, re.escape(f"s.txt: error: {shown} is the source itself: writing the YAML "
                                    "there would destroy the text; choose another file"))
    assert snapshot(tmp_path) == before


PARSE_FAULTS = [
    ("-o name too long", ["-o", LONG + ".yaml"],
     re.escape(LONG) + r"\.yaml: error: cannot write: File name too long"),
    ("--id too long", ["--id", LONG],
     r"--id: error: .+ report id .+"),
]


@pytest.mark.parametrize("name, options, pattern", PARSE_FAULTS, ids=[c[0] for c in PARSE_FAULTS])
def test_parse_fault_is_one_line_exit_2(tmp_path, name, options, pattern):
    shutil.copy(SEED_SOURCE, tmp_path / "s.txt")
    before = snapshot(tmp_path)
    code, out, err = run_cli(tmp_path, "parse", "s.txt", "-q", *options)
    assert code == 2 and out == ""
    # the parse's own warnings may come first; the failure is the one error line, and the last
    assert "Traceback" not in err and "internal error" not in err, err
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0] == err.splitlines()[-1] and re.fullmatch(pattern, errors[0]), err
    assert snapshot(tmp_path) == before
