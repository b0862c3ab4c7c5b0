"""Display-only punctuation: half-width , : ; ! ? ( ) between Chinese text shown full-width.

Many source pages type ASCII punctuation inside Chinese prose (``之年,我市``).
The stored text keeps it exactly as received (report.yaml, report.json);
only what the reader sees is normalised, and only here, so every page agrees.
ASCII punctuation between digits or Latin letters (``1,000``, ``12:30``,
``(GB/T)``) is left alone.
"""

from __future__ import annotations

import re

_CJK = "\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’《》"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_SINGLE = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
# A bracket pair with no bracket inside: converted as a pair so they always match.
_PAIR = re.compile(r"\(([^()\n]{0,80})\)")
_SINGLE_RE = re.compile(r"[,;:!?]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_CHAR.match(ch))


def _pair(match: re.Match) -> str:
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end()] if match.end() < len(text) else ""
    inner = match.group(1)
    if _CJK_CHAR.search(inner) or _is_cjk(before) or _is_cjk(after):
        return "（" + inner + "）"
    return match.group(0)


def _single(match: re.Match) -> str:
    text, i = match.string, match.start()
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    ch = match.group(0)
    if ch in "!?":  # sentence-final: only the character before counts
        return _SINGLE[ch] if _is_cjk(before) else ch
    if _is_cjk(before) or _is_cjk(after):
        return _SINGLE[ch]
    return ch


def display_text(text: str) -> str:
    """The text as shown to readers; same length is not guaranteed, content is."""
    if not text:
        return text
    text = _PAIR.sub(_pair, text)
    return _SINGLE_RE.sub(_single, text)
