"""`lawreport serve`: build, serve site/ on localhost, rebuild on change, reload open pages.

The watcher is ``watchfiles`` (inotify on Linux, FSEvents/ReadDirectoryChangesW elsewhere): it
wakes on the editor's first write and hands over the changes once no further write came for
``SETTLE_MS``, so the rebuild starts as soon as a save (often several writes and a rename) is over,
with no poll interval and no fixed sleep.  Live reload is injected into HTML responses as they are
served — the files in site/ are never changed, so a served page is byte-identical to a built one.
A page reloads when the build has swapped the new site in.  A failed rebuild is printed and shown
on the open pages; the last good site (the build is atomic) keeps being served.

Requests are answered from site/ only: a path that cannot name a file there (bad percent-encoding,
NUL, ``..``) gets 400, anything else that is not a file there (a folder without index.html included,
no listings) gets the site's 404 page.
"""

from __future__ import annotations

import errno
import json
import re
import socket
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from lawreport.core.errors import LawreportError, SetupError, UsageError

EVENTS_PATH = "/__lawreport/events"
SETTLE_MS = 50  # a save is over when no write came for this long
_MAX_NAME = 255  # bytes of one file name on the usual file systems
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
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


def _watched(change, path: str) -> bool:
    """Editor's files only: no hidden files (atomic-write temporaries), no swap or backup files."""
    from watchfiles import DefaultFilter

    name = Path(path).name
    return (not name.startswith(".") and not name.endswith(".tmp")
            and DefaultFilter()(change, path))


class Watcher(threading.Thread):
    """Calls ``rebuild(changed_paths)`` once per settled burst of changes under the roots."""

    def __init__(self, roots: list[Path], rebuild: Callable[[set[str]], None], stop: threading.Event,
                 log: Callable[[str], None] = print):
        super().__init__(daemon=True)
        self.roots = [r for r in roots if r.is_dir()]
        self.rebuild, self.stop, self.log = rebuild, stop, log
        self.ready = threading.Event()  # set once the watches are in place

    def run(self) -> None:
        from watchfiles import watch

        polling = False
        while not self.stop.is_set():
            try:
                for changes in watch(*self.roots, watch_filter=_watched, step=SETTLE_MS,
                                     stop_event=self.stop, rust_timeout=500, yield_on_timeout=True,
                                     force_polling=polling, raise_interrupt=False):
                    self.ready.set()
                    if changes:
                        self.rebuild({path for _, path in changes})
                return
            except (OSError, RuntimeError) as exc:  # e.g. the inotify watch limit: poll instead
                if polling:
                    self.log(f"error: cannot watch {', '.join(map(str, self.roots))}: {exc}")
                    return
                self.log(f"warning: file watching unavailable ({exc}); polling every 0.3 s")
                polling = True


def resolve_request(site_dir: Path, raw_path: str) -> tuple[int, Path | None]:
    """(status, file) for a request target: 200 and the file to send, 301 (folder without the
    trailing slash: the file is None), 400 (no file name could be this) or 404."""
    path = urlsplit(raw_path).path
    if not path.startswith("/") or _BAD_PERCENT.search(path):
        return HTTPStatus.BAD_REQUEST, None
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return HTTPStatus.BAD_REQUEST, None
    parts = decoded.split("/")[1:]
    if _CONTROL.search(decoded) or "\\" in decoded or any(p in (".", "..") for p in parts):
        return HTTPStatus.BAD_REQUEST, None
    names = [p for p in parts if p]
    if any(len(p.encode("utf-8")) > _MAX_NAME for p in names):
        return HTTPStatus.NOT_FOUND, None
    target = site_dir.joinpath(*names)
    try:
        real = target.resolve()
        if real != site_dir and site_dir not in real.parents:  # a symlink out of the site
            return HTTPStatus.NOT_FOUND, None
        if real.is_dir():  # a page's folder; never a listing
            if not (real / "index.html").is_file():
                return HTTPStatus.NOT_FOUND, None
            if not decoded.endswith("/"):
                return HTTPStatus.MOVED_PERMANENTLY, None
            real = real / "index.html"
        return (HTTPStatus.OK, real) if real.is_file() else (HTTPStatus.NOT_FOUND, None)
    except (OSError, ValueError):  # too long for the file system, or not a name at all
        return HTTPStatus.NOT_FOUND, None


