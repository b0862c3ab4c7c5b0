"""Benchmarks, measured as whole processes (median of several runs), written to BENCHMARKS.md.

    .venv/bin/python bench/run.py                 # bundled report + corpora of 10, 100, 1000
    .venv/bin/python bench/run.py --sizes 10 100  # smaller corpora only
    .venv/bin/python bench/run.py --runs 5

Figures: the jieba-load floor (`python -c "import jieba; jieba.initialize()"`), clean build,
no-change rebuild and one-section-edit rebuild of the bundled report, peak memory (max RSS of the
build process), bytes of output; for each corpus: clean build time with 1 and 2 workers, peak
memory, total output, search index total and the bytes a browser downloads for a typical query.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from benchmarks_md import write_block  # noqa: E402
PY = sys.executable
TYPICAL_QUERY = "行政执法 监督"
START, END = "<!-- bench-run:start -->", "<!-- bench-run:end -->"


def _tree_rss(pid: int) -> int:
    """Resident memory (KiB) of a process and all its descendants (build workers included)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(l.split()[1]) for l in f if l.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one process tree (sampled every 20 ms)."""
    import threading

    started = time.perf_counter()
    err_file = tempfile.TemporaryFile()  # not a pipe: a build that logs a lot would block on it
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err_file)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.wait(0.02):
            peak[0] = max(peak[0], _tree_rss(proc.pid))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    peak[0] = max(peak[0], usage.ru_maxrss)
    err_file.seek(0)
    err = err_file.read().decode(errors="replace")
    err_file.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return seconds, peak[0] // 1024


def median_of(runs: int, fn) -> tuple[float, int]:
    results = [fn() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def tree_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def search_bytes(site: Path) -> tuple[int, int]:
    """(index total, gzip bytes a browser downloads to answer TYPICAL_QUERY)."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "bench"))
    from search_plan import download_plan  # files the page loads for a query

    files = download_plan(site, TYPICAL_QUERY)
    from lawreport.search.format import FOLDER, INDEX_FILE

    shard_dir = site / FOLDER.strip("/")
    shards = [p for p in shard_dir.rglob("*") if p.is_file()] if shard_dir.is_dir() else []
    index_total = (site / INDEX_FILE).stat().st_size + sum(p.stat().st_size for p in shards)
    downloaded = sum(len(gzip.compress(p.read_bytes(), 9, mtime=0)) for p in files)
    return index_total, downloaded


def build_cmd(content: Path, out: Path, *extra: str) -> list[str]:
    return [PY, "-m", "lawreport.cli", "build", "--content", str(content), "--out", str(out),
            "--templates", str(ROOT / "templates"), *extra]


def bench_bundled(runs: int, work: Path) -> dict:
    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    out = work / "site"
    clean = median_of(runs, lambda: timed(build_cmd(content, out, "--clean"), work))
    nochange = median_of(runs, lambda: timed(build_cmd(content, out), work))
    yaml_path = next((content / "reports").glob("*/report.yaml"))
    original = yaml_path.read_text(encoding="utf-8")

    def edit_once(counter=[0]):
        counter[0] += 1
        # reword one sentence of one section: append a marker to the first body text line
        text = re.sub(r"(\n    text: \|-\n      )", rf"\g<1>（第{counter[0]}次修订）", original, count=1)
        yaml_path.write_text(text, encoding="utf-8")
        return timed(build_cmd(content, out), work)

    edit = median_of(runs, edit_once)
    yaml_path.write_text(original, encoding="utf-8")
    timed(build_cmd(content, out), work)
    return {"clean": clean, "nochange": nochange, "edit": edit, "bytes": tree_bytes(out)}


def bench_corpus(size: int, work: Path, runs: int) -> dict:
    content = work / f"corpus{size}"
    subprocess.run([PY, str(ROOT / "bench" / "corpus.py"), str(size), str(content)], check=True,
                   stdout=subprocess.DEVNULL)
    # parse once so the corpus is like real content (YAML present), outside the timing
    timed(build_cmd(content, work / "warm"), work)
    shutil.rmtree(work / "warm")
    out = work / f"site{size}"
    result = {}
    for jobs in (1, 2):
        result[jobs] = median_of(runs, lambda: timed(build_cmd(content, out, "--clean", "--jobs", str(jobs)), work))
    index_total, downloaded = search_bytes(out)
    result.update(bytes=tree_bytes(out), index=index_total, query=downloaded)
    return result


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def render(floor, bundled, corpora, args) -> str:
    f = floor[0]
    lines = [START, "## Build benchmarks (bench/run.py)", "",
             f"Machine: {machine()}. Median of {args.runs} runs, each a whole process.",
             f"Command: `{' '.join(['.venv/bin/python', 'bench/run.py', *sys.argv[1:]])}`", "",
             "| measure | value | target |", "| --- | --- | --- |",
             f"| jieba-load floor `python -c \"import jieba; jieba.initialize()\"` | {f:.2f} s | — |",
             f"| bundled report: clean build | {bundled['clean'][0]:.2f} s ({bundled['clean'][0] / f:.2f} × floor), peak {bundled['clean'][1]} MiB | ≤ 1.3 × floor |",
             f"| bundled report: no-change rebuild | {bundled['nochange'][0]:.2f} s ({bundled['nochange'][0] / f:.2f} × floor), peak {bundled['nochange'][1]} MiB | ≤ 0.5 × floor |",
             f"| bundled report: one-section edit rebuild | {bundled['edit'][0]:.2f} s | ≤ 1.0 s |",
             f"| bundled report: output | {bundled['bytes'] / 1e6:.2f} MB | — |"]
    if corpora:
        lines += ["", "| corpus | clean build, 1 worker | clean build, 2 workers | peak memory | output | search index | typical query download (gzip) |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for size, r in corpora.items():
            lines.append(f"| {size} reports | {r[1][0]:.1f} s | {r[2][0]:.1f} s | {max(r[1][1], r[2][1])} MiB | "
                         f"{r['bytes'] / 1e6:.1f} MB | {r['index'] / 1e6:.2f} MB | {r['query'] / 1e3:.1f} KB |")
        sizes = sorted(corpora)
        if 100 in corpora and 1000 in corpora:
            ratio = corpora[1000][2][0] / corpora[100][2][0]
            lines += ["", f"Growth 100 → 1,000 reports (2 workers): {ratio:.1f}× (target ≤ 11×; 1,000 reports ≤ 60 s, ≤ 1 GB)."]
        lines += ["", f"Typical query: `{TYPICAL_QUERY}`. Corpora sizes: {', '.join(map(str, sizes))}."]
    lines.append(END)
    return "\n".join(lines)


def write_benchmarks(section: str) -> None:
    write_block(START, END, section)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lawreport-bench-") as tmp:
        work = Path(tmp)
        floor = median_of(args.runs, lambda: timed([PY, "-c", "import jieba; jieba.initialize()"], work))
        bundled = bench_bundled(args.runs, work)
        corpora = {}
        for size in args.sizes:
            corpora[size] = bench_corpus(size, work, 1 if size >= 1000 else args.runs)
            print(f"corpus {size}: {corpora[size]}", file=sys.stderr)
    section = render(floor, bundled, corpora, args)
    write_benchmarks(section)
    print(section)


if __name__ == "__main__":
    main()
