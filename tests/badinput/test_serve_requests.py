"""`lawreport serve` answers every request (issue 12, defects 10 and 7's port): bad paths get 400 or
404, never silence or a traceback in the terminal; a port it cannot listen on is one line, exit 2.

The request table runs against the real server (``serve.serve`` on 127.0.0.1, in a thread) over a
small site folder made here; raw request targets go through http.client, which sends them as
written.  The port cases run the real command."""

import http.client
import os
import re
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from lawreport.build.serve import serve

ROOT = Path(__file__).resolve().parents[2]
NOT_FOUND_PAGE = "<!doctype html><title>404</title><body><p>页面不存在</p></body>"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A built-looking site: pages, a 404 page, a folder without index, a symlink out of the site;
    served by `serve` for the whole module."""
    root = tmp_path_factory.mktemp("serve")
    out = root / "site"
    (out / "page").mkdir(parents=True)
    (out / "static").mkdir()
    (out / "empty").mkdir()
    (out / "index.html").write_text("<!doctype html><title>home</title><body>home</body>", encoding="utf-8")
    (out / "page" / "index.html").write_text("<!doctype html><body>page</body>", encoding="utf-8")
    (out / "static" / "site.css").write_bytes(b"body{margin:0}\n")
    (out / "404.html").write_text(NOT_FOUND_PAGE, encoding="utf-8")
    (out / "leak.txt").symlink_to("/etc/passwd")
    (root / "content").mkdir()
    log: list[str] = []
    ready, stop = threading.Event(), threading.Event()
    thread = threading.Thread(target=serve, daemon=True, args=(
        root / "content", out, None, "127.0.0.1", 0, lambda: "built"),
        kwargs={"log": log.append, "ready": ready, "stop": stop})
    thread.start()
    assert ready.wait(60), log
    port = int(re.search(r"127\.0\.0\.1:(\d+)/", log[-1]).group(1))
    yield port, log
    stop.set()
    thread.join(10)


def _request(port: int, target: str, method: str = "GET") -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)  # sent as written
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


CASES = [  # (request target, status)
    ("/" + "a" * 300 + "/", 404),  # a segment longer than any file name
    ("/page/" + "%E9%95%B7" * 100, 404),  # 100 characters, 300 bytes
    ("/" + "b" * 300 + ".html", 404),
    ("/%00", 400),
    ("/index.html%00.css", 400),
    ("/page/%00/", 400),
    ("/%0a", 400),
    ("/../../etc/passwd", 400),
    ("/page/../../../etc/passwd", 400),
    ("/%2e%2e/%2e%2e/etc/passwd", 400),
    ("/page/..%2f..%2f..%2fetc/passwd", 400),
    ("/%zz", 400),
    ("/%", 400),
    ("/%e4%b8", 400),  # a UTF-8 character cut short
    ("/%ff.html", 400),
    ("/static/", 404),  # a folder without index: no listing
    ("/empty/", 404),
    ("/empty", 404),
    ("/leak.txt", 404),  # a symlink out of the site is not served
    ("/nowhere/", 404),
]


@pytest.mark.parametrize("target,status", CASES, ids=[c[0][:24] for c in CASES])
def test_bad_path_gets_an_answer(site, target, status):
    port, log = site
    got, body = _request(port, target)
    assert got == status
    if status == 404:
        assert body.decode("utf-8") == NOT_FOUND_PAGE  # the site's own 404 page, not a listing
    assert b"root:" not in body
    got, body = _request(port, target, "HEAD")
    assert got == status and body == b""


def test_good_paths_still_served_and_nothing_went_to_the_terminal(site, capfd):
    port, log = site
    status, body = _request(port, "/")
    assert status == 200 and b"home" in body and b"live reload" in body
    assert _request(port, "/page/")[0] == 200
    assert _request(port, "/static/site.css") == (200, b"body{margin:0}\n")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/page")
    response = conn.getresponse()
    assert response.status == 301 and response.getheader("Location") == "/page/"
    conn.close()
    for target, _ in CASES:
        _request(port, target)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Exception" not in err
    assert not [line for line in log if "warning" in line or "error" in line]


def _serve_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawreport.cli", "serve", "--out", str(tmp_path / "site"),
                           "--content", str(ROOT / "content"), "--templates", str(ROOT / "templates"),
                           *args], capture_output=True, text=True, timeout=300, cwd=tmp_path,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})


@pytest.mark.parametrize("port", ["70000", "-1", "65536"])
def test_port_out_of_range_is_one_line_exit_2(tmp_path, port):
    run = _serve_cli(tmp_path, "--port", port)
    assert run.returncode == 2
    assert run.stderr == f"error: --port {port} is out of range (0-65535; 0 picks a free port)\n"
    assert not (tmp_path / "site").exists()  # refused before anything was built


def test_port_in_use_is_one_line_exit_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = _serve_cli(tmp_path, "--port", str(port))
    assert run.returncode == 2
    assert run.stderr == (f"error: port {port} on 127.0.0.1 is in use (another `serve`?); "
                          "choose one with --port, or --port 0 for any free port\n")
    assert not (tmp_path / "site").exists()
