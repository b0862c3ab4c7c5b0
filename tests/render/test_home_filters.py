"""The home page's place and year filters (static/home.js) in Chromium, opened from disk."""

from __future__ import annotations

from collections import Counter

# browser: tests/conftest.py, one Chromium for the session (a second sync Playwright in the same
# thread fails); skipped with the reason when missing, failed under REQUIRE_BROWSER=1


def cards(page) -> list[dict]:
    return page.eval_on_selector_all(".report-card", "cs => cs.map(c => ({place: c.dataset.place,"
                                     " year: c.dataset.year, visible: c.offsetParent !== null}))")


def visible_groups(page) -> list[str]:
    return page.eval_on_selector_all(".year-group", "gs => gs.filter(g => g.offsetParent !== null)"
                                     ".map(g => g.dataset.year)")


def test_filters_show_one_place_or_one_year_and_follow_the_address(fixture_site, browser):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((fixture_site / "index.html").as_uri())
    everything = cards(page)
    assert len(everything) >= 5 and all(c["visible"] for c in everything)
    places = Counter(c["place"] for c in everything)
    years = Counter(c["year"] for c in everything)
    assert len(places) >= 3 and len(years) >= 3

    place = sorted(p for p in places if p)[0]  # (a report without issuer has data-place="")
    page.select_option("#filter-place", place)
    shown = [c for c in cards(page) if c["visible"]]
    assert {c["place"] for c in shown} == {place} and len(shown) == places[place]
    assert sorted(visible_groups(page)) == sorted({c["year"] for c in shown})
    assert f"{len(shown)} 份，共 {len(everything)}" in page.inner_text("#filter-count")
    assert "place=" in page.url

    page.select_option("#filter-place", "")
    year = years.most_common(1)[0][0]
    page.select_option("#filter-year", year)
    shown = [c for c in cards(page) if c["visible"]]
    assert {c["year"] for c in shown} == {year} and len(shown) == years[year]
    assert visible_groups(page) == [year]

    page.goto(page.url)  # the address keeps the choice
    assert page.eval_on_selector("#filter-year", "s => s.value") == year
    assert len([c for c in cards(page) if c["visible"]]) == years[year]

    other = next(c for c in everything if c["year"] != year and c["place"])["place"]
    if all(c["place"] != other or c["year"] != year for c in everything):
        page.select_option("#filter-place", other)  # a place with no report in that year
        assert not any(c["visible"] for c in cards(page))
        assert page.is_visible("#filter-none")
    assert errors == []
    page.close()


def test_without_javascript_every_report_is_listed_and_no_dead_form(fixture_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((fixture_site / "index.html").as_uri())
    assert all(c["visible"] for c in cards(page))
    assert not page.is_visible("#home-filters")
    context.close()


def test_years_newest_first_and_places_sorted_within_a_year(fixture_site):
    import re

    html = (fixture_site / "index.html").read_text(encoding="utf-8")
    groups = re.findall(r'<section class="year-group" data-year="(\d*)">(.*?)</section>', html, re.S)
    years = [int(y) for y, _ in groups if y]
    assert years == sorted(years, reverse=True) and len(years) == len(set(years))
    for _, body in groups:
        places = [p for p in re.findall(r'data-place="([^"]*)"', body)]
        assert places == sorted(places, key=lambda p: (not p, p))
