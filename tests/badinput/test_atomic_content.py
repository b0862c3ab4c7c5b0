"""content/ changes only after a successful build (issue 12, defect 4).

A new report (source.txt only) is parsed by the build; its report.yaml is written after the new site
is in place, atomically, and until then every build shows its diagnostics again.  Old code wrote the
YAML during the per-report step, so a build that failed later left it in content/, and the cache
then hid its warnings for good.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest

from badinput.clirun import snapshot

from lawreport import cli

REPO = Path(__file__).resolve().parents[2]
NEW = "new-2023"
WARNING = f"content/reports/{NEW}/source.txt:32: warning: enumeration: '三是' in section 2-6-2"


def make_project(root: Path) -> Path:
    """The bundled report's source dropped in as a new report, beside the bundled one."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "content" / "reports" / NEW).mkdir()
    shutil.copy(REPO / "content" / "reports" / "zjg-2023" / "source.txt",
                root / "content" / "reports" / NEW / "source.txt")
    return root


def build(project: Path, capsys, *extra: str) -> tuple[int, str, str]:
    cwd = os.getcwd()
    os.chdir(project)
    try:
        code = cli.main(["build", "--out", "site", "-j", "1", *extra])
    finally:
        os.chdir(cwd)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err


def break_site_template(project: Path) -> Path:
    """An error found after the reports are built (the 404 page is a site-wide step)."""
    template = project / "templates" / "404.html"
    template.write_text("{% if %}\n", encoding="utf-8")
    return template


def test_failed_build_leaves_content_and_repeats_the_warnings(tmp_path, capsys):
    project = make_project(tmp_path / "project")
    template = break_site_template(project)
    before = snapshot(project / "content")
    for _ in range(2):  # the second failed build shows the parse warnings again
        code, out, err = build(project, capsys)
        assert code == 1 and out == ""
        lines = err.splitlines()
        assert any(line.startswith(WARNING) for line in lines), err
        assert re.fullmatch(re.escape(str(template.resolve())) + r":1: error: template: .+", lines[-1])
        assert snapshot(project / "content") == before
        assert not (project / "site").exists()

    shutil.copy(REPO / "templates" / "404.html", template)
    code, out, err = build(project, capsys)
    assert code == 0, err
    yaml_path = project / "content" / "reports" / NEW / "report.yaml"
    assert any(line.startswith(WARNING) for line in err.splitlines())
    assert err.splitlines()[-1] == (f"content/reports/{NEW}/report.yaml: parsed from source.txt "
                                    "(edit this file from now on)")
    assert yaml_path.read_bytes() == (project / "site" / NEW / "report.yaml").read_bytes()
    assert stat.S_IMODE(yaml_path.stat().st_mode) == 0o666 & ~_umask()  # not mkstemp's 0600
    assert not [p.name for p in yaml_path.parent.iterdir() if p.name.startswith(".")]  # no temp left
    # the YAML this build wrote is no edit: the next build has nothing to do
    code, out, err = build(project, capsys)
    assert code == 0 and out.startswith("nothing changed: 2 report(s)"), out + err


def test_yaml_that_cannot_be_written_is_parsed_and_shown_again(tmp_path, capsys, monkeypatch):
    """The site is whole, content/ unchanged, one line exit 2; the next build tries again."""
    from lawreport.content import folders as content_mod

    project = make_project(tmp_path / "project")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = snapshot(project / "content")
    with monkeypatch.context() as patched:
        # only content.py's temp file fails (the real tempfile module serves everyone else)
        patched.setattr(content_mod, "tempfile", SimpleNamespace(mkstemp=disk_full))
        code, out, err = build(project, capsys)
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == (f"content/reports/{NEW}/report.yaml: error: cannot write: "
                                    f"{os.strerror(errno.ENOSPC)}; the site was built, build again "
                                    "to write this file")
    assert snapshot(project / "content") == before
    assert (project / "site" / NEW / "index.html").is_file()

    code, out, err = build(project, capsys)
    assert code == 0 and out.startswith("built 2 report(s) (1 rebuilt)"), out + err
    assert any(line.startswith(WARNING) for line in err.splitlines())
    assert (project / "content" / "reports" / NEW / "report.yaml").is_file()


def test_yaml_an_editor_wrote_during_the_build_is_kept(tmp_path):
    from lawreport.content import folders as content_mod

    project = make_project(tmp_path / "project")
    folder = content_mod.ReportFolder(NEW, project / "content" / "reports" / NEW)
    folder.yaml_path.write_text("# the editor's own\n", encoding="utf-8")
    message = content_mod.write_new_yaml(folder, b"title: parsed\n")
    assert message == f"{folder.yaml_path}: warning: report.yaml appeared during the build; left as it is"
    assert folder.yaml_path.read_text(encoding="utf-8") == "# the editor's own\n"
    assert sorted(p.name for p in folder.path.iterdir()) == ["report.yaml", "source.txt"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.fixture(autouse=True)
def _no_tty_progress(monkeypatch):
    monkeypatch.setenv("CI", "1")
