"""Year over year, one issuer: did year N+1 report as done what year N planned, and which
shortcomings come back.

A plan item of year N is an item of its ``plan`` parts as ``analyse.coverage.items`` cuts them
(subsections, else the part's inline 一是/二是 points, else the part).  It is compared with every
section under the ``measures`` parts of year N+1, each taken with its own heading and body only
(so a part does not win by holding all its children's words).  Words are content words of the
search-mode segmentation, weighted by IDF over the sections of *both* reports, and a pair scores
the cosine of the two vectors (as the shortcomings ↔ plan matrix does inside one report).

A plan item counts as *reported done* when its best measure scores at least ``DONE_SCORE`` and
shares at least ``DONE_SHARED`` words; otherwise it is *not reported as done* (which says what
the next report says, not what was done).  A shortcoming of year N+1 *recurs* when it meets a
shortcoming of year N by the same bar.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from functools import lru_cache

from lawreport.analyse import segment
from lawreport.analyse.coverage import _cosine, _vector, items, permalink_id
from lawreport.analyse.stopwords import is_content_word
from lawreport.analyse.textnorm import matching_copy
from lawreport.analyse.across.issuers import Issuer
from lawreport.core.model import Report, Section

DONE_SCORE = 0.12
DONE_SHARED = 2
EVIDENCE = 6


@dataclass
class Match:
    item: Section  # the plan item (or shortcoming) of year N
    item_section: str  # id of the section whose page shows it
    best: Section | None  # best section of year N+1, or None when nothing shares a word
    best_section: str
    score: float
    shared: list[str]  # Simplified words, heaviest first
    matched: bool


@dataclass
class YearPair:
    issuer_id: str
    before: Report  # year N
    after: Report  # year N+1
    plans: list[Match] = field(default_factory=list)
    recurring: list[Match] = field(default_factory=list)  # shortcomings of N+1 met in N

    @property
    def delivered(self) -> int:
        return sum(1 for m in self.plans if m.matched)


@lru_cache(maxsize=65536)  # a report is in two pairs and every section is weighed once per pair
def _bag(text: str) -> Counter:
    return Counter(w for w in segment.search_words(matching_copy(text)) if is_content_word(w))


def terms(section: Section) -> Counter:
    """As ``coverage.terms``, cached over the whole corpus."""
    return _bag(section.full_text())


def own(section: Section) -> Section:
    """The section with its own heading and body only."""
    return Section(section.id, section.number, section.title, section.text, section.title_end)


def measure_sections(report: Report) -> list[Section]:
    return [own(s) for part in report.sections if part.category == "measures" for s in part.walk()]


def _idf(reports: list[Report]) -> dict[str, float]:
    docs = [terms(own(s)) for r in reports for s in r.walk()]
    df = Counter(w for d in docs for w in d)
    return {w: math.log((len(docs) + 1) / (c + 1)) + 1 for w, c in df.items()}


def _best(item: Section, candidates: list[Section], idf: dict[str, float]) -> Match:
    vector = _vector(terms(item), idf)
    best, best_score, best_shared = None, 0.0, []
    for cand in candidates:
        score, shared = _cosine(vector, _vector(terms(cand), idf))
        if score > best_score:  # first of equal scores wins: reading order
            best, best_score, best_shared = cand, score, shared
    score = round(best_score, 4)
    matched = best is not None and score >= DONE_SCORE and len(best_shared) >= DONE_SHARED
    return Match(item, permalink_id(item.id), best, permalink_id(best.id) if best else "", score,
                 best_shared[:EVIDENCE], matched)


def compare(issuer_id: str, before: Report, after: Report) -> YearPair:
    idf = _idf([before, after])
    pair = YearPair(issuer_id, before, after)
    measures = measure_sections(after)
    pair.plans = [_best(p, measures, idf) for p in items(before, "plan")]
    earlier = items(before, "shortcomings")
    pair.recurring = [m for m in (_best(s, earlier, idf) for s in items(after, "shortcomings"))
                      if m.matched]
    return pair


def year_pairs(issuer: Issuer, reports: dict[str, Report]) -> list[YearPair]:
    """Every pair of reports of consecutive years (N, N+1) of one issuer, oldest first."""
    dated = [reports[rid] for rid in issuer.report_ids if reports[rid].year]
    by_year: dict[int, Report] = {}
    for r in dated:
        by_year.setdefault(r.year, r)  # two reports of one year: the first by id is compared
    return [compare(issuer.id, by_year[y], by_year[y + 1]) for y in sorted(by_year) if y + 1 in by_year]
