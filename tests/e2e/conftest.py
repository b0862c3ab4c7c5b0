"""End-to-end fixtures: the site as its readers get it.

One site per session, built from the bundled content plus another government's report (so the
tests walk whatever the reports contain, not one text), served on 127.0.0.1 by a threaded
http.server and also opened from disk (file://). One Chromium per session (tests/conftest.py).
Every page a test opens records its requests, script errors, console errors and failed loads;
any of them fails the test. A failing test leaves a screenshot and the page's HTML in
tests/artifacts/.
"""

from __future__ import annotations

import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from e2e.reader import OTHER_REPORT, SEED_ID, Origin, PageLog, distinctive_phrase, save_artifacts
from lawreport.content import store
from lawreport.site.analysis import PAGES as ANALYSIS_PAGES
from lawreport.build.run import build
from lawreport.core.model import Report
from lawreport.core import urls

REPO = Path(__file__).resolve().parents[2]
DESKTOP = {"width": 1280, "height": 900}


# -- the site -------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def e2e_content(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("e2e") / "content"
    shutil.copytree(REPO / "content", content)
    other = content / "reports" / OTHER_REPORT
    other.mkdir()
    shutil.copy(REPO / "tests" / "fixtures" / "reports" / OTHER_REPORT / "source.txt", other / "source.txt")
    return content


@pytest.fixture(scope="session")
def built_site(e2e_content) -> Path:
    out = e2e_content.parent / "site"
    build(e2e_content, out, templates_dir=REPO / "templates", log=lambda m: None)
    return out


@pytest.fixture(scope="session")
def reports(built_site, e2e_content) -> dict[str, Report]:
    """The reports as the build saw them (the first build wrote report.yaml for the new source)."""
    return {p.parent.name: store.load(p) for p in sorted(e2e_content.glob("reports/*/report.yaml"))}


@pytest.fixture(scope="session")
def seed(reports) -> Report:
    return reports[SEED_ID]


class _SiteHandler(SimpleHTTPRequestHandler):
    """Static files, and the site's own 404.html for a missing path, as a static host serves it."""

    def log_message(self, *args):  # keep the test output clean
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def server(built_site) -> str:
    """Base URL of the site served on a free port of 127.0.0.1 (ends in '/')."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_SiteHandler, directory=str(built_site)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def http_origin(server) -> Origin:
    return Origin("http", server)


@pytest.fixture(scope="session")
def file_origin(built_site) -> Origin:
    return Origin("file", built_site.as_uri() + "/")


@pytest.fixture(params=["http", "file"])
def origin(request, http_origin, file_origin) -> Origin:
    """Both ways a reader gets the site: every test taking this runs once for each."""
    return http_origin if request.param == "http" else file_origin


# -- the page types, found from the reports (not typed in) -----------------------------------

@pytest.fixture(scope="session")
def page_types(seed, e2e_content) -> dict[str, str]:
    """Page type -> a site-root-relative path of one page of that type (the 404 page included)."""
    part = next(p for p in seed.sections if any(c.children for c in p.children))
    subsection = next(c for c in part.children if c.children)
    item = next(c for c in subsection.walk() if not c.children)
    types = {
        "home": urls.home(),
        "overview": urls.report(seed.id),
        "full text": urls.full_text(seed.id),
        "part": urls.section(seed.id, part.id),
        "subsection": urls.section(seed.id, subsection.id),
        "item": urls.section(seed.id, item.id),
        "search": urls.search(),
    }
    for name in ANALYSIS_PAGES:
        types[f"analysis: {name}"] = f"{seed.id}/{name}/index.html"
    for md in sorted((e2e_content / "pages").glob("*.md")):
        types[f"editorial: {md.stem}"] = urls.page(md.stem)
    from lawreport.analyse.across import documents as across_documents
    from lawreport.analyse.across import indicators as across_indicators
    from lawreport.analyse.across.issuers import issuer_id

    types.update({  # pages across reports (render/across.py)
        "across: corpus": "corpus/index.html", "across: issuers": "issuers/index.html",
        "across: issuer": f"issuers/{issuer_id(seed)}/index.html",
        "across: indicators": "indicators/index.html",
        "across: indicator": f"indicators/{across_indicators.rules()[0].key}/index.html",
        "across: documents": "documents/index.html",
        "across: document": f"documents/{across_documents.across([seed])[0].id}/index.html",
        "across: required": "required/index.html"})
    types["404"] = "404.html"
    return types


@pytest.fixture(scope="session")
def search_target(seed) -> tuple[str, str]:
    return distinctive_phrase(seed)


# -- pages that watch everything they load ---------------------------------------------------

@pytest.fixture
def page_log(server, built_site) -> PageLog:
    return PageLog(allowed=(server, built_site.as_uri() + "/"))


@pytest.fixture
def context(browser):
    """A fresh browser context (desktop size) allowed to use the clipboard."""
    ctx = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    ctx.set_default_timeout(10_000)  # local pages: a wait this long means the thing never happens
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, page_log, request):
    pg = context.new_page()
    page_log.attach(pg)
    yield pg
    if page_log.problems:
        stem = save_artifacts(pg, request.node.nodeid)
        pytest.fail("the page misbehaved:\n" + "\n".join(dict.fromkeys(page_log.problems))
                    + f"\n(screenshot and HTML: {stem}.png, .html)", pytrace=False)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed and report.when == "call":
        pg = item.funcargs.get("page")
        if pg is not None and not pg.is_closed():
            stem = save_artifacts(pg, item.nodeid)
            report.sections.append(("artifacts", f"screenshot and HTML of the page: {stem}.png, .html"))

