"""`lawreport serve` for real: start it, edit the YAML, see the served page change; break the YAML,
see the error reported while the last good site is still served."""

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def _wait_for(predicate, timeout=180.0):  # a bound for a loaded CI machine, not a timing check
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("condition not reached in time")


@pytest.fixture()
def server(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    log = open(tmp_path / "serve.log", "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "lawreport.cli", "serve", "--port", "0"],
        cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})

    def base():
        text = (tmp_path / "serve.log").read_text()
        m = re.search(r"at (http://127\.0\.0\.1:\d+/)", text)
        return m.group(1) if m else None

    try:
        url = _wait_for(base)
        yield url, tmp_path
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def test_edit_yaml_changes_served_page_and_errors_keep_last_good_site(server):
    url, root = server
    yaml_path = root / "content" / "reports" / "zjg-2023" / "report.yaml"
    status, body = _get(url + "zjg-2023/report.json")
    assert status == 200 and "開展集中培訓" in body.decode()
    state = json.loads(_get(url + "__lawreport/events?v=")[1])
    assert state["error"] == ""

    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("開展集中培訓", "開展集中輪訓"),
                         encoding="utf-8")
    _wait_for(lambda: "開展集中輪訓" in _get(url + "zjg-2023/report.json")[1].decode())

    good = _get(url + "zjg-2023/report.json")[1]
    yaml_path.write_text("sections: [\n", encoding="utf-8")  # an editor's half-typed file
    state = _wait_for(lambda: (s := json.loads(_get(url + "__lawreport/events?v=")[1]))["error"] and s)
    assert "report.yaml:" in state["error"] and "invalid YAML" in state["error"]
    assert _get(url + "zjg-2023/report.json")[1] == good  # last good site still served
    assert "report.yaml:2:1: error: invalid YAML" in (root / "serve.log").read_text()  # and printed in the terminal


def test_section_edit_saved_atomically_is_served_on_its_permalink(server):
    """An editor's save (write a temporary file, rename it over report.yaml, as vim and VS Code
    do) is seen by the watcher; the section's permalink page serves the new text, and the reload
    signal moves on once that page is in place."""
    url, root = server
    yaml_path = root / "content" / "reports" / "zjg-2023" / "report.yaml"
    assert "3月和10月" in _get(url + "zjg-2023/2-1-2/")[1].decode()
    before = json.loads(_get(url + "__lawreport/events?v=")[1])["version"]
    text = yaml_path.read_text(encoding="utf-8")
    at = text.index("- id: 2-1-2\n")
    edited = text[:at] + text[at:].replace("3月和10月", "4月和10月", 1)
    tmp = yaml_path.with_name(".report.yaml.swp-save")
    tmp.write_text(edited, encoding="utf-8")
    os.replace(tmp, yaml_path)
    state = _wait_for(lambda: (s := json.loads(_get(url + "__lawreport/events?v=")[1]))["version"] != before and s)
    assert state["error"] == ""
    for prefix in ("", "zh-hant/"):  # served, in both scripts, as soon as the reload signal says so
        body = _get(url + prefix + "zjg-2023/2-1-2/")[1].decode()
        assert "4月和10月" in body and "3月和10月" not in body


def test_watcher_reports_a_settled_save_and_skips_temporaries(tmp_path):
    """One call per save, naming the file saved; hidden, swap and backup files are not changes."""
    import queue
    import threading

    from lawreport.build.serve import Watcher

    calls: queue.Queue = queue.Queue()
    stop = threading.Event()
    watcher = Watcher([tmp_path], calls.put, stop, log=calls.put)
    watcher.start()
    try:
        assert watcher.ready.wait(30)
        for name in (".report.yaml.tmp", "report.yaml.swp", "report.yaml~", ".#report.yaml"):
            (tmp_path / name).write_text("x", encoding="utf-8")
        (tmp_path / "report.yaml").write_text("title: a\n", encoding="utf-8")
        assert calls.get(timeout=30) == {str(tmp_path / "report.yaml")}
    finally:
        stop.set()
        watcher.join(10)
    assert not watcher.is_alive()
