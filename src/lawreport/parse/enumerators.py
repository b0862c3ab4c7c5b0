"""The numbering of the genre: 一、 > (一) > 1. > (1) > ①, and inline 一是……二是…….

Matching is done on a width-folded copy (``chars.fold``), so （一）, １． and
1、 are the same kinds as (一), 1. and 1、.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawreport.parse.chars import CIRCLED, CN_NUMERAL, cn_to_int, fold

_CN = f"[{CN_NUMERAL}]{{1,3}}"

# Rank = nesting depth of a kind in the genre's convention; lower nests higher.
KINDS = {
    "part": (1, re.compile(rf"[ \t]*({_CN})[ \t]*[、,.][ \t]*")),
    # "(一)", "（一）", "(一) ", and "一)" whose opening parenthesis was lost
    "subsection": (2, re.compile(rf"[ \t]*\(?[ \t]*({_CN})[ \t]*\)[ \t]*")),
    "item": (3, re.compile(r"[ \t]*(\d{1,2})[ \t]*(?:[.、](?!\d)|,(?=[^\d]))[ \t]*")),
    # "(1)", "（1）", and "1)" whose opening parenthesis was lost
    "subitem": (4, re.compile(r"[ \t]*\(?[ \t]*(\d{1,2})[ \t]*\)[ \t]*")),
    "circled": (5, re.compile(rf"[ \t]*([{CIRCLED}])[ \t]*")),
}

# "一是" at the start of a clause, for inline enumerations.
POINT = re.compile(rf"(?:^|(?<=[。;:,；：，\s]))({_CN})是")


@dataclass
class Enumerator:
    kind: str
    rank: int
    value: int
    text: str  # as written, including surrounding punctuation (and spaces)
    end: int  # offset where the heading text starts


def match_at(text: str, pos: int = 0, folded: str | None = None) -> Enumerator | None:
    """The enumerator starting at ``pos`` of ``text``, if any (``folded``: ``fold(text)``, if known)."""
    folded = fold(text) if folded is None else folded
    for kind, (rank, pattern) in KINDS.items():
        m = pattern.match(folded, pos)
        if not m:
            continue
        token = m.group(1)
        value = CIRCLED.index(token) + 1 if kind == "circled" else cn_to_int(token)
        if value is None or value == 0:
            continue
        if kind == "part" and _is_ordinal_phrase(folded, m):
            continue
        return Enumerator(kind, rank, value, text[pos:m.end()].strip(" \t"), m.end())
    return None


def _is_ordinal_phrase(folded: str, m: re.Match) -> bool:
    # "一、二等奖" or "一、二季度": a list of numerals, not a heading.
    return bool(re.match(rf"{_CN}([、,]|等|季度|级|类|期|批|档|星)", folded[m.end():m.end() + 5]))


@dataclass
class Point:
    marker: str  # "一是"
    value: int
    start: int  # offset of the marker in the text


def find_points(text: str) -> list[Point]:
    """Every ``N是`` clause opener in the text, in order."""
    points = []
    for m in POINT.finditer(text):
        value = cn_to_int(m.group(1))
        if value:
            points.append(Point(m.group(0), value, m.start(1)))
    return points


def enumeration_runs(points: list[Point]) -> tuple[list[list[Point]], list[Point]]:
    """Split points into proper runs (一是, 二是, …) and stray markers that start no run."""
    runs: list[list[Point]] = []
    strays: list[Point] = []
    for point in points:
        if point.value == 1:
            runs.append([point])
        elif runs and runs[-1][-1].value == point.value - 1:
            runs[-1].append(point)
        else:
            strays.append(point)
    return [run for run in runs if len(run) > 1], strays
