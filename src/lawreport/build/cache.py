"""Content-addressed build cache: input hashes -> outputs, so unchanged work is never redone.

Three levels, cheapest first:
- the whole build: a fingerprint of every input file (content, templates, lawreport's own code and
  the options); if it equals the last build's and the site is still as that build left it, nothing
  is done at all (no jieba, no rendering, no file written);
- a report: a key over its YAML, its notes and everything shared (templates, code, options,
  editorial pages); an unchanged report's pages are linked from the previous site and its search
  documents come from the cache, so it needs no analysis and no segmentation;
- a file: every output is compared (sha256) with the previous site's; an identical one is linked,
  not rewritten, so a rebuild changes exactly the files whose bytes changed.

The cache lives beside the output (``.lawreport-cache/<site-name>/``) and can be deleted at any
time (``lawreport build --clean`` ignores it).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lawreport.core import safefile
from lawreport.core.errors import LawreportError

CACHE_VERSION = 2  # 2: the manifest names the site folder it describes
_CODE_ROOT = Path(__file__).resolve().parent


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hash_tree(root: Path | None, h: "hashlib._Hash", extra: dict[str, bytes] | None = None) -> None:
    """Feed every file under root (relative path + bytes) into h, in a fixed order.

    Only regular files are read: a FIFO or device is hashed by its kind alone (reading it would
    hang or never end) and is refused later, when the build reads it.  ``extra`` maps absolute
    paths to bytes not yet on disk (a report.yaml this build writes after the swap).
    """
    if root is None or not Path(root).exists():
        h.update(b"<none>")
        return
    root = Path(root)
    pending: dict[str, dict[str, bytes]] = {}
    for path, data in (extra or {}).items():
        pending.setdefault(os.path.dirname(path), {})[os.path.basename(path)] = data
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        virtual = pending.get(os.path.abspath(dirpath), {})
        for name in sorted(set(filenames) | set(virtual)):
            if name.startswith(".") or name.endswith((".pyc", "~", ".tmp")):
                continue
            path = Path(dirpath) / name
            h.update(str(path.relative_to(root)).encode() + b"\0")
            h.update(hashlib.sha256(virtual[name]).digest() if name in virtual else _file_digest(path))


def _file_digest(path: Path) -> bytes:
    try:
        kind = safefile.special_kind(os.stat(path).st_mode)
        if kind is not None:
            return f"<{kind}>".encode()
        fd = safefile.open_regular(path)
    except (OSError, LawreportError):  # vanished or swapped meanwhile: the build itself will say
        return b"<unreadable>"
    with os.fdopen(fd, "rb") as f:
        return hashlib.file_digest(f, "sha256").digest()


def code_fingerprint() -> str:
    h = hashlib.sha256(f"{CACHE_VERSION}|{sys.version_info[:2]}".encode())
    hash_tree(_CODE_ROOT, h)
    return h.hexdigest()


def shared_key(templates_dir: Path, base_url: str | None, pages_dir: Path | None) -> str:
    """Everything every report's pages depend on besides the report itself."""
    h = hashlib.sha256(code_fingerprint().encode() + (base_url or "").encode() + b"\0")
    hash_tree(templates_dir, h)
    hash_tree(pages_dir, h)
    return h.hexdigest()


def report_key(shared: str, report_dir: Path, extra: dict[str, bytes] | None = None) -> str:
    h = hashlib.sha256(shared.encode())
    hash_tree(report_dir, h, extra)  # report.yaml, source.txt, notes/
    return h.hexdigest()


def build_fingerprint(shared: str, content_dir: Path, extra: dict[str, bytes] | None = None) -> str:
    h = hashlib.sha256(shared.encode())
    hash_tree(content_dir, h, extra)
    return h.hexdigest()


@dataclass
class Manifest:
    fingerprint: str = ""
    files: dict[str, str] = field(default_factory=dict)  # rel path -> sha256
    # id -> {"key" (of its pages: folder + neighbours), "files", "sizes", "pages", "content_key" (of
    # its folder alone), "identity" ([issuer id, year]: see build/identity.py)}
    reports: dict[str, dict] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)  # rel path -> bytes
    site: str = ""  # the site folder described ("device:inode"): another folder's files are not these


