"""Helpers for the end-to-end tests: where the site is read from, what a page did, and what to
search for."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from lawreport.core.model import Report
from lawreport.core import urls
from lawreport.core.script import HANS, HANT, to_hans

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
SEED_ID = "zjg-2023"
OTHER_REPORT = "pizhou-2022-joint"  # a joint report of another city, parsed by the build itself


@dataclass(frozen=True)
class Origin:
    """Where the site is read from: served over http, or opened from disk."""

    kind: str  # "http" or "file"
    root: str  # URL of the site root, ending in "/"

    def url(self, path: str, script: str = HANS) -> str:
        """URL of a site-root-relative page path in one script ("zjg-2023/2-5-3/index.html")."""
        return self.root + urls.in_script(path, script)

    def path_of(self, url: str) -> str:
        """Site-root-relative path of a URL of this site, without query or fragment."""
        assert url.startswith(self.root), url
        return re.split(r"[?#]", url[len(self.root):])[0]


def distinctive_phrase(report: Report) -> tuple[str, str]:
    """(phrase, section id): two adjacent words of a leaf section's heading (Simplified) that both
    occur in that section and in no other part of the report, so a search for them has one right
    answer. Found from the report, so the tests walk any report, not one text."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    sections = list(report.walk())
    texts = [to_hans(report.preamble), to_hans("\n".join(report.signature))]
    texts += [to_hans(s.title + "\n" + s.text) for s in sections]
    for s in sorted((s for s in sections if not s.children), key=lambda s: -s.depth):  # items first
        words = [w for w in jieba.lcut(to_hans(s.title)) if len(w) > 1 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
        for first, second in zip(words, words[1:]):
            if sum(first in t and second in t for t in texts) == 1:
                return first + second, s.id
    raise AssertionError(f"no distinctive heading phrase in {report.id}")


@dataclass
class PageLog:
    """What a page did that a reader should never see: requests off the site, errors."""

    allowed: tuple[str, ...]  # URL prefixes of the site (served origin, the built folder on disk)
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    expected_status: set[int] = field(default_factory=set)

    def attach(self, page) -> None:
        page.on("request", self._request)
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url} ({r.failure})"))
        page.on("response", self._response)
        page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        page.on("console", self._console)
        page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))

    def _request(self, request) -> None:
        self.requests.append(request.url)
        if not request.url.startswith(self.allowed):
            self.problems.append(f"request leaves the site: {request.url}")

    def _response(self, response) -> None:
        if response.status >= 400 and response.status not in self.expected_status:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _console(self, message) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "")
        # A browser asks a served site for /favicon.ico by itself; the site declares no icon.
        if where.endswith("/favicon.ico") or (self.expected_status and "status of 404" in message.text):
            return
        self.problems.append(f"console error: {message.text} ({where})")


def save_artifacts(page, nodeid: str) -> Path:
    """Screenshot and HTML of the page as it was when the test failed; returns their common stem."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stem = ARTIFACTS / re.sub(r"[^\w-]+", "_", nodeid).strip("_")  # no dots: they would end the stem
    try:
        page.screenshot(path=str(stem.with_suffix(".png")), full_page=True)
        stem.with_suffix(".html").write_text(page.content(), encoding="utf-8")
    except Exception as e:  # a crashed page still fails the test; say why there is no picture
        stem.with_suffix(".txt").write_text(f"no artifacts: {e}\n", encoding="utf-8")
    return stem


def other_script(script: str) -> str:
    return HANT if script == HANS else HANS

