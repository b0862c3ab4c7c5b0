"""Benchmarks of the across-report step (issue 16), written to BENCHMARKS.md.

    .venv/bin/python bench/across.py                # synthetic corpora of 100 and 1,000 reports
    .venv/bin/python bench/across.py --sizes 100

For each corpus (bench/corpus.py: each city's reports cover consecutive years): the whole clean
build with 2 workers (a separate process, as a user runs it), then, in this process on the built
reports, the across-report step alone: analyses (issuers, year over year, indicators, documents,
required contents), the database (corpus.sqlite, FTS5 with jieba words) and the pages; the size of
corpus.sqlite and indicators.csv, and how many issuers, year pairs and indicator readings there are.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
from benchmarks_md import write_block  # noqa: E402

PY = sys.executable
START, END = "<!-- bench-across:start -->", "<!-- bench-across:end -->"


def bench(size: int, work: Path) -> dict:
    from lawreport.site import database
    from lawreport.content import store
    from lawreport.analyse.across.corpus import analyse_corpus
    from lawreport.site.across import render_across
    from lawreport.site.pages import SiteRenderer
    from lawreport.site.render import site_globals
    from lawreport.content.writer import SiteWriter

    content = work / f"corpus{size}"
    subprocess.run([PY, str(ROOT / "bench" / "corpus.py"), str(size), str(content)], check=True,
                   stdout=subprocess.DEVNULL)
    site = work / f"site{size}"
    started = time.perf_counter()
    with (work / f"build{size}.log").open("w") as log:  # a file, not a pipe: a long build fills a pipe
        subprocess.run([PY, "-m", "lawreport.cli", "build", "--content", str(content), "--out", str(site),
                        "--templates", str(ROOT / "templates"), "--clean", "-j", "2"],
                       check=True, stdout=log, stderr=log)
    build_s = time.perf_counter() - started
    reports = [store.load(p / "report.yaml", p.name) for p in sorted((content / "reports").iterdir())]
    t0 = time.perf_counter()
    analysis = analyse_corpus(reports)
    t1 = time.perf_counter()
    database.database_bytes(database.Corpus(reports, analysis.issuers, analysis.figures, analysis.documents))
    t2 = time.perf_counter()
    writer = SiteWriter(work / f"across{size}")
    renderer = SiteRenderer(ROOT / "templates", writer)
    renderer.globals.update(site_globals([]))
    render_across(renderer, reports)  # analyses + database + pages, as the build runs it
    t3 = time.perf_counter()
    writer.abort()
    return {"size": size, "build_s": build_s, "analyse_s": t1 - t0, "database_s": t2 - t1,
            "step_s": t3 - t2, "sqlite": (site / "data" / "corpus.sqlite").stat().st_size,
            "csv": (site / "data" / "indicators.csv").stat().st_size, "issuers": len(analysis.issuers),
            "pairs": sum(len(p) for p in analysis.pairs.values()),
            "readings": sum(len(i.readings) for i in analysis.indicators),
            "documents": len(analysis.documents), "pages": len(renderer.pages)}


def render(rows: list[dict]) -> str:
    lines = [START, "## Across reports (issue 16)", "",
             "`.venv/bin/python bench/across.py` — synthetic corpora from `bench/corpus.py` (each city's "
             "reports cover consecutive years); clean build with 2 workers, then the across-report step "
             "alone, in one process, on the built reports.", "",
             "| reports | clean build, 2 workers | analyses (cold) | corpus.sqlite written | whole step again "
             "(analyses, database, pages; jieba caches warm) | corpus.sqlite | indicators.csv | issuers | year pairs | indicator readings "
             "| documents | across pages (per script) |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        lines.append(f"| {r['size']:,} | {r['build_s']:.1f} s | {r['analyse_s']:.1f} s | {r['database_s']:.1f} s "
                     f"| {r['step_s']:.1f} s | {r['sqlite'] / 1e6:.1f} MB | {r['csv'] / 1e3:.0f} KB "
                     f"| {r['issuers']} | {r['pairs']} | {r['readings']:,} | {r['documents']} | {r['pages']} |")
    lines.append(END)
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lawreport-across-") as tmp:
        rows = []
        for size in args.sizes:
            rows.append(bench(size, Path(tmp)))
            print(f"corpus {size}: {rows[-1]}", file=sys.stderr)
    block = render(rows)
    write_block(START, END, block)
    print(block)


if __name__ == "__main__":
    main()
