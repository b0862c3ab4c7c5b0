import os
import shutil
import sys
from pathlib import Path

import pytest

# the helpers (jsrun, fixtures) live beside the tests
sys.path.insert(0, str(Path(__file__).parent))

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _skip_or_fail(reason: str):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        _skip_or_fail(f"chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


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
