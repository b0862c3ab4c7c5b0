"""Link checker over the built site: every internal link and #anchor resolves, nothing external.

Links must work opened from disk (file://), where a link to a bare folder shows
a directory listing instead of the page: every page link ends in a file name.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for attr in ("href", "src", "action"):
            if a.get(attr) is not None:
                self.links.append((tag, attr, a[attr]))


def _parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def check_site(site: Path, allow_absolute_prefix: str | None = None) -> list[str]:
    pages = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    problems = []
    for page, parsed in pages.items():
        for tag, attr, value in parsed.links:
            where = f"{page.relative_to(site)}: <{tag} {attr}={value!r}>"
            parts = urlsplit(value)
            if value.startswith("/") and not value.startswith("//") and page.name != "404.html":
                problems.append(f"{where}: root-relative link (breaks under file://)")
                continue
            if allow_absolute_prefix and value.startswith(allow_absolute_prefix):
                # our own published URL (canonical, alternates, the 404 page): must exist locally
                if tag != "link" and page.name != "404.html":
                    problems.append(f"{where}: absolute link where a relative one works")
                value = "/" + value[len(allow_absolute_prefix):]
                parts = urlsplit(value)
            elif parts.scheme or value.startswith("//"):
                problems.append(f"{where}: external or absolute URL")
                continue
            if value.startswith("/"):
                target = site / unquote(parts.path).lstrip("/")
            elif not parts.path:
                target = page
            else:
                target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir() or (parts.path and parts.path.endswith("/")):
                problems.append(f"{where}: links to a folder (breaks under file://)")
                continue
            if not target.is_file():
                problems.append(f"{where}: missing {target}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where}: no anchor #{parts.fragment} in {target.name}")
    return problems


def test_no_broken_internal_link_or_anchor(site):
    assert check_site(site) == []


def test_no_broken_links_with_base_url(site_with_base):
    # With a base URL only canonical/alternate <link>s are absolute; page links stay relative.
    assert check_site(site_with_base, allow_absolute_prefix="https://example.org/lawreport/") == []


def test_checker_catches_a_broken_anchor(tmp_path):
    (tmp_path / "index.html").write_text('<a href="a/index.html#nowhere">x</a><a href="b/">y</a>')
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="here">a</h1>')
    (tmp_path / "b").mkdir()
    problems = check_site(tmp_path)
    assert any("#nowhere" in p for p in problems)
    assert any("folder" in p for p in problems)


@pytest.mark.parametrize("prefix", ["", "zh-hant/"])
def test_every_section_has_a_page_in_both_scripts(site, seed_report, prefix):
    ids = [s.id for s in seed_report.walk()]
    assert len(ids) > 30
    for sid in ids:
        assert (site / f"{prefix}{seed_report.id}/{sid}/index.html").is_file(), sid


def test_no_broken_links_across_other_reports(fixture_site):
    reports = [p for p in fixture_site.iterdir() if (p / "full-text" / "index.html").is_file()]
    assert len(reports) >= 5
    assert check_site(fixture_site) == []

