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


@lru_cache(maxsize=65536)
def _cut_line(line: str) -> tuple[str, ...]:
    return tuple(jieba_module().lcut(line))


def cut(text: str) -> list[str]:
    """``jieba.lcut(text)``, cut line by line and cached per line, so that the analyses and the
    database that cut the same lines pay jieba once.  jieba never joins across a line break (its
    blocks stop at whitespace and yield the break as a word), so the result is the same as one
    call on the whole text (tests/analyse/test_segment.py checks on real reports)."""
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("\n")
        if line:
            out.extend(_cut_line(line))
    return out


def search_mode(words: list[str]) -> list[str]:
    """jieba's search mode (``cut_for_search``) from a cut already made: before each long word, the
    dictionary's two- and three-character words inside it."""
    freq = jieba_module().dt.FREQ
    out: list[str] = []
    for word in words:
        n = len(word)
        if n > 2:
            out.extend(g for g in (word[i:i + 2] for i in range(n - 1)) if freq.get(g))
        if n > 3:
            out.extend(g for g in (word[i:i + 3] for i in range(n - 2)) if freq.get(g))
        out.append(word)
    return out
