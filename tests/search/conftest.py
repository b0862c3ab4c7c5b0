import sys
from pathlib import Path

import pytest

# the helpers (jsrun, fixtures) live beside the tests
sys.path.insert(0, str(Path(__file__).parent))

# browser: tests/conftest.py, one Chromium for the session (Playwright's sync API allows one
# running instance per thread); skipped with the reason when missing, failed under REQUIRE_BROWSER=1


@pytest.fixture
def page(browser):
    pg = browser.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.requests = requests  # what the page loaded (tests of the sharded index count them)
    yield pg
    assert not errors, errors
    assert all(u.startswith(("file://", "data:", "about:")) for u in requests), requests  # no network
    pg.close()
