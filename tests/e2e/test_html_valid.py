"""Every generated page passes the Nu HTML Checker (vnu.jar, run once over the whole site)."""

from __future__ import annotations

import json
import subprocess


def test_every_page_is_valid_html(built_site, vnu_command):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100  # both scripts, both reports, the analysis and editorial pages, 404
    # One JVM for every file: it takes seconds to start. The JSON report goes to stderr.
    run = subprocess.run([*vnu_command, "--errors-only", "--format", "json", *map(str, pages)],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [f"{m.get('url', '?').split('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m.get("type") in ("error", "non-document-error")]
    assert errors == [], "\n".join(errors)
    assert run.returncode == 0
