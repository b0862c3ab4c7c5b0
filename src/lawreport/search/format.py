"""The search index format, written down once: every file's name, framing and fields.

Every file is a plain ``<script>`` (no fetch/XHR, so search works from file://), compact JSON with
sorted keys and no timestamps: the same reports give the same bytes.

One file, for a small collection (``INDEX_FILE`` = ``search-index.js``)::

    window.__lawreportIndex = {
      v         format version (FORMAT_VERSION)
      grammar   the query grammar and width folding (grammar.for_browser)
      reports   [[id, title (Simplified), title (Traditional), full-text page], ...]
      url       section page path with {report} and {section} placeholders
      docs      [[report index, section id, parent doc index or -1, heading length, token count], ...]
                (section id "" = the report's preamble and signature, shown on the full-text page)
      text      [Simplified display text of each document: heading + "\\n" + own body]
      hant      [per document: exceptions list or full Traditional text, charmap.display_exceptions]
      s2t       [Simplified chars, their Traditional forms]  (display table)
      t2s       [Traditional chars, their Simplified forms]  (query table)
      stop      stop words dropped from queries too
      terms     sorted vocabulary
      post      per term: flat [doc gap, tf, first offset, offset gap, ...] per document
    };

Sharded, for a big one: ``search-index.js`` is a manifest, the rest lives under ``FOLDER``
(inside the site's reserved search/ folder, so no report id can clash).  Each shard stores its part
as ``(window.__lawreportShards ||= {})[key] = …`` and is the file ``FOLDER + key + ".js"``::

    search-index.js  manifest: v, grammar, reports, url, s2t, t2s, stop, terms (queries are
                     segmented against the whole vocabulary before anything else loads), plus
                     n (documents), tokens, examples (queries offered when nothing is found) and
                     shards = {dir, terms: first vocabulary index of each term shard, block,
                     blocks, scan, scans, grams: number of n-gram shards}
    meta             per document, flat [parent gap (0 = none), heading length, token count, ...];
                     reports: documents per report (what ranking needs, no text)
    t<k>             postings of one slice of the sorted vocabulary
    d<k>             {ids, text, hant} of documents [k*block, (k+1)*block): the results shown
    s<k>             the same for documents [k*scan, (k+1)*scan): the substring fallback (a word
                     outside the vocabulary, a quoted phrase, terms no section holds together)
                     reads texts in a few big files rather than thousands
    g<k>             the n-gram table's bucket k (``gram_bucket``): for each character and each
                     pair of adjacent characters of the folded texts that is not in every scan
                     file, the scan files holding it — [k, ...], or [-1, k, ...] for "all but";
                     ``every`` lists those in all of them.  The fallback reads only the scan files
                     holding every pair of its word (or its one character).
"""

from __future__ import annotations

import json
from pathlib import Path

FORMAT_VERSION = 2
INDEX_FILE = "search-index.js"
INDEX_GLOBAL = "__lawreportIndex"
SHARDS_GLOBAL = "__lawreportShards"
FOLDER = "search/idx/"


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def index_script(index: dict) -> str:
    """``search-index.js``: the whole index, or the manifest of a sharded one."""
    return f"window.{INDEX_GLOBAL}={dumps(index)};\n"


def shard_script(key: str, data) -> str:
    return f"(window.{SHARDS_GLOBAL}=window.{SHARDS_GLOBAL}||{{}})[{json.dumps(key)}]={dumps(data)};\n"


def shard_path(key: str) -> str:
    return f"{FOLDER}{key}.js"


def term_path(k: int) -> str:
    return shard_path(f"t{k}")


def block_path(k: int) -> str:
    return shard_path(f"d{k}")


def scan_path(k: int) -> str:
    return shard_path(f"s{k}")


def gram_path(k: int) -> str:
    return shard_path(f"g{k}")


META_PATH = shard_path("meta")


def gram_bucket(gram: str, buckets: int) -> int:
    """Which n-gram shard holds ``gram`` (search-engine.js computes the same, by code point)."""
    h = 0
    for ch in gram:
        h = (h * 31 + ord(ch)) % buckets
    return h


def load(path: Path):
    """The JSON payload of an index file (for tools and tests that read a built site)."""
    text = Path(path).read_text(encoding="utf-8")
    start = text.index("]=") + 2 if text.startswith("(") else text.index("=") + 1
    return json.loads(text[start:].rstrip().rstrip(";"))
