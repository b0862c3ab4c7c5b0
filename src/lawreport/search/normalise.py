"""Text normalisation shared by index and query: Simplified script, folded width, lower case.

Every step maps one character to one character, so an offset in the normalised text is the offset
of the same character in the text the reader sees (snippets and highlights rely on it).
search.js applies the same folding (``foldWidth`` there) and a Traditional->Simplified character
table built from OpenCC (``charmap``).
"""

from __future__ import annotations

from lawreport.script import to_hans


def fold_char(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII -> ASCII
        ch = chr(code - 0xFEE0)
    elif code == 0x3000:  # ideographic space
        ch = " "
    return ch.lower() if ch.isascii() else ch


def fold_width(text: str) -> str:
    return "".join(fold_char(ch) for ch in text)


def normalise(text: str) -> str:
    """Simplified, width-folded, lower-cased text; same length as ``text`` when OpenCC keeps it."""
    return fold_width(to_hans(text))
