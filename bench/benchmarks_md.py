"""BENCHMARKS.md is shared by several benchmark scripts: each owns the block between its markers."""

from __future__ import annotations

from pathlib import Path

PATH = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"


def write_block(start: str, end: str, block: str, path: Path = PATH) -> None:
    """Replace the text from ``start`` to ``end`` (markers included in ``block``), or append it."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if start in old and end in old:
        new = old[:old.index(start)] + block + old[old.index(end) + len(end):]
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")
