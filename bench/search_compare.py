"""Our search against Pagefind on the same site and the same query set (tests/search/queries.yaml).

    .venv/bin/pip install 'pagefind[extended]'     # bench only (CJK segmentation needs "extended")
    .venv/bin/python bench/search_compare.py [--content content] [--write]

Builds the site, indexes its Simplified section pages with Pagefind (one page per section at every
level, the same documents our index holds), serves the site on localhost (Pagefind fetches its
chunks, so it cannot run from file://; ours is measured the same way for fairness) and runs every
query in headless Chromium against both engines. Prints the figures; --write puts them in
BENCHMARKS.md between the search-compare markers (nothing else in that file is touched).

Figures:
- recall@5 and MRR as in tests/search/quality.py; "empty ok" = share of no-match queries that
  returned nothing.
- index bytes: ours = search-index.js; Pagefind = its index files (pf_meta, pf_index, fragments,
  wasm language data, filters) — both plus their JS/WASM code, raw and gzip -9.
- bytes per query: everything the browser fetched for a query (from disk sizes of the requested
  files), first query in a fresh page (cold) and the mean over later queries in the same page (warm).
- query time: median in-page time from the query string to the top-5 results with snippets
  (our engine.search + snippet; Pagefind's search() + data() of the top 5), warm.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "search"))

from quality import load_queries, score  # noqa: E402

from lawreport.build.run import build  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
START, END = "<!-- search-compare:start -->", "<!-- search-compare:end -->"

OURS_PAGE = """<!DOCTYPE html><html lang="zh-Hans"><meta charset="utf-8"><body>
<script src="search-index.js"></script><script src="static/search-engine.js"></script><script src="static/search-results.js"></script>
<script>
window.run = function (q) {
  var t0 = performance.now();
  window.engine = window.engine || new LawreportSearch.Engine(window.__lawreportIndex);
  var found = engine.search(q);
  var top = found.results.slice(0, 5).map(function (r) { engine.snippet(r.doc, found.terms, 'zh-Hans'); return engine.docs[r.doc][1]; });
  var ids = found.results.map(function (r) { return engine.url(r.doc); });
  return { ms: performance.now() - t0, ids: ids };
};
</script></body></html>"""

PAGEFIND_PAGE = """<!DOCTYPE html><html lang="zh-Hans"><meta charset="utf-8"><body>
<script type="module">
window.run = async function (q) {
  var t0 = performance.now();
  window.pf = window.pf || await import('./pagefind/pagefind.js');
  var found = await pf.search(q);
  var top = await Promise.all(found.results.slice(0, 5).map(function (r) { return r.data(); }));
  var ids = top.map(function (d) { return d.url; });
  return { ms: performance.now() - t0, ids: ids, total: found.results.length };
};
window.ready = true;
</script></body></html>"""


def section_id(url: str) -> str:
    parts = [p for p in urlparse(url).path.split("/") if p and p != "index.html"]
    return unquote(parts[-1]) if parts else ""


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def sizes(paths: list[Path]) -> tuple[int, int]:
    return sum(p.stat().st_size for p in paths), sum(gz(p.read_bytes()) for p in paths)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    handler = functools.partial(Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def run_pagefind(site: Path) -> None:
    exe = shutil.which("pagefind_extended") or str(Path(sys.executable).with_name("pagefind_extended"))
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", "*/*/index.html",
           "--root-selector", ".section-page", "--exclude-selectors", ".section-ids, .section-links",
           "--force-language", "zh", "--silent"]
    if Path(exe).exists():
        cmd = [exe] + cmd[3:]
    subprocess.run(cmd, check=True)


def measure(browser, base: str, site: Path, page_name: str, queries: list[dict]) -> dict:
    """Run every query: cold (fresh page, first query) for bytes, then all warm in one page."""
    def fetched_bytes(urls: list[str]) -> int:
        total = 0
        for url in urls:
            path = site / unquote(urlparse(url).path).lstrip("/")
            if path.is_file() and not path.name.startswith("bench-"):
                total += path.stat().st_size
        return total

    def new_page():
        pg = browser.new_page()
        urls: list[str] = []
        pg.on("request", lambda r: urls.append(r.url))
        pg.goto(base + page_name)
        pg.wait_for_function("window.run !== undefined")
        return pg, urls

    cold = []
    for q in queries[:10]:
        pg, urls = new_page()  # page load + first query: everything a reader's first search costs
        pg.evaluate("q => window.run(q)", q["q"])
        cold.append(fetched_bytes(urls))
        pg.close()
    pg, urls = new_page()
    pg.evaluate("q => window.run(q)", "法治")  # warm up: code and index loaded
    ranked, times, warm = [], [], []
    for q in queries:
        before = len(urls)
        out = pg.evaluate("q => window.run(q)", q["q"])
        warm.append(fetched_bytes(urls[before:]))
        times.append(out["ms"])
        ranked.append([section_id(u) for u in out["ids"]])
    pg.close()
    figures = score(queries, ranked)
    figures.update(cold_bytes=statistics.mean(cold), warm_bytes=statistics.mean(warm),
                   ms=statistics.median(times))
    return figures


def scale(browser, count: int, queries: list[dict]) -> dict:
    """Our index for ``count`` synthetic reports (bench/corpus.py): size, load time, query time."""
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate

    from lawreport.parse import parse_source
    from lawreport.search.index import dumps_index
    from search_plan import site_index

    with tempfile.TemporaryDirectory() as tmp:
        folders = generate(count, Path(tmp) / "content", ROOT / "content/reports/zjg-2023/source.txt")
        reports = [parse_source(f / "source.txt", f.name).report for f in folders]
        site = Path(tmp) / "site"
        (site / "static").mkdir(parents=True)
        index = dumps_index(site_index(reports)).encode("utf-8")
        (site / "search-index.js").write_bytes(index)
        for name in ("search-engine.js", "search-results.js"):
            shutil.copy(ROOT / "templates/static" / name, site / "static" / name)
        (site / "bench-ours.html").write_text(OURS_PAGE, encoding="utf-8")
        httpd, base = serve(site)
        try:
            pg = browser.new_page()
            pg.goto(base + "bench-ours.html")
            pg.wait_for_function("window.run !== undefined")
            ready = pg.evaluate("q => { window.run(q); return performance.now(); }", "法治")
            times = [pg.evaluate("q => window.run(q)", q["q"])["ms"] for q in queries]
            pg.close()
        finally:
            httpd.shutdown()
    return {"reports": count, "docs": sum(1 for r in reports for _ in r.walk()), "bytes": len(index),
            "gzip": gz(index), "ready_ms": ready, "ms": statistics.median(times), "max_ms": max(times)}


def scale_table(rows: list[dict]) -> str:
    lines = ["", "Our index as the collection grows (synthetic reports from bench/corpus.py, same queries, "
             "warm; \"ready\" = page load until the first result, index parse included):", "",
             "| reports | sections | index raw / gzip | ready | query median / max |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {r['reports']} | {r['docs']} | {r['bytes'] / 1024:.0f} KB / {r['gzip'] / 1024:.0f} KB | "
              f"{r['ready_ms']:.0f} ms | {r['ms']:.2f} / {r['max_ms']:.2f} ms |" for r in rows]
    return "\n".join(lines)


def table(ours: dict, pf: dict, n: int) -> str:
    def kb(b: float) -> str:
        return f"{b / 1024:.1f} KB"

    rows = [
        ("recall@5", f"{ours['recall@5']:.3f}", f"{pf['recall@5']:.3f}"),
        ("MRR", f"{ours['mrr']:.3f}", f"{pf['mrr']:.3f}"),
        ("no-match queries returning nothing", f"{ours['empty_ok']:.0%}", f"{pf['empty_ok']:.0%}"),
        ("index bytes (raw / gzip)", f"{kb(ours['index'][0])} / {kb(ours['index'][1])}",
         f"{kb(pf['index'][0])} / {kb(pf['index'][1])}"),
        ("index + engine code (raw / gzip)", f"{kb(ours['total'][0])} / {kb(ours['total'][1])}",
         f"{kb(pf['total'][0])} / {kb(pf['total'][1])}"),
        ("bytes fetched, first query (cold, mean of 10)", kb(ours["cold_bytes"]), kb(pf["cold_bytes"])),
        ("bytes fetched per later query (mean)", kb(ours["warm_bytes"]), kb(pf["warm_bytes"])),
        ("query time to top 5 with snippets (median, warm)", f"{ours['ms']:.2f} ms", f"{pf['ms']:.2f} ms"),
    ]
    lines = [f"Same site, same {n} queries (tests/search/queries.yaml), headless Chromium, served on "
             "localhost. Generated by `bench/search_compare.py --write`.", "",
             "| | lawreport search | Pagefind (extended, zh) |", "| --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    lines += ["", "Pagefind indexes pages, so it gets the section pages (every level, `.section-page` "
              "only); the preamble lives only on the full-text page, which would repeat every section, so "
              "the preamble query is a miss for Pagefind by construction. Byte counts are file sizes "
              "as served without compression; a gzip-serving host sends the gzip column. Ours loads "
              "its whole index with the page (a <script>, so it works from file://); Pagefind fetches "
              "WASM, metadata and index chunks on the first query and a fragment per shown result."]
    for name, figs in (("lawreport", ours), ("Pagefind", pf)):
        if figs["misses"]:
            lines += ["", f"{name} misses (query → top 5): " + "; ".join(
                f"`{q}` → {', '.join(got) or '(none)'}" for q, got in figs["misses"])]
    return "\n".join(lines)


def write_benchmarks(text: str) -> None:
    from benchmarks_md import write_block

    write_block(START, END, f"{START}\n## Search: lawreport vs Pagefind\n\n{text}\n{END}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default=str(ROOT / "content"))
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--scale", type=int, nargs="*", default=[10, 100],
                        help="also measure our index for these numbers of synthetic reports")
    args = parser.parse_args(argv)
    try:
        import pagefind  # noqa: F401
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        print(f"error: {exc.name} is not installed: pip install 'pagefind[extended]' playwright", file=sys.stderr)
        return 2
    queries = load_queries()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(Path(args.content), site, templates_dir=ROOT / "templates", log=lambda m: None)
        run_pagefind(site)
        (site / "bench-ours.html").write_text(OURS_PAGE, encoding="utf-8")
        (site / "bench-pagefind.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
        pf_files = sorted(p for p in (site / "pagefind").rglob("*") if p.is_file())
        # what the search API loads (the optional UI bundles are left out, as we have no UI bundle)
        pf_code = [site / "pagefind" / "pagefind.js"] + [p for p in pf_files if p.name.startswith("wasm.")]
        pf_index = [p for p in pf_files if p.suffix in (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")
                    or p.name == "pagefind-entry.json"]
        ours_index = [site / "search-index.js"]
        ours_code = [site / "static" / "search-engine.js", site / "static" / "search-results.js"]
        httpd, base = serve(site)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM,
                                            args=["--headless", "--no-sandbox", "--disable-gpu"])
                ours = measure(browser, base, site, "bench-ours.html", queries)
                pf = measure(browser, base, site, "bench-pagefind.html", queries)
                scaled = [scale(browser, n, queries) for n in args.scale]
                browser.close()
        finally:
            httpd.shutdown()
        ours.update(index=sizes(ours_index), total=sizes(ours_index + ours_code))
        pf.update(index=sizes(pf_index), total=sizes(pf_index + pf_code))
    text = table(ours, pf, len(queries)) + ("\n" + scale_table(scaled) if scaled else "")
    print(text)
    if args.write:
        write_benchmarks(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