def folder_id(path: Path) -> str:
    """Which folder this is, kept across the rename that swaps a new site in."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    return f"{st.st_dev}:{st.st_ino}"


class BuildCache:
    MARKER = ".lawreport-cache"  # in the cache folder: lawreport made it and may delete in it
    MARKER_TEXT = "lawreport's build cache: safe to delete; lawreport prunes files here.\n"
    _OWN = ("manifest.json", "manifest.tmp", "reports", MARKER)  # all a cache folder ever holds

    def __init__(self, out_dir: Path):
        out_dir = Path(out_dir).resolve()
        self.out_dir = out_dir
        self.dir = out_dir.parent / ".lawreport-cache" / out_dir.name
        self.manifest_path = self.dir / "manifest.json"

    def foreign(self) -> str | None:
        """Why the cache folder is not lawreport's to write in (None: it is, or it is missing)."""
        parent = self.dir.parent
        if os.path.lexists(parent) and (parent.is_symlink() or not parent.is_dir()):
            return f"{parent} is not a folder lawreport made"
        if not os.path.lexists(self.dir):
            return None
        if self.dir.is_symlink() or not self.dir.is_dir():
            return f"{self.dir} is not a folder lawreport made"
        if safefile.is_regular(self.dir / self.MARKER):
            return None
        names = os.listdir(self.dir)
        # a cache written before the marker existed holds only lawreport's own names
        if not names or (all(n in self._OWN for n in names) and self._manifest_data() is not None):
            return None
        return f"{self.dir} holds files lawreport did not write (no {self.MARKER} marker)"

    def _manifest_data(self) -> dict | None:
        if not safefile.is_regular(self.manifest_path):
            return None
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and "version" in data else None

    def listed_files(self) -> set[str] | None:
        """The site files the manifest lists, whatever its version (to recognise an old site)."""
        data = self._manifest_data()
        files = data.get("files") if data else None
        return set(files) if isinstance(files, dict) else None

    def load(self) -> Manifest:
        data = self._manifest_data()
        try:
            if not data or data.get("version") != CACHE_VERSION:
                return Manifest()
            manifest = Manifest(data["fingerprint"], data["files"], data["reports"], data["sizes"],
                                data["site"])
        except (KeyError, TypeError):
            return Manifest()
        # a manifest whose save failed describes a site that is no longer there: trust none of it
        return manifest if manifest.site and manifest.site == folder_id(self.out_dir) else Manifest()

    def save(self, manifest: Manifest) -> None:
        """Raises OSError (disk full…); the caller turns that into a warning."""
        self.dir.mkdir(parents=True, exist_ok=True)
        marker = self.dir / self.MARKER
        if not marker.exists():
            marker.write_text(self.MARKER_TEXT, encoding="utf-8")
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": CACHE_VERSION, "fingerprint": manifest.fingerprint,
                                   "files": manifest.files, "reports": manifest.reports,
                                   "sizes": manifest.sizes, "site": manifest.site},
                                  sort_keys=True), encoding="utf-8")
        tmp.replace(self.manifest_path)
        self._prune({entry["key"] for entry in manifest.reports.values()})

    def forget(self) -> None:
        """After a failed save: drop the old manifest, which no longer describes the site."""
        for path in (self.manifest_path, self.manifest_path.with_suffix(".tmp")):
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass

    def site_matches(self, manifest: Manifest, out_dir: Path) -> bool:
        """Is the site on disk still the one the manifest describes (same files, none edited)?"""
        out_dir = Path(out_dir)
        if not manifest.files or not out_dir.is_dir():
            return False
        found = 0
        for dirpath, _dirs, filenames in os.walk(out_dir):
            found += len(filenames)
        if found != len(manifest.files):
            return False
        # a cheap check that catches deleted or hand-edited files: sizes must match the bytes hashed
        for rel, size in manifest.sizes.items():
            try:
                if (out_dir / rel).stat().st_size != size:
                    return False
            except OSError:
                return False
        return True

    # per-report data (search documents…), stored by report key
    def _data_path(self, key: str) -> Path:
        return self.dir / "reports" / f"{key}.pickle"

    def load_report_data(self, key: str):
        try:
            with open(self._data_path(key), "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def save_report_data(self, key: str, data) -> None:
        path = self._data_path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as f:
                pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)  # a full disk leaves no half-written pickle behind
            raise

    def _prune(self, keep: set[str]) -> None:
        folder = self.dir / "reports"
        if not folder.is_dir():
            return
        for path in folder.glob("*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
