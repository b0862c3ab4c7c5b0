"""The output guard: `build` and `serve` replace only a folder that lawreport built.

A build swaps its new site in and deletes the old folder, so the output path must be one of:
missing, an empty folder, or a folder holding the marker file lawreport writes into every site
(``.lawreport-site``).  A site built before the marker existed is recognised by the build cache
beside it listing exactly its files.  Never the content or templates folder, never a folder inside
them, never a folder that contains them (the project folder, the home folder, /).  Anything else
is refused with one line, exit 2, before anything is written.
"""

from __future__ import annotations

import os
from pathlib import Path

from lawreport.core import safefile
from lawreport.build.cache import BuildCache
from lawreport.core.errors import SetupError, UsageError

MARKER = ".lawreport-site"
MARKER_TEXT = ("This folder is a site built by lawreport. Every build replaces it whole: "
               "keep no files of your own here.\n")


def is_marked(folder: Path) -> bool:
    """Does folder hold the marker lawreport writes (a regular file that starts with its text)?"""
    marker = Path(folder) / MARKER
    if not safefile.is_regular(marker):
        return False
    try:
        return safefile.read_bytes(marker, 4096).startswith(MARKER_TEXT[:40].encode())
    except Exception:  # noqa: BLE001 - an unreadable marker proves nothing
        return False


def check_output(out_dir: Path, protected: dict[str, Path], cache: BuildCache) -> None:
    """Refuse an output folder lawreport may not replace; ``protected`` names folders by role."""
    shown = str(out_dir)
    out = Path(os.path.realpath(out_dir))
    for role, folder in protected.items():
        folder = Path(os.path.realpath(folder))
        if out == folder:
            raise UsageError(f"the output folder is the {role} folder: a build would replace it; "
                             "choose another --out", shown)
        if out.is_relative_to(folder):
            raise UsageError(f"the output folder is inside the {role} folder {folder}; "
                             "choose an --out outside it", shown)
        if folder.is_relative_to(out):
            raise UsageError(f"the output folder contains the {role} folder {folder}: a build "
                             "would replace it; choose another --out", shown)
    if os.path.lexists(out):
        if not out.is_dir():
            raise UsageError("the output path is a file, not a folder; choose another --out", shown)
        if os.listdir(out) and not is_marked(out) and not _claim_old_site(out, cache):
            raise UsageError(f"the output folder is not empty and is not a site lawreport built "
                             f"(no {MARKER} file in it); a build replaces its folder whole, so "
                             "move the folder or choose another --out", shown)
    why = cache.foreign()
    if why:
        raise UsageError(f"the build cache folder cannot be used: {why}; move it or choose "
                         "another --out", str(cache.dir))


def _claim_old_site(out: Path, cache: BuildCache) -> bool:
    """A site built before the marker existed: the cache beside it lists exactly its files.

    Such a site gets its marker now, so the swap at the end of the build finds it marked.
    """
    listed = cache.listed_files()
    if not listed:
        return False
    found = set()
    for dirpath, _dirs, names in os.walk(out):
        found.update((Path(dirpath) / n).relative_to(out).as_posix() for n in names)
    if found != listed:
        return False
    try:
        (out / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    except OSError as exc:
        raise SetupError(f"cannot write: {exc.strerror}", str(out / MARKER)) from None
    return True
