"""Documents cited across the collection, one entry per document whatever its spelling.

Citations are found by ``analyse.documents`` (titles in 《》, laws told apart from local
documents).  Across reports the same document is written many ways: 《法治政府建设实施纲要
（2021—2025年）》, (2021-2025年), 〔2021－2025年〕, with full-width or half-width forms, in either
script.  The grouping key folds all that: Simplified half-width copy, every dash to ``-``, every
bracket pair to ``()``, inner 〈〉 to 《》, no spaces.  The id is a hash of the key (short, stable,
URL-safe); the title shown is the spelling cited most often (ties: one with （）, else the first).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from lawreport.analyse.documents import documents as report_documents
from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report

_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u2500\u301C~～]+")
_OPEN = str.maketrans({"（": "(", "〔": "(", "[": "(", "【": "(", "［": "(", "｛": "(", "{": "("})
_CLOSE = str.maketrans({"）": ")", "〕": ")", "]": ")", "】": ")", "］": ")", "｝": ")", "}": ")"})
_INNER = str.maketrans({"〈": "《", "〉": "》", "<": "《", ">": "》"})


@dataclass
class Cited:
    report_id: str
    section: str  # section id
    text: str  # as written, 《》 included
    kind: str  # law, local, other (analyse.documents)


@dataclass
class CorpusDocument:
    id: str
    key: str
    title: str  # the most cited spelling, without 《》
    kind: str
    citations: list[Cited] = field(default_factory=list)  # report order (by id), then text order
    spellings: list[str] = field(default_factory=list)

    @property
    def report_ids(self) -> list[str]:
        return list(dict.fromkeys(c.report_id for c in self.citations))


def normal_key(title: str) -> str:
    key = matching_copy(title).translate(_OPEN).translate(_CLOSE).translate(_INNER)
    key = _DASHES.sub("-", key)
    return re.sub(r"\s+", "", key)


def doc_id(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def across(reports: list[Report]) -> list[CorpusDocument]:
    """Every cited document, most cited (by reports, then citations) first, then by key."""
    found: dict[str, CorpusDocument] = {}
    counts: dict[str, Counter] = {}
    for report in sorted(reports, key=lambda r: r.id):
        for doc in report_documents(report):
            key = normal_key(doc.key)
            entry = found.setdefault(key, CorpusDocument(doc_id(key), key, doc.title, doc.kind))
            spelling = counts.setdefault(key, Counter())
            for c in doc.citations:
                entry.citations.append(Cited(report.id, c.section, c.text, doc.kind))
                spelling[c.text[1:-1]] += 1
                if c.text[1:-1] not in entry.spellings:
                    entry.spellings.append(c.text[1:-1])
    for key, entry in found.items():
        best = max(counts[key].values())
        most = [s for s in entry.spellings if counts[key][s] == best]
        entry.title = next((s for s in most if "（" in s), most[0])  # ties: the official （） form
    return sorted(found.values(), key=lambda d: (-len(d.report_ids), -len(d.citations), d.key))
