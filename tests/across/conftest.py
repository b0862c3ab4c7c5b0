"""One site built from the across-report fixtures (吴江区 2021-2023 under three name variants,
昆山 and 太仓 2023) plus the bundled report, shared by the tests of this folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawreport.content import store
from lawreport.build.run import build

HERE = Path(__file__).parent
REPO = HERE.parents[1]
FIXTURES = HERE / "fixtures"
FIXTURE_IDS = sorted(p.name for p in FIXTURES.iterdir() if (p / "source.txt").is_file())


def make_content(root: Path) -> Path:
    content = root / "content"
    (content / "reports").mkdir(parents=True)
    shutil.copytree(REPO / "content" / "reports" / "zjg-2023", content / "reports" / "zjg-2023")
    for rid in FIXTURE_IDS:
        (content / "reports" / rid).mkdir()
        shutil.copy(FIXTURES / rid / "source.txt", content / "reports" / rid / "source.txt")
    return content


@pytest.fixture(scope="session")
def across_content(tmp_path_factory) -> Path:
    return make_content(tmp_path_factory.mktemp("across"))


@pytest.fixture(scope="session")
def across_site(across_content) -> Path:
    out = across_content.parent / "site"
    build(across_content, out, templates_dir=REPO / "templates", log=lambda m: None)
    return out


@pytest.fixture(scope="session")
def across_reports(across_site, across_content) -> dict:
    return {p.name: store.load(p / "report.yaml", p.name)
            for p in sorted((across_content / "reports").iterdir())}
