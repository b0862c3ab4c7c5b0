"""Shared test fixtures: paths to the bundled report and the fixture reports, and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_SOURCE = ROOT / "content" / "reports" / "zjg-2023" / "source.txt"
SEED_YAML = ROOT / "content" / "reports" / "zjg-2023" / "report.yaml"
FIXTURE_REPORTS = Path(__file__).resolve().parent / "fixtures" / "reports"


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
