"""A copy of stored text to match rules on: Simplified script, half-width forms, same length.

Rules are written once, in Simplified with ASCII punctuation; offsets found in the
copy are offsets into the stored text because the copy has exactly its length.
"""

from __future__ import annotations

from functools import lru_cache

from lawreport.parse.chars import fold
from lawreport.core.script import to_hans


@lru_cache(maxsize=4096)
def matching_copy(text: str) -> str:
    folded = fold(text)
    hans = to_hans(folded)
    if len(hans) == len(text):
        return hans
    # OpenCC turned some phrase into one of a different length: convert char by char,
    # keeping any character whose conversion is not one character long.
    out = []
    for ch in folded:
        conv = to_hans(ch)
        out.append(conv if len(conv) == 1 else ch)
    return "".join(out)
