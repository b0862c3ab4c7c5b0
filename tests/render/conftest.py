"""Shared fixtures: the bundled content built once into a temporary site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawreport.build.run import build

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "templates"
SEED_ID = "zjg-2023"


def copy_content(dest: Path) -> Path:
    """A private copy of content/ (tests edit it freely)."""
    target = dest / "content"
    shutil.copytree(REPO / "content", target, ignore=shutil.ignore_patterns("notes"))
    return target


def run_build(content: Path, out: Path, base_url: str | None = None) -> Path:
    build(content, out, templates_dir=TEMPLATES, base_url=base_url, log=lambda m: None)
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    return run_build(copy_content(root), root / "site")


@pytest.fixture(scope="session")
def site_with_base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site-base")
    return run_build(copy_content(root), root / "site", base_url="https://example.org/lawreport/")


@pytest.fixture
def seed_report():
    from lawreport.content import store

    return store.load(REPO / "content" / "reports" / SEED_ID / "report.yaml")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """Every fixture report's source (other governments, encodings, damaged copies) plus the seed."""
    root = tmp_path_factory.mktemp("fixture-site")
    content = copy_content(root)
    for folder in sorted((REPO / "tests" / "fixtures" / "reports").iterdir()):
        if (folder / "source.txt").is_file():
            (content / "reports" / folder.name).mkdir()
            shutil.copy(folder / "source.txt", content / "reports" / folder.name / "source.txt")
    return run_build(content, root / "site")
