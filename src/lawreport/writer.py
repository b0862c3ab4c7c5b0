"""Atomic output: the site is written to a temporary folder next to the target, then swapped in.

An interrupted or failed build leaves the previous site whole.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class SiteWriter:
    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir).resolve()
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.building-", dir=self.out_dir.parent))
        self.files: dict[str, int] = {}

    def write(self, rel_path: str, data: str | bytes) -> None:
        if rel_path in self.files:
            raise RuntimeError(f"two outputs for {rel_path}")
        target = self.tmp / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        payload = data.encode("utf-8") if isinstance(data, str) else data
        target.write_bytes(payload)
        self.files[rel_path] = len(payload)

    def commit(self) -> None:
        """Swap the new site in: rename the old one aside, rename the new one in, delete the old."""
        old = None
        if self.out_dir.exists():
            old = self.out_dir.with_name(f".{self.out_dir.name}.old-{os.getpid()}")
            self.out_dir.rename(old)
        self.tmp.rename(self.out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
