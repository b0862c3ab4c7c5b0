"""Atomic output: the site is written to a temporary folder next to the target, then swapped in.

An interrupted or failed build leaves the previous site whole.  A file whose bytes equal the
previous site's copy is hard-linked from it instead of written again, so an incremental build
changes exactly the files whose content changed (their inode and mtime stay as they were).

The folder swapped out is deleted only if it carries lawreport's marker (``outguard``), checked
again at the swap: a folder put in its place during the build is never deleted.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from lawreport.core import safefile
from lawreport.core.errors import SetupError


class SiteWriter:
    def __init__(self, out_dir: Path, previous: dict[str, str] | None = None, tmp: Path | None = None):
        self.out_dir = Path(out_dir).resolve()
        self.previous = previous or {}  # rel path -> sha256 of the file in the current site
        if tmp is None:
            try:
                self.out_dir.parent.mkdir(parents=True, exist_ok=True)
                tmp = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.building-",
                                            dir=self.out_dir.parent))
                os.chmod(tmp, safefile.mode_for_new(folder=True))  # mkdtemp makes 0700
            except OSError as exc:
                raise _disk_error(exc, Path(out_dir)) from None  # the name the user gave
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
            target = self.tmp / rel_path
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
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
        target = self.tmp / rel_path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(old, target)
        except OSError:
            return False
        self.reused += 1
        return True

    def commit(self, may_replace: Callable[[Path], bool]) -> None:
        """Swap the new site in: rename the old one aside, rename the new one in, delete the old.

        ``may_replace(folder)`` says whether the folder now at the output path is one lawreport
        built; if not (it appeared during the build), nothing is moved or deleted.
        """
        old = None
        try:
            if os.path.lexists(self.out_dir):
                if not may_replace(self.out_dir):
                    raise SetupError("the output folder changed during the build and is no longer a "
                                     "site lawreport built; nothing was replaced", str(self.out_dir))
                # a fresh empty folder of our own to rename onto: no name of anyone else's is reused
                old = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.old-", dir=self.out_dir.parent))
                os.rename(self.out_dir, old)
            os.rename(self.tmp, self.out_dir)
        except OSError as exc:
            if old is not None:
                try:
                    if os.path.lexists(self.out_dir):
                        os.rmdir(old)  # the rename aside failed: drop our empty placeholder
                    else:
                        os.rename(old, self.out_dir)  # put the previous site back
                except OSError:
                    pass
            raise _disk_error(exc, Path(exc.filename or self.out_dir)) from None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def _disk_error(exc: OSError, target: Path) -> Exception:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return SetupError("disk full while writing the site; the previous site is left as it was",
                          str(target))
    if exc.errno == errno.ENAMETOOLONG:
        return SetupError("file name too long for the file system", str(target))
    return SetupError(f"cannot write: {exc.strerror}", str(target))
