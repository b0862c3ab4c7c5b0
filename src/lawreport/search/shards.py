"""The index split into files, for collections too big to load whole with every search page.

Same data as the single-file index (``index.build_index``), laid out so a query loads only what it
needs.  Every file is a plain <script> that stores its part in ``window.__lawreportShards[key]``
(no fetch/XHR, so it works from file://):

  search-index.js        manifest: reports, url, script tables, stop words, the whole vocabulary
                         (queries are segmented against it before anything else loads), the
                         vocabulary split points of the term shards, doc and token counts, the
                         example queries, and ``shards`` (folder, block size, file counts)
  search/idx/meta.js     per document, flat: parent gap (0 = none), heading length, token count;
                         and documents per report (what ranking needs, no text)
  search/idx/t<k>.js     postings of one slice of the sorted vocabulary (~SHARD_BYTES each)
  search/idx/d<k>.js     section ids, text and Traditional exceptions of documents
                         [k*BLOCK, (k+1)*BLOCK): loaded for the results shown (snippets,
                         breadcrumbs); small, so a page of results loads little beyond its text
  search/idx/s<k>.js     the same for documents [k*SCAN, (k+1)*SCAN): the substring fallback
                         (a word outside the vocabulary, a quoted phrase, terms no section holds
                         together) reads texts in a few big files rather than thousands
  search/idx/chars.js    which scan files hold each character (``everywhere``: all of them), so
                         the fallback reads only the files that hold every character of its word
"""

from __future__ import annotations

import json
from collections import defaultdict

from lawreport.search.normalise import fold_width

FOLDER = "search/idx/"  # inside the site's reserved search/ folder: no report id can clash
SHARD_BYTES = 16_000  # raw postings per term shard (a shard holds at least one whole term)
BLOCK = 2  # documents per text block (bench/search_shards.py: 20 results need ~35 KB at 2, ~75 KB at 8)
SCAN = 512  # documents per scan file (a multiple of BLOCK: a scan file stands for whole blocks)
EXAMPLES = 8  # example queries offered when nothing is found


def _js(key: str, data) -> str:
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"(window.__lawreportShards=window.__lawreportShards||{{}})[{json.dumps(key)}]={payload};\n"


def term_path(k: int) -> str:
    return f"{FOLDER}t{k}.js"


def block_path(k: int) -> str:
    return f"{FOLDER}d{k}.js"


def scan_path(k: int) -> str:
    return f"{FOLDER}s{k}.js"


META_PATH = FOLDER + "meta.js"
CHARS_PATH = FOLDER + "chars.js"


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
    """search.js ``Engine.examples`` on the whole index: the terms in most documents (3+ chars,
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


def char_files(texts: list[str], scans: int) -> dict:
    """Per character of the texts as search.js scans them (width-folded), the scan files holding it."""
    where: dict[str, set[int]] = defaultdict(set)
    for no, text in enumerate(texts):
        for ch in set(fold_width(text)):
            where[ch].add(no // SCAN)
    everywhere = "".join(sorted(ch for ch, files in where.items() if len(files) == scans))
    return {"everywhere": everywhere,
            "some": {ch: sorted(files) for ch, files in sorted(where.items()) if len(files) < scans}}


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
    manifest = {key: index[key] for key in ("v", "reports", "url", "s2t", "t2s", "stop", "terms")}
    manifest.update(n=len(docs), tokens=sum(d[4] for d in docs), examples=examples(terms, post),
                    shards={"dir": FOLDER, "terms": starts, "block": BLOCK, "blocks": blocks,
                            "scan": SCAN, "scans": scans})
    files = {"search-index.js": "window.__lawreportIndex=" + json.dumps(
        manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + ";\n"}
    files[META_PATH] = _js("meta", {"docs": meta, "reports": per_report})
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(terms)
        files[term_path(k)] = _js(f"t{k}", post[start:end])
    files[CHARS_PATH] = _js("chars", char_files(index["text"], scans))
    for prefix, size, count, path in (("d", BLOCK, blocks, block_path), ("s", SCAN, scans, scan_path)):
        for k in range(count):
            part = slice(k * size, (k + 1) * size)
            files[path(k)] = _js(f"{prefix}{k}", {"ids": [d[1] for d in docs[part]], "text": index["text"][part],
                                                  "hant": index["hant"][part]})
    return files
