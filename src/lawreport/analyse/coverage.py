"""Shortcomings ↔ plan: how strongly each next-year plan item answers each admitted shortcoming.

Each item becomes a bag of content words (jieba in search mode, so 执法 also matches inside
行政执法; genre stop-words removed).  Words are
weighted by inverse document frequency over all sections of the report, so a word
every section uses (法治, 工作…) counts little and a word only a shortcoming and a plan
item share (行政诉讼, 执法) counts much.  The strength of a pair is the cosine of the two
TF-IDF vectors; the shared words, heaviest first, are shown as evidence.

A shortcoming is *answered weakly* when its best plan item scores below
``WEAK_SHARE`` of the strongest link in the matrix (a relative bar, so it does not
depend on how long or wordy a report is), or below ``WEAK_FLOOR`` in absolute terms.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from lawreport.analyse import segment
from lawreport.analyse.stopwords import is_content_word
from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report, Section
from lawreport.parse.enumerators import enumeration_runs, find_points

WEAK_SHARE = 0.5
WEAK_FLOOR = 0.05
EVIDENCE = 6  # shared words shown per pair


@dataclass
class Link:
    shortcoming: Section
    plan: Section
    score: float
    shared: list[str]  # Simplified words, heaviest first


@dataclass
class Coverage:
    shortcomings: list[Section]
    plans: list[Section]
    links: dict[tuple[str, str], Link] = field(default_factory=dict)
    best: dict[str, Link] = field(default_factory=dict)  # shortcoming id -> best link
    weak: list[str] = field(default_factory=list)  # shortcoming ids answered weakly at best

    def link(self, shortcoming_id: str, plan_id: str) -> Link:
        return self.links[(shortcoming_id, plan_id)]


def items(report: Report, category: str) -> list[Section]:
    """The items of the parts in ``category``: their subsections; for a part without any, the
    points it lists inline (一是……二是……); else the part itself."""
    out = []
    for part in report.sections:
        if part.category == category:
            out.extend(part.children or point_items(part) or [part])
    return out


POINT_SEPARATOR = "~"  # id of an inline point: "<part id>~<n>"; its permalink is the part's


def point_items(part: Section) -> list[Section]:
    """One item per point of the longest 一是/二是… run in the part's own text."""
    runs, _ = enumeration_runs(find_points(part.text))
    if not runs:
        return []
    run = max(runs, key=len)
    out = []
    for i, point in enumerate(run):
        end = run[i + 1].start if i + 1 < len(run) else len(part.text)
        body = part.text[point.start + len(point.marker):end]
        title = re.split(r"[；;。]", body, maxsplit=1)[0]
        out.append(Section(id=f"{part.id}{POINT_SEPARATOR}{point.value}", number=point.marker,
                           title=title, text=body[len(title):]))
    return out


def permalink_id(item_id: str) -> str:
    """The section whose page shows an item (an inline point lives on its part's page)."""
    return item_id.split(POINT_SEPARATOR, 1)[0]


def terms(section: Section) -> Counter:
    text = matching_copy(section.full_text())
    return Counter(w for w in segment.search_words(text) if is_content_word(w))


def idf_table(report: Report) -> dict[str, float]:
    docs = [terms(s) for s in report.walk() if s.text or not s.children]
    n = len(docs)
    df = Counter(w for d in docs for w in d)
    return {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()}


def _vector(bag: Counter, idf: dict[str, float]) -> dict[str, float]:
    return {w: (1 + math.log(c)) * idf.get(w, 1.0) for w, c in bag.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> tuple[float, list[str]]:
    shared = sorted(set(a) & set(b), key=lambda w: (-a[w] * b[w], w))
    dot = sum(a[w] * b[w] for w in shared)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return (dot / (na * nb) if na and nb else 0.0), shared


def coverage(report: Report) -> Coverage:
    result = Coverage(items(report, "shortcomings"), items(report, "plan"))
    if not result.shortcomings or not result.plans:
        return result
    idf = idf_table(report)
    vectors = {s.id: _vector(terms(s), idf) for s in result.shortcomings + result.plans}
    for s in result.shortcomings:
        for p in result.plans:
            score, shared = _cosine(vectors[s.id], vectors[p.id])
            result.links[(s.id, p.id)] = Link(s, p, round(score, 4), shared[:EVIDENCE])
        result.best[s.id] = max((result.links[(s.id, p.id)] for p in result.plans),
                                key=lambda link: link.score)
    top = max(link.score for link in result.best.values())
    result.weak = [sid for sid, link in result.best.items()
                   if link.score < WEAK_FLOOR or link.score < WEAK_SHARE * top]
    return result
