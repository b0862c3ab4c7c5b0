"""`lawreport serve`: build, serve site/ on localhost, rebuild on change, reload open pages.

The watcher polls modification times (content/ and templates/ are a few hundred files at most, so
a 0.3 s poll costs nothing and needs no platform-specific dependency).  Live reload is injected into
HTML responses as they are served — the files in site/ are never changed, so a served page is
byte-identical to a built one.  A failed rebuild is printed and shown on the open pages; the last
good site (the build is atomic) keeps being served.
"""

from __future__ import annotations

import json
import os
import threading
import time
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from lawreport.errors import LawreportError

EVENTS_PATH = "/__lawreport/events"
POLL_SECONDS = 0.3
_CLIENT = """<script>/* lawreport serve: live reload (not part of the built site) */
(function(){var v=null;function show(e){var d=document.getElementById('__lr_err');
if(!e){if(d)d.remove();return;}if(!d){d=document.createElement('pre');d.id='__lr_err';
d.setAttribute('role','alert');d.style.cssText='position:fixed;left:0;right:0;bottom:0;margin:0;'+
'padding:1em;max-height:50vh;overflow:auto;background:#7f1d1d;color:#fff;z-index:99999;'+
'white-space:pre-wrap;font:14px/1.4 monospace';document.body.appendChild(d);}
d.textContent='lawreport: rebuild failed (the last good site is shown)\\n\\n'+e;}
var k='';function poll(){var x=new XMLHttpRequest();x.open('GET','%s?v='+encodeURIComponent(k));
x.onload=function(){try{var s=JSON.parse(x.responseText);}catch(_){setTimeout(poll,1000);return;}
if(v!==null&&s.version!==v&&!s.error){location.reload();return;}v=s.version;k=s.key;show(s.error);poll();};
x.onerror=function(){setTimeout(poll,1000);};x.send();}poll();})();</script>""" % EVENTS_PATH


class BuildState:
    """The version of the last good build and the error of the last failed one, for the pages."""

    def __init__(self) -> None:
        self.version = 0
        self.error = ""
        self.changed = threading.Condition()

    def publish(self, ok: bool, error: str = "") -> None:
        with self.changed:
            if ok:
                self.version += 1
                self.error = ""
            else:
                self.error = error
            self.changed.notify_all()

    def wait(self, seen: str, timeout: float = 25.0) -> dict:
        with self.changed:
            self.changed.wait_for(lambda: self.snapshot_key() != seen, timeout=timeout)
            return {"version": str(self.version), "error": self.error, "key": self.snapshot_key()}

    def snapshot_key(self) -> str:
        return str(self.version) if not self.error else f"{self.version}!{self.error}"


def snapshot(roots: list[Path]) -> dict[str, tuple[int, int]]:
    """Path -> (mtime_ns, size) of every file under the roots (hidden files and temp files skipped)."""
    seen: dict[str, tuple[int, int]] = {}
    for root in roots:
        if not root.exists():
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                if name.startswith(".") or name.endswith(("~", ".swp", ".tmp")):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    st = os.stat(path)
                except FileNotFoundError:
                    continue
                seen[path] = (st.st_mtime_ns, st.st_size)
    return seen


class Watcher(threading.Thread):
    def __init__(self, roots: list[Path], rebuild: Callable[[], None], stop: threading.Event):
        super().__init__(daemon=True)
        self.roots, self.rebuild, self.stop = roots, rebuild, stop
        self.last = snapshot(roots)

    def run(self) -> None:
        while not self.stop.wait(POLL_SECONDS):
            now = snapshot(self.roots)
            if now != self.last:
                time.sleep(POLL_SECONDS)  # let an editor finish writing (save = several writes)
                self.last = snapshot(self.roots)
                self.rebuild()


def make_handler(site_dir: Path, state: BuildState):
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, fmt, *args):  # keep the terminal for build messages
            pass

        def do_GET(self):
            if self.path.startswith(EVENTS_PATH):
                seen = self.path.partition("v=")[2]
                self._send(HTTPStatus.OK, json.dumps(state.wait(seen)).encode(), "application/json")
                return
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                data = path.read_bytes()
                marker = b"</body>"
                cut = data.rfind(marker)
                injected = (data[:cut] + _CLIENT.encode() + data[cut:]) if cut >= 0 else data + _CLIENT.encode()
                self._send(HTTPStatus.OK, injected, "text/html; charset=utf-8")
                return
            super().do_GET()

        def send_error(self, code, message=None, explain=None):
            not_found = site_dir / "404.html"
            if code == HTTPStatus.NOT_FOUND and not_found.is_file():
                self._send(code, not_found.read_bytes(), "text/html; charset=utf-8")
                return
            super().send_error(code, message, explain)

        def _send(self, code: int, body: bytes, content_type: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return partial(Handler, directory=str(site_dir))


def serve(content_dir: Path, out_dir: Path, templates_dir: Path | None, host: str, port: int,
          build_fn: Callable[[], str], log: Callable[[str], None] = print,
          ready: threading.Event | None = None, stop: threading.Event | None = None) -> None:
    """Build once (failing loudly if that first build fails), then serve and rebuild on change."""
    state = BuildState()
    log(build_fn())
    state.publish(True)
    lock = threading.Lock()

    def rebuild() -> None:
        with lock:
            try:
                log(build_fn())
                state.publish(True)
            except LawreportError as exc:
                log(str(exc))
                state.publish(False, str(exc))
            except Exception as exc:  # noqa: BLE001 - keep serving the last good site
                message = f"internal error: {type(exc).__name__}: {exc}"
                log(message)
                state.publish(False, message)

    stop = stop or threading.Event()
    roots = [content_dir] + ([templates_dir] if templates_dir else [])
    Watcher(roots, rebuild, stop).start()
    server = ThreadingHTTPServer((host, port), make_handler(Path(out_dir).resolve(), state))
    server.daemon_threads = True
    log(f"serving {out_dir} at http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)")
    if ready is not None:
        ready.set()
    threading.Thread(target=lambda: (stop.wait(), server.shutdown()), daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        server.server_close()
