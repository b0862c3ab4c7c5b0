"""The citation record and its formats, exactly (tests/citations checks them against citeproc-js,
bibtexparser and rispy on every built page)."""

import json

import bibtexparser
import rispy

from lawreport.site import citations
from lawreport.site.citations import CitationData
from lawreport.site.context import report_view

URL = "https://example.org/lawreport/zjg-2023/2-5-3/index.html"
TITLE = "张家港市人民政府关于2023年度法治政府建设情况的报告"
SECTION = "二、（五）3.深化人民调解工作"


def _section_citation(seed_report, script="zh-Hans"):
    view = report_view(seed_report, script)
    section = next(s for s in view.walk() if s.id == "2-5-3")
    return view.citation("https://example.org/lawreport/", section)


def test_section_citation_data(seed_report):
    c = _section_citation(seed_report)
    assert c.url == URL
    assert c.author == "张家港市人民政府"
    assert c.title == TITLE
    assert c.locator == SECTION
    assert c.full_title == TITLE + "：" + SECTION  # the section reaches the reference manager
    assert c.key == "zjg-2023:2-5-3"


def test_report_level_title_is_the_reports(seed_report):
    view = report_view(seed_report, "zh-Hans")
    assert view.citation(None).full_title == TITLE


def test_gbt7714_2025_follows_the_official_csl_style(seed_report):
    # ". " between elements and a final "."; no access date for an online item
    assert citations.gbt7714_2025(_section_citation(seed_report)) == (
        f"张家港市人民政府. {TITLE}：{SECTION}[R/OL]. 2024-02-28. {URL}.")


def test_gbt7714_2015_exact_with_reader_access_date(seed_report):
    c = _section_citation(seed_report)
    assert citations.gbt7714_2015(c, "2026-11-24") == (
        f"张家港市人民政府. {TITLE}：{SECTION}[R/OL]. (2024-02-28)[2026-11-24]. {URL}.")
    # built pages leave the access date to the browser
    assert citations.ACCESS_DATE in citations.gbt7714_2015(c)


def test_undated_online_report_gets_the_access_year_in_2025():
    c = CitationData("k", "某市人民政府", "某报告", "", "https://x.example/", "zh-Hans")
    assert citations.gbt7714_2025(c, "2026-11-24") == "某市人民政府. 某报告[R/OL]. [2026]. https://x.example/."
    assert citations.ACCESS_YEAR in citations.gbt7714_2025(c)


def test_offline_forms_have_no_online_mark():
    c = CitationData("k", "某市人民政府", "某报告", "2024-02-28", None, "zh-Hans")
    assert citations.gbt7714_2015(c) == "某市人民政府. 某报告[R]. 2024."
    assert citations.gbt7714_2025(c) == "某市人民政府. 某报告[R]. 2024-02-28."


def test_traditional_citation(seed_report):
    c = _section_citation(seed_report, "zh-Hant")
    assert citations.gbt7714_2025(c).startswith("張家港市人民政府. 張家港市人民政府關於2023年度")
    assert c.url == "https://example.org/lawreport/zh-hant/zjg-2023/2-5-3/index.html"


def test_bibtex_exact(seed_report):
    assert citations.bibtex(_section_citation(seed_report), "2026-11-24") == (
        "@report{zjg-2023:2-5-3,\n"
        "  author = {{张家港市人民政府}},\n"
        f"  title = {{{TITLE}：{SECTION}}},\n"
        "  type = {法治政府建设情况报告},\n"
        "  date = {2024-02-28},\n"
        f"  url = {{{URL}}},\n"
        "  urldate = {2026-11-24},\n"
        "  language = {chinese}\n"
        "}")


