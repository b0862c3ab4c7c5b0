"""The index split into files, for collections too big to load whole with every search page.

Same data as the single-file index (``index.build_index``), laid out so a query loads only what it
needs; the files, their names and framing are described once, in ``format``.
"""

from __future__ import annotations

import json
from collections import defaultdict

from lawreport.search import format as fmt
from lawreport.core.normalise import fold

SHARD_BYTES = 16_000  # raw postings per term shard (a shard holds at least one whole term)
BLOCK = 2  # documents per text block (bench/search_shards.py: 20 results need ~35 KB at 2, ~75 KB at 8)
SCAN = 512  # documents per scan file (a multiple of BLOCK: a scan file stands for whole blocks)
EXAMPLES = 8  # example queries offered when nothing is found
GRAM_BYTES = 12_000  # about this much of the n-gram table per shard (a query reads one per pair)


def _term_slices(post: list[list[int]]) -> list[int]:
    """Start index (in the sorted vocabulary) of each term shard."""
    starts, size = [0], 0
    for i, flat in enumerate(post):
        cost = len(json.dumps(flat, separators=(",", ":")))
        if size and size + cost > SHARD_BYTES:
            starts.append(i)
            size = 0
        size += cost
    return starts


def examples(terms: list[str], post: list[list[int]], n: int = EXAMPLES) -> list[str]:
    """search-results.js ``Engine.examples`` on the whole index: the terms in most documents (3+ chars,
    not numbers), so the sharded page suggests what the single-file page would."""
    counted = []
    for term, flat in zip(terms, post):
        if len(term) < 3 or term[0] in "0123456789.,%":
            continue
        docs, j = 0, 0
        while j < len(flat):
            docs += 1
            j += 2 + flat[j + 1]
        counted.append((-docs, term))
    return [term for _, term in sorted(counted)[:n]]


def grams_of(text: str) -> set[str]:
    """What the n-gram table is looked up by for a substring: its pairs, or its one character."""
    return {text} if len(text) == 1 else {text[i:i + 2] for i in range(len(text) - 1)}


def gram_files(texts: list[str], scans: int) -> dict[int, dict]:
    """Bucket -> {gram: scan files holding it, "every": grams in all} over the folded texts (as
    search-engine.js scans them): every character and every pair of adjacent characters."""
    where: dict[str, set[int]] = defaultdict(set)
    for no, text in enumerate(texts):
        folded = fold(text)
        k = no // SCAN
        for gram in set(folded) | {folded[i:i + 2] for i in range(len(folded) - 1)}:
            where[gram].add(k)
    # bytes of the table as written: the gram, and the shorter of its list and the complement
    # (nothing for a gram in every file: it is only named in ``every``)
    size = sum(len(fmt.dumps(g).encode()) + 1 + (4 * min(len(f), scans - len(f) + 1) if len(f) < scans else 0)
               for g, f in where.items())
    buckets = max(1, -(-size // GRAM_BYTES))
    table: dict[int, dict] = {k: {"every": []} for k in range(buckets)}
    for gram in sorted(where):
        files = where[gram]
        part = table[fmt.gram_bucket(gram, buckets)]
        if len(files) == scans:
            part["every"].append(gram)
        elif 2 * len(files) <= scans:
            part[gram] = sorted(files)
        else:  # in most files: list the others
            part[gram] = [-1] + sorted(set(range(scans)) - files)
    return table


def shard_files(index: dict) -> dict[str, str]:
    """The files of the sharded layout (site-relative path -> text) for a built index."""
    docs, terms, post = index["docs"], index["terms"], index["post"]
    starts = _term_slices(post)
    per_report = [0] * len(index["reports"])
    meta: list[int] = []
    for no, (report, _sid, parent, heading_len, tokens) in enumerate(docs):
        per_report[report] += 1
        meta += [no - parent if parent >= 0 else 0, heading_len, tokens]
    blocks = (len(docs) + BLOCK - 1) // BLOCK
    scans = (len(docs) + SCAN - 1) // SCAN
    grams = gram_files(index["text"], scans)
    manifest = {key: index[key] for key in ("v", "grammar", "reports", "url", "s2t", "t2s", "stop", "terms")}
    manifest.update(n=len(docs), tokens=sum(d[4] for d in docs), examples=examples(terms, post),
                    shards={"dir": fmt.FOLDER, "terms": starts, "block": BLOCK, "blocks": blocks,
                            "scan": SCAN, "scans": scans, "grams": len(grams)})
    files = {fmt.INDEX_FILE: fmt.index_script(manifest)}
    files[fmt.META_PATH] = fmt.shard_script("meta", {"docs": meta, "reports": per_report})
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(terms)
        files[fmt.term_path(k)] = fmt.shard_script(f"t{k}", post[start:end])
    for k, part in grams.items():
        files[fmt.gram_path(k)] = fmt.shard_script(f"g{k}", part)
    for prefix, size, count in (("d", BLOCK, blocks), ("s", SCAN, scans)):
        for k in range(count):
            part = slice(k * size, (k + 1) * size)
            files[fmt.shard_path(f"{prefix}{k}")] = fmt.shard_script(
                f"{prefix}{k}", {"ids": [d[1] for d in docs[part]], "text": index["text"][part],
                                 "hant": index["hant"][part]})
    return files
