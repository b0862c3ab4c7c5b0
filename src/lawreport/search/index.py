"""Build the search index: every section at every level is a document.

Written as ``search-index.js`` (``window.__lawreportIndex = {...}``) at the site root, so pages
load it with a <script> tag and search works from file://.  A big index is written as shards
instead (``index_files``, layout in shards.py); search.js answers the same from either.  One
index serves both scripts: the searchable text is Simplified; the Traditional view is rebuilt
from ``charmap`` tables.

Layout (compact JSON, keys sorted, no timestamps: the same reports give the same bytes):
  v         format version
  reports   [[id, title (Simplified), title (Traditional), full-text page], ...]
  url       section page path with {report} and {section} placeholders
  docs      [[report index, section id, parent doc index or -1, heading length, token count], ...]
            (section id "" = the report's preamble and signature, shown on the full-text page)
  text      [Simplified text of each document: heading + "\\n" + own body (children excluded)]
  hant      [per document: exceptions list or full Traditional text, see charmap.display_exceptions]
  s2t       [Simplified chars, their Traditional forms]  (display table)
  t2s       [Traditional chars, their Simplified forms]  (query table)
  stop      stop words dropped from queries too
  terms     sorted vocabulary
  post      per term: flat [doc gap, tf, first offset, offset gap, ...] per document
"""

from __future__ import annotations

import json
import sys
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from lawreport.model import Report, Section
from lawreport.render import urls
from lawreport.script import convert, to_hant
from lawreport.search import charmap
from lawreport.search.normalise import fold_width
from lawreport.search.stopwords import STOPWORDS
from lawreport.search.tokenize import tokenize

FORMAT_VERSION = 1
INDEX_FILE = "search-index.js"
# Above this many bytes the index is split into shards (search/shards.py) so a query loads a
# fraction of it; below, one file (one request, nothing to coordinate) serves best.  The seed
# (~50 KB) and ten synthetic reports (~320 KB) stay whole; from about thirteen on it is sharded.
SHARD_FROM_BYTES = 400_000


@dataclass
class SearchDoc:
    report: int
    section_id: str
    parent: int
    heading_len: int
    text: str  # Simplified, display form (not folded)
    text_hant: str
    # the document's words, compactly: a large corpus has millions (interned terms, offsets)
    terms: tuple[str, ...] = ()
    starts: array = field(default_factory=lambda: array("I"))

    def set_tokens(self, tokens: list) -> None:
        self.terms = tuple(sys.intern(t.term) for t in tokens)
        self.starts = array("I", (t.start for t in tokens))


def section_docs(report_no: int, report: Report) -> list[SearchDoc]:
    docs: list[SearchDoc] = []

    def visit(section: Section, parent: int) -> None:
        heading = section.number + section.title + section.title_end
        original = heading + ("\n" + section.text if section.text else "")
        hans = convert(original, report.script, "zh-Hans")
        hant = charmap.hant_of(hans, original, report.script)
        doc = SearchDoc(report_no, section.id, parent, len(convert(heading, report.script, "zh-Hans")),
                        hans, hant)
        doc.set_tokens(tokenize(fold_width(hans)))
        docs.append(doc)
        me = len(docs) - 1  # index within this report; build_index shifts it
        for child in section.children:
            visit(child, me)

    outside = "\n".join(x for x in [report.preamble, *report.signature] if x)
    if outside:  # preamble and signature: searchable too, found on the full-text page
        hans = convert("\n" + outside, report.script, "zh-Hans")
        doc = SearchDoc(report_no, "", -1, 0, hans, charmap.hant_of(hans, "\n" + outside, report.script))
        doc.set_tokens(tokenize(fold_width(hans)))
        docs.append(doc)
    for section in report.sections:
        visit(section, -1)
    return docs


def _postings(docs: list[SearchDoc]) -> dict[str, list[int]]:
    by_term: dict[str, list[int]] = defaultdict(list)
    last_doc: dict[str, int] = {}
    for doc_no, doc in enumerate(docs):
        offsets: dict[str, list[int]] = defaultdict(list)
        for term, start in zip(doc.terms, doc.starts):
            offsets[term].append(start)
        for term in offsets:
            positions = sorted(set(offsets[term]))
            flat = by_term[term]
            flat += [doc_no - last_doc.get(term, 0), len(positions)]
            flat += [positions[0]] + [b - a for a, b in zip(positions, positions[1:])]
            last_doc[term] = doc_no
    return by_term


def build_index(reports: list[Report], docs_per_report: list[list[SearchDoc]] | None = None) -> dict:
    """The index of all reports; ``docs_per_report`` (from section_docs, e.g. made in build
    workers or taken from the build cache) saves segmenting the text again."""
    if docs_per_report is None:
        docs_per_report = [section_docs(no, r) for no, r in enumerate(reports)]
    docs: list[SearchDoc] = []
    for report_no, report_docs in enumerate(docs_per_report):
        base = len(docs)
        for doc in report_docs:
            doc = replace(doc, report=report_no)  # parents are shifted below; the caller's (cached) docs stay as they are
            if doc.parent >= 0:
                doc.parent += base
            docs.append(doc)

    aligned: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for simp, counts in (charmap.align(doc.text, doc.text_hant) or {}).items():
            aligned[simp].update(counts)
    s2t = charmap.display_table(aligned)
    postings = _postings(docs)
    terms = sorted(postings)
    # a reader may type what OpenCC writes for a word (审核 -> 審覈), not what the source had
    for term in terms:
        for simp, counts in (charmap.align(term, to_hant(term)) or {}).items():
            aligned[simp].update(counts)
    t2s = charmap.query_table({ch for doc in docs for ch in fold_width(doc.text)}, aligned)
    return {
        "v": FORMAT_VERSION,
        "reports": [[r.id, convert(r.title, r.script, "zh-Hans"), convert(r.title, r.script, "zh-Hant"),
                     urls.full_text(r.id)] for r in reports],
        "url": urls.section("{report}", "{section}"),
        "docs": [[d.report, d.section_id, d.parent, d.heading_len, len(d.terms)] for d in docs],
        "text": [d.text for d in docs],
        "hant": [charmap.display_exceptions(d.text, d.text_hant, s2t) for d in docs],
        "s2t": ["".join(sorted(s2t)), "".join(s2t[c] for c in sorted(s2t))],
        "t2s": ["".join(sorted(t2s)), "".join(t2s[c] for c in sorted(t2s))],
        "stop": sorted(STOPWORDS),
        "terms": terms,
        "post": [postings[t] for t in terms],
    }


def dumps_index(index: dict) -> str:
    payload = json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"window.__lawreportIndex={payload};\n"


def index_files(reports: list[Report], docs_per_report: list[list[SearchDoc]] | None = None,
                shard_from: int | None = None) -> dict[str, str]:
    """Site-relative path -> text of the index files: one file, or shards when it is big."""
    from lawreport.search import shards

    index = build_index(reports, docs_per_report)
    whole = dumps_index(index)
    limit = SHARD_FROM_BYTES if shard_from is None else shard_from
    if len(whole.encode("utf-8")) <= limit:
        return {INDEX_FILE: whole}
    return shards.shard_files(index)


def write_search_index(reports: list[Report], writer,
                       docs_per_report: list[list[SearchDoc]] | None = None) -> None:
    """Build step: the index for all reports, at the site root (search.js is copied with the
    site's static files).  ``docs_per_report`` (from section_docs in the build's workers or
    cache) saves segmenting the text again."""
    for rel_path, text in index_files(reports, docs_per_report).items():
        writer.write(rel_path, text)