def test_bibtex_parses_and_escapes_tex_specials():
    c = CitationData("k", "A&B_C", "50%", "", "https://x.example/a_b%20c", "zh-Hans")
    out = citations.bibtex(c, "2026-11-24")
    assert r"A\&B\_C" in out and r"50\%" in out
    [entry] = bibtexparser.parse_string(out).entries
    assert entry["url"] == "https://x.example/a_b%20c"  # verbatim field: not escaped
    assert entry["urldate"] == "2026-11-24"


def test_csl_json(seed_report):
    [item] = json.loads(citations.csl_json([citations.csl_item(_section_citation(seed_report), "2026-11-24")]))
    assert item == {
        "id": "zjg-2023:2-5-3", "type": "report", "title": f"{TITLE}：{SECTION}",
        "author": [{"literal": "张家港市人民政府"}],
        "genre": "法治政府建设情况报告", "language": "zh-Hans",
        "issued": {"date-parts": [[2024, 2, 28]]}, "URL": URL,
        "accessed": {"date-parts": [[2026, 11, 24]]}, "section": SECTION}


def test_csl_json_page_placeholder_becomes_numbers():
    c = CitationData("k", "", "某报告", "", citations.HERE, "zh-Hans")
    html = str(citations.to_html(citations.csl_json([citations.csl_item(c)])))
    filled = html.replace('<span class="access-date" data-date-form="csl">YYYY, MM, DD</span>', "2026, 11, 24")
    filled = filled.replace("<span data-here></span>", "file:///x/index.html")
    [item] = json.loads(filled)
    assert item["accessed"] == {"date-parts": [[2026, 11, 24]]} and item["URL"] == "file:///x/index.html"


def test_ris(seed_report):
    text = citations.ris(_section_citation(seed_report), "2026-11-24")
    assert text.endswith("ER  - \n")
    [record] = rispy.loads(text)
    assert record == {
        "type_of_reference": "RPRT", "authors": ["张家港市人民政府"], "title": f"{TITLE}：{SECTION}",
        "type_of_work": "法治政府建设情况报告", "section": SECTION, "year": "2024",
        "date": "2024/02/28", "urls": [URL], "access_date": "2026/11/24", "language": "zh-Hans",
        "id": "zjg-2023:2-5-3"}


def test_downloads_have_no_access_date_and_no_url_without_base(seed_report):
    view = report_view(seed_report, "zh-Hans")
    c = view.citation(None, view.sections[0])
    assert c.url is None
    assert "UR  -" not in citations.ris(c, None) and "Y2  -" not in citations.ris(c, None)
    assert "URL" not in citations.csl_item(c, None) and "accessed" not in citations.csl_item(c, None)


def test_to_html_escapes_text_and_keeps_the_placeholders_as_spans():
    html = str(citations.to_html(f"<b>&{citations.ACCESS_DATE}{citations.HERE}"))
    assert html == '&lt;b&gt;&amp;<span class="access-date">YYYY-MM-DD</span><span data-here></span>'


def test_section_page_has_zotero_meta_and_cite_panel(site_with_base):
    html = (site_with_base / "zjg-2023/2-5-3/index.html").read_text(encoding="utf-8")
    assert f'<meta name="citation_title" content="{TITLE}：{SECTION}">' in html
    assert '<meta name="DC.type" content="report">' in html
    assert "citation_technical_report_institution" not in html and "citation_publisher" not in html
    assert '<meta name="citation_author" content="张家港市人民政府">' in html
    assert '<meta name="citation_date" content="2024/02/28">' in html
    assert f'<meta name="citation_public_url" content="{URL}">' in html
    assert f'<link rel="canonical" href="{URL}">' in html
    assert f"[R/OL]. 2024-02-28. {URL}." in html
    assert "@report{zjg-2023:2-5-3," in html
    assert 'id="cite-ris"' in html


def test_without_base_url_no_canonical(site):
    html = (site / "zjg-2023/2-5-3/index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in html
    assert "citation_public_url" not in html
    assert 'data-resolve="index.html"' in html  # the browser shows the address being read
    assert html.count("<span data-here></span>") == 5  # the URL of every format but the permalink
