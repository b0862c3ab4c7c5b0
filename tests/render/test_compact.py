"""Pages are written without the templates' indentation (site/pages.py ``compact_html``): the
text a reader sees and copies stays the same, <pre> records keep their layout."""

from lxml import html as lxml_html

from lawreport.site.pages import compact_html

PAGE = """<!DOCTYPE html>
<html><body>
  <nav>
    <ol>
      <li><a href="a">首页</a></li>   <li>二、
          主要举措</li>
    </ol>
  </nav>

  <p>\u3000\u3000全角缩进的一段\u00a0和不换行空格</p>
  <pre id="cite-bibtex">@report{x,
  author = {{张家港市人民政府}},
    title = {t}
}</pre>
  <pre id="cite-ris">TY  - RPRT
ER  - 
</pre>
  <script>
    var a = "  kept  ";
  </script>
</body></html>
"""


def _seen(html: str) -> str:
    return " ".join(lxml_html.fromstring(html).text_content().split())


def test_indentation_goes_and_the_text_stays():
    out = compact_html(PAGE)
    assert len(out) < len(PAGE)
    assert "\n  " not in out.split("<pre")[0] and "\n\n" not in out
    assert _seen(out) == _seen(PAGE)
    assert "\u3000\u3000全角缩进的一段\u00a0和不换行空格" in out  # not ASCII white space: kept


def test_pre_and_script_are_kept_as_written():
    out = compact_html(PAGE)
    for tag in ("pre", "script"):
        before = [e.text_content() for e in lxml_html.fromstring(PAGE).iter(tag)]
        after = [e.text_content() for e in lxml_html.fromstring(out).iter(tag)]
        assert before == after and before
    assert "ER  - \n</pre>" in out  # RIS's closing tag keeps its space


def test_the_built_pages_are_compact(site):
    page = (site / "zjg-2023" / "2-1-1" / "index.html").read_text(encoding="utf-8")
    outside_pre = "".join(part.split("</pre>")[-1] for part in page.split("<pre"))
    assert "\n " not in outside_pre and "  \n" not in outside_pre
