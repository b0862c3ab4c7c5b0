"""The site's own page types (lawreport.site.render)."""

import re


def test_home_lists_newest_first(fixture_site):
    html = (fixture_site / "index.html").read_text(encoding="utf-8")
    years = [int(y) for y in re.findall(r"<dt>报告年度</dt><dd>(\d{4})</dd>", html)]
    assert len(years) >= 5 and years == sorted(years, reverse=True)
