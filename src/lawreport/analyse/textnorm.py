"""A copy of stored text to match rules on: Simplified script, half-width forms, same length.

Rules are written once, in Simplified with ASCII punctuation; offsets found in the
copy are offsets into the stored text because the copy has exactly its length.
"""

from __future__ import annotations

from functools import lru_cache

from lawreport.core.normalise import fold_width, simplified_copy


@lru_cache(maxsize=4096)
def matching_copy(text: str) -> str:
    return simplified_copy(fold_width(text))
