"""The province of an issuer: from its name, else from a place in it or in the addressee.

A report names its province when its issuer does (``江苏省…``, ``北京市朝阳区…``); most do not
(``张家港市人民政府``). It then usually names a place whose province is known: its own county or
city (``张家港市`` is in 江苏省), or the government it reports to (``苏州市人民政府``). The places are
those of ``divisions.yaml`` beside this file (every province-, prefecture- and county-level unit,
with its source); a name that two provinces share (``朝阳区``) tells nothing and is passed over.

Matching is on the Simplified, width-folded text (``北京市朝陽區`` counts), longest name first at
each character. A two-character name (``城区``, ``沛县``) counts only where a name can start: at the
start of the text, after a separator or right after another place (``阳泉市城区``), not inside a
word (``中心城区``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from lawreport.analyse.textnorm import matching_copy

DIVISIONS = Path(__file__).with_name("divisions.yaml")
DIRECT = "直辖"  # the key for county-level units directly under a province
_SEPARATOR = re.compile(r"[\s、，,;；/（）()：:]|(?<=中)共")  # after it a name can start


@lru_cache(maxsize=1)
def places() -> dict[str, frozenset[str]]:
    """Place name -> the provinces it is found in (a province is found in itself)."""
    data = yaml.load(DIVISIONS.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    found: dict[str, set[str]] = {}
    for province, prefectures in data["divisions"].items():
        found.setdefault(province, set()).add(province)
        for prefecture, counties in (prefectures or {}).items():
            if prefecture != DIRECT:
                found.setdefault(prefecture, set()).add(province)
            for county in counties or []:
                found.setdefault(county, set()).add(province)
    for name, (province, _what_became_of_it) in (data.get("former") or {}).items():
        found.setdefault(name, set()).add(province)
    return {name: frozenset(provinces) for name, provinces in found.items()}


@lru_cache(maxsize=1)
def _lengths() -> tuple[int, ...]:
    return tuple(sorted({len(name) for name in places()}, reverse=True))


def places_in(text: str) -> list[tuple[str, frozenset[str]]]:
    """The places a text names, in order, each with its provinces."""
    text = matching_copy(text)
    known, out = places(), []
    at, aligned = 0, True
    while at < len(text):
        for length in _lengths():
            name = text[at:at + length]
            if len(name) == length and name in known and (length > 2 or aligned):
                out.append((name, known[name]))
                at, aligned = at + length, True
                break
        else:
            aligned = bool(_SEPARATOR.match(text, at))
            at += 1
    return out


def province_of(*texts: str) -> str:
    """The first province the texts settle (issuer name first, then addressee), else ""."""
    for text in texts:
        for _name, provinces in places_in(text or ""):
            if len(provinces) == 1:
                return next(iter(provinces))
    return ""
