"""Synthetic collections big enough to shard (bench/corpus.py), parsed once per test session."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=None)
def _generated(count: int, out: str) -> tuple[Path, ...]:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate

    return tuple(generate(count, Path(out), ROOT / "content" / "reports" / "zjg-2023" / "source.txt"))


def synthetic_content(count: int, out: Path) -> Path:
    """``out``/reports/<id>/source.txt for ``count`` synthetic reports; returns ``out``."""
    _generated(count, str(out))
    return out


def synthetic_reports(count: int, out: Path) -> list:
    from lawreport.parse import parse_source

    return [parse_source(folder / "source.txt", folder.name).report for folder in _generated(count, str(out))]


def write_index(reports: list, site: Path, shard_from: int) -> Path:
    """The index files of ``reports`` under ``site``; returns the path of search-index.js."""
    from fixtures import site_pages
    from lawreport.search.index import index_files

    for rel, text in index_files(reports, site_pages(), shard_from=shard_from).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site / "search-index.js"
