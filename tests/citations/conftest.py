"""The real citation processors: citeproc-js (npm `citeproc`) with the official GB/T 7714 CSL
styles and locales from ../shared/csl (LAWREPORT_CSL_DIR), and the bundled report built once per
module, relative and with a base URL. A missing processor or style folder skips saying why, or
fails when REQUIRE_BROWSER=1 (CI)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from lawreport.build.run import build

ROOT = Path(__file__).resolve().parents[2]


def missing_tool(reason: str):
    """As tests/conftest.py: skip saying why, or fail under REQUIRE_BROWSER=1 (CI)."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)

RUNNER = Path(__file__).resolve().parent / "run_citeproc.js"
CITEPROC = ROOT / "node_modules" / "citeproc" / "citeproc_commonjs.js"
STYLES = {"2015": "china-national-standard-gb-t-7714-2015-numeric.csl",
          "2025": "china-national-standard-gb-t-7714-2025-numeric.csl"}
LOCALES = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}  # the CSL locale each script's pages cite in


def csl_dir() -> Path:
    return Path(os.environ.get("LAWREPORT_CSL_DIR") or ROOT / ".." / "shared" / "csl").resolve()


@dataclass(frozen=True)
class Citeproc:
    node: str
    styles: Path

    def bibliography(self, edition: str, locale: str, items: list[dict]) -> list[str]:
        """One plain-text bibliography entry per item, in order, as citeproc-js formats it, without
        the citation number ("[1] "): that numbers a reader's list, it is not the reference."""
        request = {"style": STYLES[edition], "locale": locale, "items": items}
        env = {**os.environ, "LAWREPORT_CSL_DIR": str(self.styles)}
        done = subprocess.run([self.node, str(RUNNER)], input=json.dumps(request, ensure_ascii=False),
                              capture_output=True, text=True, env=env, timeout=300)
        assert done.returncode == 0, done.stderr
        return [re.sub(r"^\[1\]\s+", "", entry) for entry in json.loads(done.stdout)]


@pytest.fixture(scope="session")
def citeproc() -> Citeproc:
    node = shutil.which("node")
    if not node:
        missing_tool("node is not installed (apt-get install nodejs npm)")
    if not CITEPROC.is_file():
        missing_tool(f"{CITEPROC.relative_to(ROOT)} is missing (run npm ci)")
    styles = csl_dir()
    missing = [name for name in [*STYLES.values(), *(f"locales-{loc}.xml" for loc in LOCALES.values())]
               if not (styles / name).is_file()]
    if missing:
        missing_tool(f"the official CSL styles are not in {styles} (missing {', '.join(missing)}; "
                     "set LAWREPORT_CSL_DIR)")
    return Citeproc(node, styles)


def _build(tmp_path_factory, base_url: str | None) -> Path:
    root = tmp_path_factory.mktemp("cite-site")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    build(content, root / "site", templates_dir=ROOT / "templates", base_url=base_url, log=lambda m: None)
    return root / "site"


@pytest.fixture(scope="module")
def relative_site(tmp_path_factory) -> Path:
    return _build(tmp_path_factory, None)


BASE_URL = "https://example.org/lawreport/"


@pytest.fixture(scope="module")
def based_site(tmp_path_factory) -> Path:
    return _build(tmp_path_factory, BASE_URL)
