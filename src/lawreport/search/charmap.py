"""Character tables the browser needs to move between scripts without OpenCC.

- ``query_table``: Traditional -> Simplified for every character of the indexed text, so a
  Traditional query (證明事項) is normalised in the browser to the index's Simplified (证明事项).
- ``display_table`` + ``display_exceptions``: the reader's Traditional view of a Simplified
  document text. OpenCC converts by phrase, so one Simplified character can have several
  Traditional forms (干 -> 幹/乾); the table holds each character's most frequent form in this
  corpus and the exceptions list the few places that differ, so the browser rebuilds OpenCC's
  output exactly.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

import opencc

from lawreport.core.script import to_hans, to_hant

# Regional Traditional forms a reader may type (台灣 and 香港 variants of the same character).
_VARIANT_CONFIGS = ("s2t", "s2tw", "s2hk")


@lru_cache(maxsize=None)
def _converter(config: str) -> "opencc.OpenCC":
    return opencc.OpenCC(config)


def query_table(hans_chars: set[str], aligned: dict[str, Counter]) -> dict[str, str]:
    """Traditional character -> Simplified, for the given Simplified characters."""
    table: dict[str, str] = {}
    for simp in sorted(hans_chars):
        forms = {_converter(c).convert(simp) for c in _VARIANT_CONFIGS} | set(aligned.get(simp, ()))
        for trad in sorted(forms):
            if len(trad) == 1 and trad != simp and to_hans(trad) == simp:
                table.setdefault(trad, simp)
    return table


def align(hans: str, hant: str) -> dict[str, Counter] | None:
    """Simplified char -> Counter of the Traditional chars it became; None if lengths differ."""
    if len(hans) != len(hant):
        return None
    pairs: dict[str, Counter] = defaultdict(Counter)
    for s, t in zip(hans, hant):
        pairs[s][t] += 1
    return pairs


def display_table(aligned: dict[str, Counter]) -> dict[str, str]:
    """Each Simplified character's most frequent Traditional form (ties: lowest code point)."""
    table = {}
    for simp, counts in aligned.items():
        trad = min(counts, key=lambda t: (-counts[t], t))
        if trad != simp:
            table[simp] = trad
    return table


def display_exceptions(hans: str, hant: str, table: dict[str, str]) -> list | str:
    """How ``hant`` differs from ``hans`` mapped through ``table``: [gap, char, gap, char…]
    (gap = offset since the previous exception), or the whole ``hant`` if lengths differ."""
    if len(hans) != len(hant):
        return hant
    out: list = []
    last = 0
    for i, (s, t) in enumerate(zip(hans, hant)):
        if table.get(s, s) != t:
            out += [i - last, t]
            last = i
    return out


def hant_of(hans: str, original: str, script: str) -> str:
    """The Traditional text: the original if the report is Traditional, else OpenCC's."""
    return original if script == "zh-Hant" else to_hant(hans)