def make_handler(site_dir: Path, state: BuildState):
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, fmt, *args):  # keep the terminal for build messages
            pass

        def do_HEAD(self):
            self.do_GET()

        def do_GET(self):
            if urlsplit(self.path).path == EVENTS_PATH:
                seen = self.path.partition("v=")[2]
                self._send(HTTPStatus.OK, json.dumps(state.wait(seen)).encode(), "application/json")
                return
            status, path = resolve_request(site_dir, self.path)
            if status == HTTPStatus.MOVED_PERMANENTLY:
                parts = urlsplit(self.path)
                self.send_response(status)
                self.send_header("Location", parts.path + "/" + (f"?{parts.query}" if parts.query else ""))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path is None:
                self.send_error(status)
                return
            try:
                data = path.read_bytes()
            except OSError:  # gone in a rebuild's swap between the check and the read
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            if path.suffix == ".html":
                cut = data.rfind(b"</body>")
                data = (data[:cut] + _CLIENT.encode() + data[cut:]) if cut >= 0 else data + _CLIENT.encode()
                self._send(HTTPStatus.OK, data, "text/html; charset=utf-8")
            else:
                self._send(HTTPStatus.OK, data, self.guess_type(str(path)))

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
            if self.command != "HEAD":
                self.wfile.write(body)

    return partial(Handler, directory=str(site_dir))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    log: Callable[[str], None] = print

    def handle_error(self, request, client_address):
        """One line instead of socketserver's traceback; a reader who left is no error at all."""
        import sys

        exc = sys.exc_info()[1]
        if not isinstance(exc, (ConnectionError, TimeoutError)):
            self.log(f"warning: request from {client_address[0]} failed: {type(exc).__name__}: {exc}")


def open_server(host: str, port: int, handler) -> _Server:
    """Listen on host:port, or fail with one line (exit 2) saying why."""
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port} is out of range (0-65535; 0 picks a free port)")
    try:
        return _Server((host, port), handler)
    except socket.gaierror:
        raise UsageError(f"--host {host!r}: no such address") from None
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise SetupError(f"port {port} on {host} is in use (another `serve`?); "
                             "choose one with --port, or --port 0 for any free port") from None
        if exc.errno == errno.EACCES:
            raise SetupError(f"not allowed to listen on port {port} (below 1024 needs privileges); "
                             "choose one with --port") from None
        raise SetupError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve(content_dir: Path, out_dir: Path, templates_dir: Path | None, host: str, port: int,
          build_fn: Callable[[], str], log: Callable[[str], None] = print,
          ready: threading.Event | None = None, stop: threading.Event | None = None) -> None:
    """Listen, build once (failing loudly if that first build fails), then serve and rebuild on change."""
    state = BuildState()
    server = open_server(host, port, make_handler(Path(out_dir).resolve(), state))
    server.log = log
    try:
        log(build_fn())
        state.publish(True)
        lock = threading.Lock()

        def rebuild(changed: set[str]) -> None:
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
        watcher = Watcher(roots, rebuild, stop, log)
        watcher.start()
        watcher.ready.wait(timeout=5)  # an edit made right after "serving" must not be missed
        log(f"serving {out_dir} at http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)")
        if ready is not None:
            ready.set()
        threading.Thread(target=lambda: (stop.wait(), server.shutdown()), daemon=True).start()
        server.serve_forever(poll_interval=0.2)
    finally:
        if stop is not None:
            stop.set()
        server.server_close()
