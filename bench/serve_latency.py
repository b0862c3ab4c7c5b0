"""Save -> new page served, under `lawreport serve` (issue 17's target: <= 0.3 s).

    .venv/bin/python bench/serve_latency.py            # 10 edits of one section
    .venv/bin/python bench/serve_latency.py --edits 20

Starts the real command on a copy of content/ and templates/, then edits one section's text in
report.yaml the way an editor's save does (write a temporary file, rename it over the YAML).  The
clock starts at the rename and stops when a reader's page has the new text: like the open page,
the script long-polls the reload signal and then fetches the section's permalink page.  Printed:
median, min and max over the edits, and the median time the rebuild itself reported, so the rest
(watching, settling, the reload round trip) shows as the difference.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTION, PAGE = "2-1-2", "zjg-2023/2-1-2/"
WORDS = ("3月和10月", "4月和10月")  # the same length: figures' offsets stay where they are


def _get(url: str, timeout: float = 60) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.read()


def _wait_log(log: Path, pattern: str, after: int, timeout: float = 300) -> re.Match:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        m = re.compile(pattern).search(log.read_text(encoding="utf-8"), after)
        if m:
            return m
        time.sleep(0.05)
    sys.exit(f"bench: no {pattern!r} in the serve log within {timeout:.0f} s:\n{log.read_text()}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--edits", type=int, default=10)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="lawreport-serve-bench-"))
    shutil.copytree(ROOT / "content", work / "content")
    shutil.copytree(ROOT / "templates", work / "templates")
    yaml_path = work / "content" / "reports" / "zjg-2023" / "report.yaml"
    log = work / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "lawreport.cli", "serve", "--port", "0"], cwd=work,
                                stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        url = _wait_log(log, r"at (http://127\.0\.0\.1:\d+/)", 0).group(1)
        latencies, builds = [], []
        for i in range(args.edits):
            old, new = WORDS[i % 2], WORDS[(i + 1) % 2]
            version = json.loads(_get(url + "__lawreport/events?v="))["version"]
            text = yaml_path.read_text(encoding="utf-8")
            at = text.index(f"- id: {SECTION}\n")
            tmp = yaml_path.with_name(".report.yaml.bench")
            tmp.write_text(text[:at] + text[at:].replace(old, new, 1), encoding="utf-8")
            mark = len(log.read_text(encoding="utf-8"))
            start = time.perf_counter()
            os.replace(tmp, yaml_path)  # the save
            while True:  # what the open page does: wait for the reload signal, then load the page
                state = json.loads(_get(url + f"__lawreport/events?v={version}"))
                if state["error"]:
                    sys.exit(f"bench: rebuild failed: {state['error']}")
                if state["version"] != version:
                    break
            page = _get(url + PAGE).decode("utf-8")
            latencies.append(time.perf_counter() - start)
            if new not in page:
                sys.exit(f"bench: the reloaded page lacks the edit {new!r}")
            builds.append(float(_wait_log(log, r"in (\d+(?:\.\d+)?) s ->", mark).group(1)))
            time.sleep(0.5)  # let the server settle between edits
        med = statistics.median(latencies)
        print(f"serve: save -> new page served, {args.edits} edits of section {SECTION}: "
              f"median {med:.3f} s (min {min(latencies):.3f}, max {max(latencies):.3f}); "
              f"rebuild itself (as the build reports it) median {statistics.median(builds):.2f} s; "
              f"the rest (watch, settle, reload signal, page) median "
              f"{statistics.median(l - b for l, b in zip(latencies, builds)):.3f} s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
