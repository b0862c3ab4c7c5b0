"""The sharded search index at 10, 100, 1,000 and 3,000 synthetic reports: bytes and query time.

    .venv/bin/python bench/search_shards.py [--sizes 10 100 1000 3000] [--work /tmp/lawreport-shards] [--write]

For each size, bench/corpus.py writes the reports and a full build makes the site (once: a site
already in --work is reused, so the 1,000- and 3,000-report builds, minutes long, run once; its
index files are written again from its content and the search scripts copied from templates/, so the figures
are those of the current code).  Then, in headless Chromium, the site's own search page
opened from disk (file://):

- index total: every index file (search-index.js and search/idx/*), raw and gzip -9 per file
  (what a gzip-serving host sends);
- typical two-term query (TYPICAL): everything the page loaded for it, first query in a fresh
  page (the search scripts, the manifest, the per-document figures, its term shards, the text blocks of
  the 20 results shown), gzip; and bench/search_plan.py download_plan's share (files to rank);
- query time: after a first query, every query of tests/search/queries.yaml typed in the same
  page (submit -> results or the no-results message on screen, shard loading from disk
  included): median, 90th percentile and max, and the median of queries that needed no new file.

Prints the figures; --write puts them in BENCHMARKS.md between the search-shards markers.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "search"))

from quality import load_queries  # noqa: E402

from lawreport.search import format as shards  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from search_plan import download_plan, site_index_files  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
START, END = "<!-- search-shards:start -->", "<!-- search-shards:end -->"
TYPICAL = "行政复议 人民调解"

TIMER = """q => new Promise(resolve => {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results'), status = document.getElementById('search-status');
  const done = () => list.children.length > 0 || status.querySelector('.search-none') !== null;
  const t0 = performance.now();
  const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(performance.now() - t0); } });
  mo.observe(list, {childList: true}); mo.observe(status, {childList: true, subtree: true});
  input.value = q;
  input.form.requestSubmit();
  if (done()) { mo.disconnect(); resolve(performance.now() - t0); }
})"""


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9, mtime=0))


def ensure_site(count: int, work: Path) -> Path:
    site = work / f"site{count}"
    if not (site / "index.html").is_file():
        content = work / f"content{count}"
        shutil.rmtree(content, ignore_errors=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(count), str(content)], check=True)
        from lawreport.build.run import build

        print(build(content, site, templates_dir=ROOT / "templates", log=lambda m: None), file=sys.stderr)
    else:
        refresh_index(site, work / f"content{count}")
    for script in (ROOT / "templates" / "static").glob("search*.js"):
        shutil.copy(script, site / "static" / script.name)
    return site


def refresh_index(site: Path, content: Path) -> None:
    """The site's index files as the current code writes them (the reports' YAML is read back)."""
    from lawreport.build.load import load_report
    from lawreport.content import folders as content_mod
    reports = [load_report(f, write_missing_yaml=False)[0] for f in content_mod.discover(content).reports]
    (site / "search-index.js").unlink()
    shutil.rmtree(site / shards.FOLDER, ignore_errors=True)
    for rel, text in site_index_files(reports).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")


def index_files(site: Path) -> list[Path]:
    folder = site / shards.FOLDER
    return [site / "search-index.js"] + (sorted(folder.iterdir()) if folder.is_dir() else [])


def measure(browser, count: int, site: Path, queries: list[str]) -> dict:
    files = index_files(site)
    page_url = (site / "search" / "index.html").as_uri()

    pg = browser.new_page()
    requested: list[str] = []
    pg.on("request", lambda r: requested.append(r.url))
    pg.goto(page_url + "?q=" + quote(TYPICAL))
    pg.wait_for_function("document.querySelectorAll('#search-results li').length > 0")
    loaded = [Path(unquote(urlparse(u).path)) for u in requested if u.endswith(".js")]
    loaded = [p for p in loaded if p.name not in ("site.js", "search-key.js")]  # on every page
    plan = download_plan(site, TYPICAL)
    results = pg.eval_on_selector_all("#search-results li", "ls => ls.length")

    times, still, slow = [], [], []
    for q in queries:
        before = len(requested)
        ms = pg.evaluate(TIMER, q)
        times.append(ms)
        slow.append((ms, q, len(requested) - before))
        if len(requested) == before:
            still.append(ms)
    pg.close()
    times.sort()
    slow.sort(reverse=True)
    return {
        "reports": count, "files": len(files), "shards": len(files) > 1,
        "raw": sum(p.stat().st_size for p in files), "gzip": sum(gz(p) for p in files),
        "typical_files": len(loaded), "typical_gzip": sum(gz(p) for p in loaded),
        "plan_files": len(plan), "plan_gzip": sum(gz(p) for p in plan), "results": results,
        "median": statistics.median(times), "p90": times[int(0.9 * (len(times) - 1))], "max": times[-1],
        "median_loaded": statistics.median(still) if still else float("nan"), "queries": len(times),
        "slowest": slow[:3],
    }


def table(rows: list[dict]) -> str:
    def kb(b: float) -> str:
        return f"{b / 1024:,.0f} KB" if b >= 10 * 1024 else f"{b / 1024:.1f} KB"

    lines = [
        "Generated by `bench/search_shards.py --write`: synthetic reports (bench/corpus.py), full builds, the "
        "site's search page in headless Chromium opened from disk (file://). gzip = each file gzip -9, as "
        "a gzip-serving host sends it.", "",
        f"Typical two-term query: `{TYPICAL}`, first query in a fresh page; \"loaded\" = the search "
        "page's scripts (engine, results, loader, page) + manifest + the shards it asked for (ranking, then the text blocks of the 20 results shown); "
        "\"to rank\" = `bench/search_plan.py download_plan` (no text blocks).", "",
        "| reports | index files | index raw / gzip | typical query: loaded (files, gzip) | to rank (gzip) "
        "| query time median / p90 / max | median, nothing new to load |",
        "| --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        lines.append(
            f"| {r['reports']:,} | {r['files']:,}{' (sharded)' if r['shards'] else ''} | {kb(r['raw'])} / "
            f"{kb(r['gzip'])} | {r['typical_files']} files, {kb(r['typical_gzip'])} | {kb(r['plan_gzip'])} | "
            f"{r['median']:.1f} / {r['p90']:.1f} / {r['max']:.0f} ms | {r['median_loaded']:.1f} ms |")
    lines += ["", f"Query time: the {rows[0]['queries']} queries of tests/search/queries.yaml typed one after "
              "another into the same page after a first query (submit until results or the no-results "
              "message are on screen, 20 results with snippets, shard loading from disk included).", ""]
    for r in rows:
        lines.append(f"Slowest at {r['reports']:,} reports: " + "; ".join(
            f"`{q}` {ms:.0f} ms ({files} files loaded)" for ms, q, files in r["slowest"]) + ".")
    return "\n".join(lines)


def write_benchmarks(text: str, sizes: list[int]) -> None:
    from benchmarks_md import write_block

    at = ", ".join(f"{n:,}" for n in sizes[:-1]) + f" and {sizes[-1]:,}" if len(sizes) > 1 else f"{sizes[0]:,}"
    write_block(START, END, f"{START}\n## Search index: shards at {at} reports\n\n{text}\n{END}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000, 3000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/lawreport-shards"))
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    args.work.mkdir(parents=True, exist_ok=True)
    queries = [q["q"] for q in load_queries()]
    sites = [(n, ensure_site(n, args.work)) for n in args.sizes]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        rows = [measure(browser, n, site, queries) for n, site in sites]
        browser.close()
    text = table(rows)
    print(text)
    if args.write:
        write_benchmarks(text, args.sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
