"""Which index files a browser loads to answer a query (``download_plan``): the bench reports
bytes per query from it, and tests check that a query stays within a few shards.

The query goes through the same steps as in search.js (Engine.parse): the manifest's
Traditional->Simplified table and width folding, quoted phrases, number/Latin/CJK runs, longest
match against the index's vocabulary and stop words.  Terms in the vocabulary need their term
shard; a word outside it, a phrase, or terms no section holds together send search.js to its
substring fallback, which reads every text (the scan files).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from lawreport.search import shards
from lawreport.search.index import INDEX_FILE
from lawreport.search.normalise import fold_char, fold_width

QUOTES = "\"\u201c\u201d\u300c\u300d\u300e\u300f"
QUOTED = re.compile(f"[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]")
TOKEN_RUN = re.compile(r"[0-9]+(?:[.,][0-9]+)*(?:%|‰|万亿|万|亿)?|[a-z]+|[\u3400-\u9fff\uf900-\ufaff]+")


def _load(path: Path):
    """The JSON payload of an index file (``window.__lawreportIndex=…;`` or a shard's ``…]=…;``)."""
    text = path.read_text(encoding="utf-8")
    start = text.index("]=") + 2 if text.startswith("(") else text.index("=") + 1
    return json.loads(text[start:].rstrip().rstrip(";"))


class QueryParser:
    """search.js's query parsing, on a manifest (or single-file index) loaded from the site."""

    def __init__(self, index: dict):
        self.t2s = dict(zip(*index["t2s"]))
        self.stop = set(index["stop"])
        self.vocab = {term: i for i, term in enumerate(index["terms"])}
        self.max_len = max([1] + [len(t) for t in self.vocab] + [len(w) for w in self.stop])

    def normalise(self, text: str) -> str:
        # JS folds width and lower-cases ASCII; fold_char does the same per character
        return "".join(fold_char(self.t2s.get(ch, ch)) for ch in text)

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
                bare = re.sub(r"[%‰万亿]+$", "", run)
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
    meta = _load(site_dir / shards.META_PATH)["docs"]
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


def download_plan(site_dir: Path, query: str) -> list[Path]:
    """The index files (and search.js) a browser loads to rank ``query`` on the built site.

    Not included: the text blocks of the results shown (which depend on the ranking itself;
    a result needs the blocks of its section, its items and the sections above it)."""
    site_dir = Path(site_dir)
    files = [site_dir / "static" / "search.js", site_dir / INDEX_FILE]
    manifest = _load(site_dir / INDEX_FILE)
    if "shards" not in manifest:
        return files
    terms = QueryParser(manifest).parse(query)
    if not terms:
        return files
    files.append(site_dir / shards.META_PATH)
    starts = manifest["shards"]["terms"]
    term_files: dict[str, Path] = {}
    for text, kind in terms:
        if kind == "vocab":
            at = manifest_vocab_index(manifest, text)
            k = max(i for i, s in enumerate(starts) if s <= at)
            term_files[text] = site_dir / shards.term_path(k)
    files += sorted(set(term_files.values()), key=lambda p: p.name)
    scans = manifest["shards"]["scans"]
    chars = _load(site_dir / shards.CHARS_PATH)
    needed: set[int] = set()
    for text, kind in terms:
        if kind != "vocab":
            needed |= _scan_files(text, chars, scans)
    texts = _texts(site_dir, needed, manifest["shards"]["scan"])
    if not _found_together(site_dir, manifest, terms, term_files, texts):
        for text, _kind in terms:  # search.js scans every term, then tries any of them (OR)
            needed |= _scan_files(text, chars, scans)
    if needed or any(kind != "vocab" for _, kind in terms):
        files.append(site_dir / shards.CHARS_PATH)
        files += [site_dir / shards.scan_path(k) for k in sorted(needed)]
    return files


def _texts(site_dir: Path, scan_files: set[int], size: int) -> dict[int, str]:
    """Document number -> width-folded text, as search.js scans it, for these scan files."""
    texts: dict[int, str] = {}
    for k in scan_files:
        data = _load(site_dir / shards.scan_path(k))
        first = k * size
        for i, text in enumerate(data["text"]):
            texts[first + i] = fold_width(text)
    return texts


def _scan_files(text: str, chars: dict, scans: int) -> set[int]:
    """search.js Engine.scanFiles: the scan files holding every character of ``text``."""
    files = set(range(scans))
    for ch in text:
        if ch not in chars["everywhere"]:
            files &= set(chars["some"].get(ch, []))
    return files
