"""Shared by the extract tests and bench/extract_compare.py: how much of a wrapped text an
extractor kept, and which chrome strings leaked into it."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TEXTS = {
    "seed": ROOT / "content" / "reports" / "zjg-2023" / "source.txt",
    "liyang": HERE / "texts" / "liyang-2023.txt",
    "qingpu": HERE / "texts" / "qingpu-2022.txt",
    "unnumbered": HERE / "texts" / "unnumbered-bureau-2023.txt",
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def kept_fraction(wrapped: str, extracted: str) -> float:
    """Share of the wrapped text's characters found, in order, in the extracted text."""
    a, b = squash(wrapped), squash(extracted)
    if not a:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)


def leaked(chrome: list[str], extracted: str, wrapped: str) -> list[str]:
    """Chrome strings in the extracted text that the wrapped text itself does not contain."""
    text, own = squash(extracted), squash(wrapped)
    return [c for c in chrome if squash(c) in text and squash(c) not in own]


# the page title of a text that has none in its first line (the seed, a page's text pasted)
PAGE_TITLES = {"seed": "张家港市人民政府关于2023年度法治政府建设情况的报告"}


def title_and_text(name: str) -> tuple[str, str]:
    """The page's title and the report text a fixture page wraps."""
    text = TEXTS[name].read_text(encoding="utf-8")
    first = text.split("\n")[0].strip()
    return PAGE_TITLES.get(name, first), text
