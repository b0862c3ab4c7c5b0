"""Which index files a browser loads to answer a query (``download_plan``): the benches report
bytes per query from it, and tests check that a query stays within a few shards.  A bench tool,
not shipped: import it by path (``sys.path`` + ``import search_plan``).

The query goes through the same steps as in search-engine.js (Engine.parse), on the grammar the
index carries (lawreport.search.grammar): the manifest's Traditional->Simplified table and width
folding, quoted phrases, number/Latin/CJK runs, longest match against the index's vocabulary and
stop words.  Terms in the vocabulary need their term shard; a word outside it, a phrase, or terms
no section holds together send the engine to its substring fallback, which reads the n-gram
shards of the word and then the scan files holding all its character pairs.
"""

from __future__ import annotations

import re
from pathlib import Path

from lawreport.search import format as fmt
from lawreport.search.format import INDEX_FILE
from lawreport.search.grammar import QUOTED_RE, TOKEN_RUN_RE, bare_number
from lawreport.core.normalise import fold
from lawreport.search.shards import grams_of

QUOTED, TOKEN_RUN = QUOTED_RE, TOKEN_RUN_RE
_load = fmt.load
ENGINE_FILES = ("static/search-engine.js", "static/search-results.js", "static/search-loader.js", "static/search-page.js")


class QueryParser:
    """search.js's query parsing, on a manifest (or single-file index) loaded from the site."""

    def __init__(self, index: dict):
        self.t2s = dict(zip(*index["t2s"]))
        self.stop = set(index["stop"])
        self.vocab = {term: i for i, term in enumerate(index["terms"])}
        self.max_len = max([1] + [len(t) for t in self.vocab] + [len(w) for w in self.stop])

    def normalise(self, text: str) -> str:
        return fold("".join(self.t2s.get(ch, ch) for ch in text))

    def parse(self, query: str) -> list[tuple[str, str]]:
        terms: list[tuple[str, str]] = []
        seen: set[str] = set()

        def add(text: str, kind: str) -> None:
            if text and text not in seen:
                seen.add(text)
                terms.append((text, kind))

        def phrase(match: re.Match) -> str:
            p = self.normalise(match.group(1)).strip()
            if len(p) > 1 or (p and p not in self.stop):
                add(p, "phrase")
            return " "

        rest = self.normalise(QUOTED.sub(phrase, query))
        for match in TOKEN_RUN.finditer(rest):
            run = match.group()
            if run[0].isdigit():
                bare = bare_number(run)
                known = run if run in self.vocab else bare if bare in self.vocab else None
                add(known or run, "vocab" if known else "sub")
            elif run.isascii():
                add(run, "vocab" if run in self.vocab else "sub")
            else:
                for term in self.segment(run):
                    add(*term)
        return terms

    def segment(self, run: str) -> list[tuple[str, str]]:
        out, oov, i = [], "", 0
        while i < len(run):
            found = 0
            for length in range(min(self.max_len, len(run) - i), 0, -1):
                word = run[i:i + length]
                if (length > 1 and word in self.vocab) or word in self.stop:
                    found = length
                    break
            if not found:
                oov += run[i]
                i += 1
                continue
            if oov:
                out.append((oov, "sub"))
                oov = ""
            word = run[i:i + found]
            if word not in self.stop:
                out.append((word, "vocab"))
            i += found
        if oov:
            out.append((oov, "sub"))
        return out


def _docs_with(flat: list[int]) -> set[int]:
    docs, doc, i = set(), 0, 0
    while i < len(flat):
        doc += flat[i]
        docs.add(doc)
        i += 2 + flat[i + 1]
    return docs


def _found_together(site_dir: Path, manifest: dict, terms: list[tuple[str, str]],
                    term_files: dict[str, Path], texts: dict[int, str]) -> bool:
    """Does some section hold every term in itself or its items (search.js's first pass: indexed
    terms by their postings, others as substrings of the texts)?"""
    meta = _load(site_dir / fmt.META_PATH)["docs"]
    parent = [d - meta[3 * d] if meta[3 * d] else -1 for d in range(len(meta) // 3)]
    starts = manifest["shards"]["terms"]
    common: set[int] | None = None
    for term, kind in terms:
        if kind == "vocab":
            at = manifest_vocab_index(manifest, term)
            k = max(i for i, s in enumerate(starts) if s <= at)
            hits = _docs_with(_load(term_files[term])[at - starts[k]])
        else:
            hits = {doc for doc, text in texts.items() if term in text}
        under: set[int] = set()
        for doc in hits:
            while doc >= 0 and doc not in under:
                under.add(doc)
                doc = parent[doc]
        common = under if common is None else common & under
    return bool(common)


def manifest_vocab_index(manifest: dict, term: str) -> int:
    import bisect

    return bisect.bisect_left(manifest["terms"], term)


def site_index(reports: list) -> dict:
    """The index as a site build makes it (build.write_search_index: page paths, display text)."""
    from lawreport.core import urls
    from lawreport.site.display import display_text
    from lawreport.search.index import PagePaths, build_index

    return build_index(reports, PagePaths(urls.section("{report}", "{section}"), urls.full_text("{report}")),
                       display=display_text)


def site_index_files(reports: list, shard_from: int | None = None) -> dict[str, str]:
    """The index files as a site build writes them."""
    from lawreport.core import urls
    from lawreport.site.display import display_text
    from lawreport.search.index import PagePaths, index_files

    return index_files(reports, PagePaths(urls.section("{report}", "{section}"), urls.full_text("{report}")),
                       shard_from=shard_from, display=display_text)


def download_plan(site_dir: Path, query: str) -> list[Path]:
    """The index files (and the search page's scripts) a browser loads to rank ``query``.

    Not included: the text blocks of the results shown (which depend on the ranking itself;
    a result needs the blocks of its section, its items and the sections above it)."""
    site_dir = Path(site_dir)
    files = [site_dir / f for f in ENGINE_FILES] + [site_dir / INDEX_FILE]
    manifest = _load(site_dir / INDEX_FILE)
    if "shards" not in manifest:
        return files
    terms = QueryParser(manifest).parse(query)
    if not terms:
        return files
    files.append(site_dir / fmt.META_PATH)
    starts = manifest["shards"]["terms"]
    term_files: dict[str, Path] = {}
    for text, kind in terms:
        if kind == "vocab":
            at = manifest_vocab_index(manifest, text)
            k = max(i for i, s in enumerate(starts) if s <= at)
            term_files[text] = site_dir / fmt.term_path(k)
    files += sorted(set(term_files.values()), key=lambda p: p.name)
    grams = _Grams(site_dir, manifest["shards"])
    needed: set[int] = set()
    for text, kind in terms:
        if kind != "vocab":
            needed |= grams.scan_files(text)
    texts = _texts(site_dir, needed, manifest["shards"]["scan"])
    if not _found_together(site_dir, manifest, terms, term_files, texts):
        for text, _kind in terms:  # the engine scans every term, then tries any of them (OR)
            needed |= grams.scan_files(text)
    files += [site_dir / fmt.gram_path(k) for k in sorted(grams.read)]
    files += [site_dir / fmt.scan_path(k) for k in sorted(needed)]
    return files


def _texts(site_dir: Path, scan_files: set[int], size: int) -> dict[int, str]:
    """Document number -> folded text, as the engine scans it, for these scan files."""
    texts: dict[int, str] = {}
    for k in scan_files:
        data = _load(site_dir / fmt.scan_path(k))
        first = k * size
        for i, text in enumerate(data["text"]):
            texts[first + i] = fold(text)
    return texts


class _Grams:
    """search-engine.js Engine.scanFiles: the n-gram shards read, and the scan files they name."""

    def __init__(self, site_dir: Path, shards: dict):
        self.site_dir, self.buckets, self.scans = site_dir, shards["grams"], shards["scans"]
        self.read: set[int] = set()

    def files_of(self, gram: str) -> set[int]:
        k = fmt.gram_bucket(gram, self.buckets)
        self.read.add(k)
        part = _load(self.site_dir / fmt.gram_path(k))
        if gram in part["every"]:
            return set(range(self.scans))
        files = part.get(gram, [])
        if files and files[0] == -1:
            return set(range(self.scans)) - set(files[1:])
        return set(files)

    def scan_files(self, text: str) -> set[int]:
        files = set(range(self.scans))
        for gram in sorted(grams_of(text)):
            files &= self.files_of(gram)
        return files
