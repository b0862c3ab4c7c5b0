"""jieba, loaded once per process on first use, for the analysis and the search index alike."""

from __future__ import annotations

import logging
import sys
from functools import lru_cache


@lru_cache(maxsize=None)
def jieba_module():
    """jieba, imported on first use: importing the analysis (e.g. for its data types) costs nothing.
    The process-wide dictionary is shared with search; loaded once, never changed.

    jieba's compatibility module imports ``pkg_resources`` (0.07 s, and a deprecation warning)
    only to open its own data files, and falls back to plain ``open`` when that import fails:
    the import is made to fail while jieba loads, unless something already loaded it."""
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import -> ImportError
    try:
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba
