"""Where every page lives, and how one page links to another.

Paths are site-root relative and script independent ("zjg-2023/2-5-3/index.html");
the Traditional copy of a page lives under "zh-hant/".  Links are always relative
and always end in "index.html", so the site works opened from disk (file://).
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from lawreport.core.script import HANS, HANT

SCRIPT_PREFIX = {HANS: "", HANT: "zh-hant/"}
LANG = {HANS: "zh-Hans", HANT: "zh-Hant"}
FULL_TEXT = "full-text"  # folder of a report's reading page; never a section id
# The analysis pages of a report, <report>/<name>/ (site/analysis.py renders them, in this order).
ANALYSIS_PAGES = ("metrics", "keywords", "timeline", "documents", "places", "coverage")
# Folders inside a report's folder that are pages, not sections: no section id may take one.
REPORT_PAGES = (FULL_TEXT, *ANALYSIS_PAGES)
# Top-level folders the site itself uses: a report id must not take one of these.
RESERVED_TOP = ("zh-hant", "static", "search", "pages",
                "corpus", "issuers", "indicators", "documents", "required", "data")  # site/across.py


def home() -> str:
    return "index.html"


def report(report_id: str) -> str:
    return f"{report_id}/index.html"


def full_text(report_id: str) -> str:
    return f"{report_id}/{FULL_TEXT}/index.html"


def analysis_page(report_id: str, page: str) -> str:
    return f"{report_id}/{page}/index.html"


def section(report_id: str, section_id: str) -> str:
    return f"{report_id}/{section_id}/index.html"


def page(slug: str) -> str:
    return f"pages/{slug}/index.html"


def search() -> str:
    return "search/index.html"


def download(report_id: str, name: str) -> str:
    """Data files are the same for both scripts and live once, outside zh-hant/."""
    return f"{report_id}/{name}"


def in_script(path: str, script: str) -> str:
    """The output path of a page in one script."""
    return SCRIPT_PREFIX[script] + path


def relative(from_file: str, to_file: str) -> str:
    """Relative link from one output file to another (both site-root relative)."""
    return _relative(posixpath.dirname(from_file) or ".", to_file)


@lru_cache(maxsize=65536)
def _relative(start: str, to_file: str) -> str:  # every page links to the same few dozen targets
    return posixpath.relpath(to_file, start)


def absolute(base_url: str | None, path: str) -> str | None:
    """Absolute URL of an output file, or None when no base URL was configured."""
    if not base_url:
        return None
    return base_url.rstrip("/") + "/" + path
