"""Shared test fixtures: paths to the bundled report and the fixture reports, a CLI runner, and the
browser-test prerequisites (one Chromium per session, axe-core)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_SOURCE = ROOT / "content" / "reports" / "zjg-2023" / "source.txt"
SEED_YAML = ROOT / "content" / "reports" / "zjg-2023" / "report.yaml"
FIXTURE_REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))  # Debian's; never a downloaded one
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def missing_tool(reason: str):
    """A browser-test prerequisite is missing: skip saying why, or fail when REQUIRE_BROWSER=1 (CI),
    so a CI machine without the browser cannot pass by skipping the browser tests."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (each test opens its own page or context)."""
    if not CHROMIUM.is_file():
        missing_tool(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_tool("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def vnu_command() -> list[str]:
    """The Nu HTML Checker as a command (java -jar vnu.jar); give it every file at once."""
    java = shutil.which("java")
    if not java:
        missing_tool("java is not installed (apt-get install default-jre-headless)")
    if not VNU.is_file():
        missing_tool(f"{VNU.relative_to(ROOT)} is missing (run npm ci)")
    return [java, "-jar", str(VNU)]


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's browser bundle, to inject into a page."""
    if not AXE.is_file():
        missing_tool(f"{AXE.relative_to(ROOT)} is missing (run npm ci)")
    return AXE


@pytest.fixture(scope="session")
def axe_violations(axe_script):
    """A function: (page, urls) -> {url: ids of every axe violation}, pages with none left out."""
    def scan(page, urls: list[str]) -> dict[str, list[str]]:
        found = {}
        for url in urls:
            page.goto(url)
            page.add_script_tag(path=str(axe_script))
            violations = page.evaluate("axe.run().then(r => r.violations.map(v => v.id))")
            if violations:
                found[url] = violations
        return found
    return scan


@pytest.fixture(scope="session")
def seed_result():
    """The bundled Zhangjiagang report, parsed once per test session (treat as read-only)."""
    from lawreport.parse import parse_source

    return parse_source(SEED_SOURCE)


@pytest.fixture
def run_cli(capsys):
    """Run ``lawreport ARGS`` in-process: returns (exit code, stdout, stderr)."""
    from lawreport.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
