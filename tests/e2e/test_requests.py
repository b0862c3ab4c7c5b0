"""Nothing leaves the site and nothing breaks: the page recorder used by every e2e test, checked
itself, and every page of a second government's report loaded through it."""

from __future__ import annotations

from e2e.reader import OTHER_REPORT
from lawreport.core import urls
from lawreport.core.script import HANS, HANT


def test_the_recorder_catches_off_site_requests_and_script_errors(page, page_log, origin):
    page.route("https://cdn.example.invalid/**", lambda route: route.abort())  # never sent anywhere
    page.goto(origin.url(urls.home()))
    page.evaluate("""() => {
      const img = document.createElement('img');
      img.src = 'https://cdn.example.invalid/font.woff2';
      document.body.appendChild(img);
    }""")
    page.wait_for_function("document.querySelector('img[src*=invalid]').complete")
    page.add_script_tag(content="throw new Error('boom')")
    found = "\n".join(page_log.problems)
    assert "request leaves the site: https://cdn.example.invalid/font.woff2" in found
    assert "request failed: https://cdn.example.invalid/font.woff2" in found
    assert "script error: boom" in found
    page_log.problems.clear()  # seen: the test ends clean


def test_every_page_of_another_report_loads_cleanly(page, page_log, origin, built_site, reports):
    pages = sorted(p.relative_to(built_site).as_posix() for p in (built_site / OTHER_REPORT).rglob("*.html"))
    assert len(pages) >= len(list(reports[OTHER_REPORT].walk()))  # a page for every section at least
    for path in pages:
        for script in (HANS, HANT):
            page.goto(origin.url(path, script))
            assert page.evaluate("document.documentElement.lang") == urls.LANG[script]
    requested = set(page_log.requests)
    assert any(u.endswith("static/site.css") for u in requested)
    assert any(u.endswith("static/site.js") for u in requested)
