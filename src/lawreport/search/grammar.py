"""The query and token grammar, defined once for Python (tokenize) and the browser (search-engine.js).

``for_browser()`` is written into the search index (key ``grammar``), and search-engine.js builds
its regular expressions and width folding from it, so the browser cannot read a query differently
from the way the index was cut.  The patterns use only syntax Python's ``re`` and JavaScript's
``RegExp`` read the same way (``[0-9]``, not ``\\d``, which is Unicode-wide in Python).

- a number: digits with ``.``/``,`` groups, optionally one unit of magnitude (``5181万``,
  ``99.98%``); it is indexed with and without the unit;
- a Latin word: ASCII letters (text is lower-cased first);
- a CJK run: the ideograph ranges below (segmented by jieba at build time, by longest match
  against the index's vocabulary in the browser);
- a quoted phrase, between any two of ``QUOTES``, is matched as a substring.
"""

from __future__ import annotations

import re

from lawreport.core.normalise import IDEOGRAPHIC_SPACE, WIDTH

UNITS = ("%", "‰", "万亿", "万", "亿")  # longest first: 万亿 before 万
UNIT_CHARS = "".join(dict.fromkeys("".join(UNITS)))  # what a bare number drops from its end
NUMBER = r"[0-9]+(?:[.,][0-9]+)*(?:" + "|".join(UNITS) + ")?"
LATIN = r"[a-z]+"
CJK_RANGES = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
CJK = "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in CJK_RANGES) + "]+"
TOKEN_RUN = f"{NUMBER}|{LATIN}|{CJK}"
QUOTES = "\"\u201c\u201d\u300c\u300d\u300e\u300f"
QUOTED = f"[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]"

TOKEN_RUN_RE = re.compile(TOKEN_RUN)
QUOTED_RE = re.compile(QUOTED)


def bare_number(run: str) -> str:
    """A number without its unit (``5181万`` -> ``5181``)."""
    return run.rstrip(UNIT_CHARS)


def for_browser() -> dict:
    """The grammar as data for search-engine.js (stored in the index)."""
    return {"run": TOKEN_RUN, "quoted": QUOTED, "units": UNIT_CHARS,
            "width": [*WIDTH, IDEOGRAPHIC_SPACE]}
