"""Keywords of a report, overall and per part: TF-IDF and TextRank, genre stop-words removed.

Both rankings run on jieba's tagged tokens of each section (segmented once, cached):
- TF-IDF weighs a word's frequency by how few of the report's sections use it (the sections are
  the documents), so a word that runs through every section (建设, 法治) ranks below one that marks
  a topic (复议, 调解).  The genre's own text is the reference, not jieba's table of general
  Chinese, which ranks every word of administrative prose as rare (and costs 0.3 s to load);
- TextRank ranks words by co-occurrence (window of 5 words) inside the text itself, as
  jieba.analyse.TextRank does (PageRank, d = 0.85).
Stop-words of the genre (``stopwords``) are removed first, so 工作, 推进, 加强, 开展 never
crowd the list.  ``count`` is how often the word occurs as a token; ``sections`` where.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field


from lawreport.analyse import segment
from lawreport.analyse.stopwords import is_content_word
from lawreport.analyse.textnorm import matching_copy
from lawreport.core.model import Report, Section

TOP = 15
ALLOW_POS = ("n", "nz", "vn", "ns", "nt", "l", "j", "v")  # not nr: a person named once is no topic
WINDOW = 5
DAMPING = 0.85


@dataclass
class Keyword:
    word: str  # Simplified
    score: float
    count: int
    sections: list[tuple[str, int]] = field(default_factory=list)  # (section id, count), most first


@dataclass
class KeywordSet:
    scope_id: str | None  # part id, or None for the whole report
    tfidf: list[Keyword]
    textrank: list[Keyword]


def section_idf(sequences: list[list[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over sections: log((n + 1) / (df + 1)) + 1."""
    docs = [set(words) for words in sequences if words]
    df = Counter(w for words in docs for w in words)
    return {w: math.log((len(docs) + 1) / (c + 1)) + 1 for w, c in df.items()}


def _allowed(tok: segment.Token) -> bool:
    return tok.flag.startswith(ALLOW_POS) and is_content_word(tok.word)


def section_words(section: Section) -> list[str]:
    """Content words of a section's heading and own body, in order."""
    text = matching_copy(section.number + section.title + section.title_end + "\n" + section.text)
    return [t.word for line in text.split("\n") for t in segment.tagged(line) if _allowed(t)]


def _tfidf(words: list[str], idf: dict[str, float]) -> list[tuple[str, float]]:
    tf = Counter(words)
    total = sum(tf.values()) or 1
    return [(w, c * idf[w] / total) for w, c in tf.items()]


def _textrank(sequences: list[list[str]]) -> list[tuple[str, float]]:
    graph: dict[str, Counter] = defaultdict(Counter)
    for seq in sequences:
        for i, a in enumerate(seq):
            for b in seq[i + 1:i + WINDOW]:
                if a != b:
                    graph[a][b] += 1
                    graph[b][a] += 1
    nodes = sorted(graph)
    if not nodes:
        return []
    out_weight = {n: sum(graph[n].values()) for n in nodes}
    # each node's in-links with their weights already divided by the neighbour's out-weight
    links = {n: [(m, w / out_weight[m]) for m, w in graph[n].items()] for n in nodes}
    score = {n: 1.0 / len(nodes) for n in nodes}
    for _ in range(10):
        score = {n: (1 - DAMPING) + DAMPING * sum(share * score[m] for m, share in links[n])
                 for n in nodes}
    top = max(score.values())
    return [(n, s / top) for n, s in score.items()]


def _keywords(ranked: list[tuple[str, float]], per_section: list[tuple[str, Counter]]) -> list[Keyword]:
    ranked = sorted(ranked, key=lambda kv: (-round(kv[1], 9), kv[0]))[:TOP]
    out = []
    for word, score in ranked:
        where = [(sid, counts[word]) for sid, counts in per_section if counts[word]]
        where.sort(key=lambda kv: -kv[1])  # stable: reading order among equals
        out.append(Keyword(word, round(score, 4), sum(c for _, c in where), where))
    return out


def keyword_set(sections: list[Section], scope_id: str | None,
                idf: dict[str, float] | None = None,
                words_of: dict[str, list[str]] | None = None) -> KeywordSet:
    """Keywords of ``sections``; ``idf`` of the whole report (default: of these sections);
    ``words_of`` the sections' words when already cut (section id -> ``section_words``)."""
    sequences = [(s.id, words_of[s.id] if words_of is not None else section_words(s))
                 for top in sections for s in top.walk()]
    idf = idf if idf is not None else section_idf([words for _, words in sequences])
    per_section = [(sid, Counter(words)) for sid, words in sequences]
    every = [w for _, words in sequences for w in words]
    return KeywordSet(scope_id, _keywords(_tfidf(every, idf), per_section),
                      _keywords(_textrank([words for _, words in sequences]), per_section))


def keywords(report: Report) -> list[KeywordSet]:
    """The whole report first, then one set per part (weighed by the whole report's sections).
    Each section's words are found once and shared by the IDF and every set."""
    words_of = {s.id: section_words(s) for s in report.walk()}
    idf = section_idf(list(words_of.values()))
    return ([keyword_set(report.sections, None, idf, words_of)]
            + [keyword_set([p], p.id, idf, words_of) for p in report.sections])
