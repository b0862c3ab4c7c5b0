"""The one definition of character folding: width, case and script, one character to one.

Every function here maps one character to one character, so an offset found in a folded copy is
the offset of the same character in the text the reader sees (snippets, highlights, rule matches
rely on it).  The browser folds with the same table: ``WIDTH`` is written into the search index
(``grammar.for_browser``) and search-engine.js applies it, so the two cannot drift.

- ``fold_width``: full-width ASCII forms and the ideographic space -> ASCII (what the parser and
  the analysis match rules on; ``parse.chars.fold`` is the same mapping);
- ``fold``: ``fold_width`` plus ASCII lower case (the search form of index and query);
- ``simplified_copy``: Simplified script of the same length (``to_hans``, or character by
  character where OpenCC turned a phrase into one of another length);
- ``normalise``: ``fold`` of ``simplified_copy`` (a query or a text, as the index holds words).

Imports nothing of lawreport but the script conversion, so it can sit below every stage.
"""

from __future__ import annotations

from lawreport.core.script import to_hans

# (first, last, shift): full-width ASCII U+FF01..U+FF5E is ASCII + 0xFEE0; the ideographic space
# U+3000 is a space.
WIDTH = (0xFF01, 0xFF5E, 0xFEE0)
IDEOGRAPHIC_SPACE = 0x3000

_WIDTH_TABLE = {code: code - WIDTH[2] for code in range(WIDTH[0], WIDTH[1] + 1)}
_WIDTH_TABLE[IDEOGRAPHIC_SPACE] = ord(" ")
_FOLD_TABLE = {**_WIDTH_TABLE, **{code: ord(chr(code).lower()) for code in range(ord("A"), ord("Z") + 1)}}
for _code, _to in list(_FOLD_TABLE.items()):
    if ord("A") <= _to <= ord("Z"):  # Ａ -> A -> a
        _FOLD_TABLE[_code] = _to + 32


def fold_width(text: str) -> str:
    return text.translate(_WIDTH_TABLE)


def fold(text: str) -> str:
    """Width-folded and ASCII lower-cased: the form index and query are matched in."""
    return text.translate(_FOLD_TABLE)


def fold_char(ch: str) -> str:
    return ch.translate(_FOLD_TABLE)


def simplified_copy(text: str) -> str:
    """Simplified script with exactly ``text``'s length."""
    hans = to_hans(text)
    if len(hans) == len(text):
        return hans
    # OpenCC turned some phrase into one of a different length: convert char by char, keeping
    # any character whose conversion is not one character long.
    out = []
    for ch in text:
        conv = to_hans(ch)
        out.append(conv if len(conv) == 1 else ch)
    return "".join(out)


def normalise(text: str) -> str:
    """Simplified, width-folded, lower-cased text of ``text``'s length."""
    return fold(simplified_copy(text))
