"""Character-level helpers: width folding and Chinese numerals.

``fold`` maps full-width ASCII forms to half-width one character for one character, so offsets
found in the folded copy are valid in the original.  It is core.normalise's ``fold_width``: one
definition of folding for the parser, the analysis and search.
"""

from __future__ import annotations

from lawreport.core.normalise import fold_width as fold  # noqa: F401  (the parser's name for it)

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL = "〇零○一二两兩三四五六七八九十百"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Sentence-final punctuation after which a new numbered paragraph may begin.
SENTENCE_END = "。;!?；！？"
# A paragraph ending in one of these is complete; otherwise the line break is suspect.
CLOSED_END = "。;:!?；：！？”」』)）】…"


def cn_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral up to 999 (一, 十二, 二十, 一百零五); None if not one."""
    if not numeral:
        return None
    if numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for ch in numeral:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def cn_digits_to_int(numeral: str) -> int | None:
    """Digit-by-digit numerals as in dates: 二〇二四 -> 2024."""
    if numeral.isdigit():
        return int(numeral)
    if all(ch in CN_DIGITS for ch in numeral):
        return int("".join(str(CN_DIGITS[ch]) for ch in numeral))
    return cn_to_int(numeral)
