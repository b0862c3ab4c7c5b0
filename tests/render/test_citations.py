from lawreport.render import citations
from lawreport.render.citations import CitationData
from lawreport.render.context import report_view

URL = "https://example.org/lawreport/zjg-2023/2-5-3/index.html"


def _section_citation(seed_report, script="zh-Hans"):
    view = report_view(seed_report, script)
    section = next(s for s in view.walk() if s.id == "2-5-3")
    return view.citation("https://example.org/lawreport/", section)


def test_section_citation_data(seed_report):
    c = _section_citation(seed_report)
    assert c.url == URL
    assert c.author == "张家港市人民政府"
    assert c.title == "张家港市人民政府关于2023年度法治政府建设情况的报告"
    assert c.locator == "二、（五）3.深化人民调解工作"
    assert c.key == "zjg-2023:2-5-3"


def test_gbt7714_2025_exact(seed_report):
    assert citations.gbt7714_2025(_section_citation(seed_report)) == (
        "张家港市人民政府．张家港市人民政府关于2023年度法治政府建设情况的报告[R/OL]．2024-02-28．" + URL)


def test_gbt7714_2015_exact_with_reader_access_date(seed_report):
    c = _section_citation(seed_report)
    assert citations.gbt7714_2015(c, "2026-11-24") == (
        "张家港市人民政府. 张家港市人民政府关于2023年度法治政府建设情况的报告[R/OL]. "
        "(2024-02-28)[2026-11-24]. " + URL + ".")
    # built pages leave the access date to the browser
    assert citations.ACCESS_DATE in citations.gbt7714_2015(c)


def test_traditional_citation(seed_report):
    c = _section_citation(seed_report, "zh-Hant")
    assert citations.gbt7714_2025(c).startswith("張家港市人民政府．張家港市人民政府關於2023年度")
    assert c.url == "https://example.org/lawreport/zh-hant/zjg-2023/2-5-3/index.html"


def test_bibtex_exact(seed_report):
    assert citations.bibtex(_section_citation(seed_report)) == (
        "@techreport{zjg-2023:2-5-3,\n"
        "  author = {{张家港市人民政府}},\n"
        "  title = {张家港市人民政府关于2023年度法治政府建设情况的报告},\n"
        "  institution = {张家港市人民政府},\n"
        "  type = {法治政府建设情况报告},\n"
        "  year = {2024},\n"
        "  date = {2024-02-28},\n"
        f"  url = {{{URL}}},\n"
        "  note = {二、（五）3.深化人民调解工作},\n"
        "  langid = {chinese}\n"
        "}")


def test_bibtex_escapes_tex_specials():
    c = CitationData("k", "A&B_C", "50%", "", None, "zh-Hans")
    out = citations.bibtex(c)
    assert r"A\&B\_C" in out and r"50\%" in out


def test_csl_json(seed_report):
    import json

    [item] = json.loads(citations.csl_json(_section_citation(seed_report)))
    assert item == {
        "id": "zjg-2023:2-5-3", "type": "report",
        "title": "张家港市人民政府关于2023年度法治政府建设情况的报告",
        "author": [{"literal": "张家港市人民政府"}], "publisher": "张家港市人民政府",
        "genre": "法治政府建设情况报告", "language": "zh-Hans",
        "issued": {"date-parts": [[2024, 2, 28]]}, "URL": URL,
        "section": "二、（五）3.深化人民调解工作"}


def test_no_url_without_base_url(seed_report):
    view = report_view(seed_report, "zh-Hans")
    c = view.citation(None, view.sections[0])
    assert c.url is None
    assert "http" not in citations.gbt7714_2025(c)


def test_section_page_has_zotero_meta_and_cite_panel(site_with_base):
    html = (site_with_base / "zjg-2023/2-5-3/index.html").read_text(encoding="utf-8")
    assert '<meta name="citation_technical_report_institution" content="张家港市人民政府">' in html
    assert '<meta name="citation_author" content="张家港市人民政府">' in html
    assert '<meta name="citation_date" content="2024/02/28">' in html
    assert f'<meta name="citation_public_url" content="{URL}">' in html
    assert f'<link rel="canonical" href="{URL}">' in html
    assert "[R/OL]．2024-02-28．" + URL in html
    assert "@techreport{zjg-2023:2-5-3," in html


def test_without_base_url_no_canonical(site):
    html = (site / "zjg-2023/2-5-3/index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in html
    assert "citation_public_url" not in html
    assert 'data-resolve="index.html"' in html  # the browser shows the address being read
