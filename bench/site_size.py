"""Where a built site's bytes are: per page type, per report, both scripts together.

    python bench/corpus.py 100 /tmp/c100
    lawreport build --content /tmp/c100 --out /tmp/s100
    python bench/site_size.py /tmp/s100            # table of bytes by kind of file
    python bench/site_size.py /tmp/s100 --parts    # and what a section page is made of

Bytes are file sizes (what a download or a copy transfers); ``du`` also counts each
directory and rounds every file up to a block, which on ext4 adds about 4 KB per section
folder, so both are printed.  Kinds: a section page by its level (``section L1`` is a part),
each folder of a report (full text, analysis pages), its downloads, and the site-wide files.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import subprocess
from pathlib import Path

REPORT = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SITE_FOLDERS = {"static", "search", "data", "corpus", "issuers", "indicators", "documents", "required",
                "pages", "zh-hant"}
PIECES = {  # what a section page is made of (first match of each)
    "head": r"<head>.*?</head>", "header": r"<header.*?</header>",
    "breadcrumb": r'<nav class="breadcrumb".*?</nav>', "cards": r'<div class="callouts".*?</div>',
    "text": r'<div class="report-text">.*?</div>\s*</article>',
    "prev-next": r'<nav class="prev-next".*?</nav>', "cite panel": r'<section class="cite-panel".*?</section>',
    "footer": r"<footer.*?</footer>",
}


def kind(rel: list[str]) -> str:
    if rel[0] == "zh-hant":
        rel = rel[1:]
    if len(rel) == 1:
        return rel[0]
    if rel[0] in SITE_FOLDERS or not REPORT.match(rel[0]):
        return rel[0] + "/"
    if len(rel) == 2:
        return "report " + ("overview" if rel[1] == "index.html" else rel[1])
    if re.match(r"^[0-9]", rel[1]) or rel[1] not in {"full-text", "metrics", "keywords", "timeline",
                                                      "documents", "places", "coverage"}:
        return f"section L{len(_levels(rel[1]))}"
    return "report " + rel[1]


def _levels(section_id: str) -> list[str]:
    return section_id.split("-")


def measure(site: Path, parts: bool):
    sizes, counts = collections.Counter(), collections.Counter()
    pieces: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    reports = set()
    for root, _dirs, files in os.walk(site):
        for name in files:
            path = Path(root, name)
            rel = path.relative_to(site).parts
            k = kind(list(rel))
            sizes[k] += path.stat().st_size
            counts[k] += 1
            if k.startswith("report overview") and rel[0] != "zh-hant":
                reports.add(rel[0])
            if parts and k.startswith("section"):
                html = path.read_text(encoding="utf-8")
                for piece, pattern in PIECES.items():
                    m = re.search(pattern, html, re.S)
                    pieces[k][piece] += len(m.group(0).encode()) if m else 0
    return sizes, counts, pieces, max(len(reports), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--parts", action="store_true", help="break section pages into their parts")
    args = ap.parse_args()
    sizes, counts, pieces, n = measure(args.site, args.parts)
    total = sum(sizes.values())
    print(f"{'kind':24} {'files':>7} {'MB':>8} {'KB/report':>10} {'share':>6}")
    for k, v in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"{k:24} {counts[k]:7d} {v / 1e6:8.2f} {v / n / 1e3:10.1f} {v / total:6.1%}")
    du = subprocess.run(["du", "-sk", str(args.site)], capture_output=True, text=True).stdout.split()[0]
    print(f"{n} reports: {total / 1e6:.1f} MB in files, {total / n / 1e6:.3f} MB per report; "
          f"du {int(du) / 1e3:.1f} MB, {int(du) / n / 1e3:.3f} MB per report")
    for k in sorted(pieces):
        print(f"{k} ({counts[k]} pages, {sizes[k] / counts[k] / 1e3:.1f} KB each):",
              ", ".join(f"{p} {b / counts[k] / 1e3:.2f}" for p, b in pieces[k].items()), "KB")


if __name__ == "__main__":
    main()
