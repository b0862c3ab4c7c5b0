"""The plan step of a build: cheap, and enough to know whether there is anything to do.

It discovers content/, checks the templates folder and the output guard, loads the cache manifest
and fingerprints every input.  When the fingerprint matches the manifest and the site on disk, the
build stops here, having imported nothing heavier than this module (no renderer, no analysis, no
jieba).  ``run`` (build/run.py) takes the plan and does the work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lawreport.build import cache as cache_mod
from lawreport.build import outguard
from lawreport.content import folders as content_mod
from lawreport.core.errors import SetupError


@dataclass
class Plan:
    content: content_mod.Content
    out_dir: Path
    templates_dir: Path
    base_url: str | None
    cache: cache_mod.BuildCache
    manifest: cache_mod.Manifest
    shared: str  # key of the inputs every report shares (templates, options, editorial pages)
    fingerprint: str  # of every input, taken before anything is read
    unchanged: bool

    def summary(self, seconds: float) -> str:
        return (f"nothing changed: {len(self.content.reports)} report(s), site left as it was "
                f"in {seconds:.1f} s -> {self.out_dir}")


def default_templates(content_dir: Path) -> Path:
    beside = Path(content_dir).resolve().parent / "templates"
    return beside if beside.is_dir() else Path("templates").resolve()


def plan(content_dir: Path, out_dir: Path, templates_dir: Path | None = None,
         base_url: str | None = None, clean: bool = False,
         log: Callable[[str], None] = print) -> Plan:
    content = content_mod.discover(content_dir)
    for message in content.warnings:  # skipped folders and files
        log(message)
    templates_dir = Path(templates_dir) if templates_dir else default_templates(content_dir)
    if not templates_dir.is_dir():
        raise SetupError("templates folder not found (give it with --templates)", str(templates_dir))
    cache = cache_mod.BuildCache(out_dir)
    outguard.check_output(out_dir, {"content": content.root, "templates": templates_dir}, cache)
    manifest = cache_mod.Manifest() if clean else cache.load()
    shared = cache_mod.shared_key(templates_dir, base_url, content.root / "pages")
    # Hash the inputs before reading them: an edit made while this build runs must not be
    # mistaken for something this build has already seen.
    fingerprint = cache_mod.build_fingerprint(shared, content.root)
    unchanged = (not clean and manifest.fingerprint == fingerprint
                 and cache.site_matches(manifest, out_dir))
    return Plan(content, Path(out_dir), templates_dir, base_url, cache, manifest, shared,
                fingerprint, unchanged)
