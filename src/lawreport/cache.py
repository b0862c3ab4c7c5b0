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

CACHE_VERSION = 1
_CODE_ROOT = Path(__file__).resolve().parent


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hash_tree(root: Path | None, h: "hashlib._Hash") -> None:
    """Feed every file under root (relative path + bytes) into h, in a fixed order."""
    if root is None or not Path(root).exists():
        h.update(b"<none>")
        return
    root = Path(root)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for name in sorted(filenames):
            if name.startswith(".") or name.endswith((".pyc", "~", ".tmp")):
                continue
            path = Path(dirpath) / name
            h.update(str(path.relative_to(root)).encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())


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


def report_key(shared: str, report_dir: Path) -> str:
    h = hashlib.sha256(shared.encode())
    hash_tree(report_dir, h)  # report.yaml, source.txt, notes/
    return h.hexdigest()


def build_fingerprint(shared: str, content_dir: Path) -> str:
    h = hashlib.sha256(shared.encode())
    hash_tree(content_dir, h)
    return h.hexdigest()


@dataclass
class Manifest:
    fingerprint: str = ""
    files: dict[str, str] = field(default_factory=dict)  # rel path -> sha256
    reports: dict[str, dict] = field(default_factory=dict)  # id -> {"key", "files", "sizes", "pages"}
    sizes: dict[str, int] = field(default_factory=dict)  # rel path -> bytes


class BuildCache:
    def __init__(self, out_dir: Path):
        out_dir = Path(out_dir).resolve()
        self.dir = out_dir.parent / ".lawreport-cache" / out_dir.name
        self.manifest_path = self.dir / "manifest.json"

    def load(self) -> Manifest:
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            if data.get("version") != CACHE_VERSION:
                return Manifest()
            return Manifest(data["fingerprint"], data["files"], data["reports"], data["sizes"])
        except (OSError, ValueError, KeyError):
            return Manifest()

    def save(self, manifest: Manifest) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"version": CACHE_VERSION, "fingerprint": manifest.fingerprint,
                                   "files": manifest.files, "reports": manifest.reports,
                                   "sizes": manifest.sizes},
                                  sort_keys=True), encoding="utf-8")
        tmp.replace(self.manifest_path)
        self._prune({entry["key"] for entry in manifest.reports.values()})

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
        with open(tmp, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)

    def _prune(self, keep: set[str]) -> None:
        folder = self.dir / "reports"
        if not folder.is_dir():
            return
        for path in folder.glob("*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
