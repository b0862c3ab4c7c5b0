"""Run queries through the real search engine (search-engine.js) under node (no second implementation of the ranking)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from fixtures import site_pages
from lawreport.search.index import build_index, dumps_index

ROOT = Path(__file__).resolve().parents[2]
SEARCH_JS = ROOT / "templates" / "static" / "search-results.js"  # requires search-engine.js
HARNESS = Path(__file__).with_name("harness.js")


def node() -> str:
    exe = shutil.which("node")
    if not exe:
        pytest.skip("node is not installed: the search engine (search-engine.js) is tested under node")
    return exe


def run_queries(index_js: Path, queries: list[dict]) -> list[dict]:
    proc = subprocess.run([node(), str(HARNESS), str(index_js), str(SEARCH_JS)],
                          input=json.dumps(queries), capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def search_reports(reports, queries, tmp_path: Path) -> list[dict]:
    index_js = tmp_path / "search-index.js"
    index_js.write_text(dumps_index(build_index(reports, site_pages())), encoding="utf-8")
    return run_queries(index_js, [q if isinstance(q, dict) else {"query": q} for q in queries])


def ids(result: dict) -> list[str]:
    return [r["id"] for r in result["results"]]
