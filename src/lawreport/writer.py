"""Atomic output: the site is written to a temporary folder next to the target, then swapped in.

An interrupted or failed build leaves the previous site whole.  A file whose bytes equal the
previous site's copy is hard-linked from it instead of written again, so an incremental build
changes exactly the files whose content changed (their inode and mtime stay as they were).
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from lawreport.errors import LawreportError


class SiteWriter:
    def __init__(self, out_dir: Path, previous: dict[str, str] | None = None, tmp: Path | None = None):
        self.out_dir = Path(out_dir).resolve()
        self.previous = previous or {}  # rel path -> sha256 of the file in the current site
        if tmp is None:
            self.out_dir.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.building-", dir=self.out_dir.parent))
        self.tmp = Path(tmp)
        self.files: dict[str, str] = {}  # rel path -> sha256
        self.sizes: dict[str, int] = {}
        self.reused = 0

    def child(self) -> "SiteWriter":
        """A writer into the same temporary folder (for a worker process); merge its files back."""
        return SiteWriter(self.out_dir, self.previous, self.tmp)

    def merge(self, files: dict[str, str], sizes: dict[str, int], reused: int) -> None:
        for rel in files:
            if rel in self.files:
                raise RuntimeError(f"two outputs for {rel}")
        self.files.update(files)
        self.sizes.update(sizes)
        self.reused += reused

    def write(self, rel_path: str, data: str | bytes) -> None:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        digest = hashlib.sha256(payload).hexdigest()
        if not self.adopt(rel_path, digest, len(payload)):
            target = self._target(rel_path)
            try:
                target.write_bytes(payload)
            except OSError as exc:
                raise _disk_error(exc, target) from None

    def adopt(self, rel_path: str, digest: str, size: int) -> bool:
        """Link the previous site's copy of rel_path if it has exactly these bytes."""
        if rel_path in self.files:
            raise RuntimeError(f"two outputs for {rel_path}")
        self.files[rel_path] = digest
        self.sizes[rel_path] = size
        if self.previous.get(rel_path) != digest:
            return False
        old = self.out_dir / rel_path
        target = self._target(rel_path)
        try:
            os.link(old, target)
        except OSError:
            return False
        self.reused += 1
        return True

    def _target(self, rel_path: str) -> Path:
        target = self.tmp / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

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


def _disk_error(exc: OSError, target: Path) -> Exception:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return LawreportError("disk full while writing the site; the previous site is left as it was",
                              str(target))
    return LawreportError(f"cannot write: {exc.strerror}", str(target))
