"""Build the search index: every section at every level is a document.

Written as ``search-index.js`` at the site root (pages load it with a <script> tag, so search
works from file://), or, when big, as shards (shards.py); the files are described in ``format``.
One index serves both scripts: the searchable text is Simplified; the Traditional view is rebuilt
from ``charmap`` tables.  The caller gives what belongs to the site, not to search: the page
paths (``PagePaths``) and the function that makes display text (punctuation as pages show it).
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lawreport.core.model import Report, Section
from lawreport.core.script import convert, to_hant
from lawreport.search import charmap, grammar
from lawreport.search import format as fmt
from lawreport.search.format import FORMAT_VERSION, INDEX_FILE  # noqa: F401  (callers name them here)
from lawreport.core.normalise import fold
from lawreport.search.stopwords import STOPWORDS
from lawreport.search.tokenize import tokenize

# Above this many bytes the index is split into shards (search/shards.py) so a query loads a
# fraction of it; below, one file (one request, nothing to coordinate) serves best.  The seed
# (~50 KB) and ten synthetic reports (~320 KB) stay whole; from about thirteen on it is sharded.
SHARD_FROM_BYTES = 400_000


@dataclass(frozen=True)
class PagePaths:
    """Site-relative pages a result links to, with ``{report}`` / ``{section}`` placeholders."""
    section: str  # e.g. "{report}/{section}/index.html"
    full_text: str  # e.g. "{report}/full-text/index.html" (the preamble's page)


def _same(text: str) -> str:
    return text


def _per_line(display: Callable[[str], str], text: str) -> str:
    # pages show a heading and each paragraph on its own; display text never changes length here
    # (checked), so offsets into it are offsets into the tokenized text
    shown = "\n".join(display(line) for line in text.split("\n"))
    return shown if len(shown) == len(text) else text


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


def section_docs(report_no: int, report: Report,
                 display: Callable[[str], str] = _same) -> list[SearchDoc]:
    """The report's documents; ``display`` (the site's display-text function, e.g. half-width
    punctuation shown full-width) gives the text that snippets and titles show."""
    docs: list[SearchDoc] = []

    def visit(section: Section, parent: int) -> None:
        heading = section.number + section.title + section.title_end
        original = heading + ("\n" + section.text if section.text else "")
        hans = convert(original, report.script, "zh-Hans")
        hant = charmap.hant_of(hans, original, report.script)
        doc = SearchDoc(report_no, section.id, parent, len(convert(heading, report.script, "zh-Hans")),
                        _per_line(display, hans), _per_line(display, hant))
        doc.set_tokens(tokenize(fold(hans)))
        docs.append(doc)
        me = len(docs) - 1  # index within this report; build_index shifts it
        for child in section.children:
            visit(child, me)

    outside = "\n".join(x for x in [report.preamble, *report.signature] if x)
    if outside:  # preamble and signature: searchable too, found on the full-text page
        hans = convert("\n" + outside, report.script, "zh-Hans")
        hant = charmap.hant_of(hans, "\n" + outside, report.script)
        doc = SearchDoc(report_no, "", -1, 0, _per_line(display, hans), _per_line(display, hant))
        doc.set_tokens(tokenize(fold(hans)))
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


def build_index(reports: list[Report], pages: PagePaths,
                docs_per_report: list[list[SearchDoc]] | None = None,
                display: Callable[[str], str] = _same) -> dict:
    """The index of all reports (layout in ``format``); ``docs_per_report`` (from section_docs,
    e.g. made in build workers or taken from the build cache) saves segmenting the text again."""
    if docs_per_report is None:
        docs_per_report = [section_docs(no, r, display) for no, r in enumerate(reports)]
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
    t2s = charmap.query_table({ch for doc in docs for ch in fold(doc.text)}, aligned)
    return {
        "v": FORMAT_VERSION,
        "grammar": grammar.for_browser(),
        "reports": [[r.id, display(convert(r.title, r.script, "zh-Hans")), display(convert(r.title, r.script, "zh-Hant")),
                     pages.full_text.replace("{report}", r.id)] for r in reports],
        "url": pages.section,
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
    return fmt.index_script(index)


def index_files(reports: list[Report], pages: PagePaths,
                docs_per_report: list[list[SearchDoc]] | None = None,
                shard_from: int | None = None, display: Callable[[str], str] = _same) -> dict[str, str]:
    """Site-relative path -> text of the index files: one file, or shards when it is big."""
    from lawreport.search import shards

    index = build_index(reports, pages, docs_per_report, display)
    whole = dumps_index(index)
    limit = SHARD_FROM_BYTES if shard_from is None else shard_from
    if len(whole.encode("utf-8")) <= limit:
        return {INDEX_FILE: whole}
    return shards.shard_files(index)


def write_search_index(reports: list[Report], writer, pages: PagePaths,
                       docs_per_report: list[list[SearchDoc]] | None = None,
                       display: Callable[[str], str] = _same) -> None:
    """Build step: the index for all reports, at the site root (the search scripts are copied
    with the site's static files).  ``docs_per_report`` (from section_docs in the build's
    workers or cache) saves segmenting the text again."""
    for rel_path, text in index_files(reports, pages, docs_per_report, display=display).items():
        writer.write(rel_path, text)
