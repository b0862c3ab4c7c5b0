"""Editor's notes and editorial pages are Markdown made safe (issue 12, defect 3).

On the code before the fix ``javascript:`` links in any spelling (upper case, entity-encoded,
reference-style) reached the HTML and ran when clicked, images from other hosts were requested by
the page, and a note that is a symlink to /etc/passwd was published.  Now links keep only http,
https, mailto and relative URLs (nh3 judges them after decoding entities), an outside image becomes
a plain link to it, and notes and pages are read only as regular files inside content/.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import lxml.html
import pytest

from badinput.buildcase import SEED, error_line, make_project, run_build

ATTACKS = """编者按：以下链接与图片用于检验。

1. [js](javascript:alert(1))
2. [JS](JaVaScRiPt:alert(1))
3. [entity](&#106;avascript:alert(1))
4. [hex](&#x6A;avascript&colon;alert(1))
5. [reference][r]
6. [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
7. [vb](vbscript:msgbox(1))
8. <javascript:alert(1)>
9. <https://www.gov.cn/autolink>
10. <a href="javascript:alert(1)">raw-link</a> <img src="https://evil.example/raw.png"> <script>alert(1)</script>
11. <p onclick="alert(1)">onclick</p>
12. ![outside](https://evil.example/track.png)
13. ![protocol-relative](//evil.example/p.png)
14. ![data-image](data:image/png;base64,iVBORw0KGgo=)
15. ![entity-image](&#104;ttps://evil.example/e.png)
16. ![tab-image](ht&#x09;tps://evil.example/t.png)
17. ![inside](../../static/logo.png)
18. [政府网站](https://www.gov.cn/) [信箱](mailto:editor@example.org) [全文](../full-text/index.html)

[r]: javascript:alert(1)
"""
SAFE_SCHEMES = {"", "http", "https", "mailto"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data")


def _scheme(url: str) -> str:
    url = re.sub(r"[\t\n\r]", "", html.unescape(url)).strip("".join(map(chr, range(0x21))))
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return m.group(1).lower() if m else ""


def _outside(url: str) -> bool:
    url = url.strip()
    return bool(_scheme(url)) or url.replace("\\", "/").startswith("//")


@pytest.fixture(scope="module")
def attacked_site(tmp_path_factory):
    """One build with the attacks in a note (on section 2-1) and in an editorial page."""
    project = make_project(tmp_path_factory.mktemp("markdown"))
    notes = project.content / "reports" / SEED / "notes"
    notes.mkdir(exist_ok=True)
    (notes / "2-1.md").write_text(ATTACKS, encoding="utf-8")
    (project.content / "pages" / "checks.md").write_text("# 检验\n\n" + ATTACKS, encoding="utf-8")
    code, out, err = run_build(project)
    assert code == 0, err
    return project.site


def _fragments(site: Path):
    """The note on the section page and the body of the editorial page, in both scripts."""
    for prefix in ("", "zh-hant/"):
        page = lxml.html.fromstring((site / f"{prefix}{SEED}/2-1/index.html").read_bytes())
        [note] = page.find_class("editor-note")
        yield f"{prefix}note", note
        page = lxml.html.fromstring((site / f"{prefix}pages/checks/index.html").read_bytes())
        [body] = page.find_class("prose")  # the page's text, without the site's own frame
        yield f"{prefix}page", body


def test_no_unsafe_url_survives(attacked_site):
    for where, fragment in _fragments(attacked_site):
        for element in fragment.iter():
            for name in URL_ATTRIBUTES:
                value = element.get(name)
                if value is not None:
                    assert _scheme(value) in SAFE_SCHEMES, f"{where}: <{element.tag} {name}={value!r}>"
            assert not [a for a in element.attrib if a.lower().startswith("on")], f"{where}: {element.tag}"
            assert element.tag not in ("script", "iframe", "object", "embed", "style"), where


def test_outside_images_become_links(attacked_site):
    for where, fragment in _fragments(attacked_site):
        images = [img.get("src") for img in fragment.iter("img")]
        assert images == ["../../static/logo.png"], (where, images)  # the one image inside the site
        assert not [src for src in images if _outside(src)]
        links = {a.text_content(): a.get("href") for a in fragment.iter("a")}
        assert links["outside"] == "https://evil.example/track.png"
        assert links["protocol-relative"] == "//evil.example/p.png"
        assert links["entity-image"] == "https://evil.example/e.png"
        assert links["data-image"] is None  # a link, but data: is not a URL we keep


def test_text_is_kept_and_raw_html_shown_as_text(attacked_site):
    for where, fragment in _fragments(attacked_site):
        text = fragment.text_content()
        for word in ("js", "JS", "entity", "hex", "reference", "data", "vb", "政府网站" if "hant" not in where
                     else "政府網站"):
            assert word in text, (where, word)
        # raw HTML is Markdown text: shown, never made into elements
        assert '<a href="javascript:alert(1)">raw-link</a>' in text
        assert "<script>alert(1)</script>" in text and '<p onclick="alert(1)">' in text


def test_outside_links_keep_rel_and_safe_links_work(attacked_site):
    for where, fragment in _fragments(attacked_site):
        links = {a.text_content(): a for a in fragment.iter("a")}
        assert links["https://www.gov.cn/autolink"].get("href") == "https://www.gov.cn/autolink"
        gov = next(a for a in fragment.iter("a") if a.get("href") == "https://www.gov.cn/")
        assert gov.get("rel") == "noopener noreferrer"
        assert links["信箱"].get("href") == "mailto:editor@example.org"
        assert links["全文"].get("href") == "../full-text/index.html"
        for name in ("js", "JS", "entity", "hex", "reference", "data", "vb"):
            assert links[name].get("href") is None, (where, name)


def test_no_page_of_the_site_requests_anything_outside(attacked_site):
    for path in attacked_site.rglob("*.html"):
        page = lxml.html.fromstring(path.read_bytes())
        for element in page.iter("img", "script", "iframe", "link", "source", "video", "audio"):
            for name in ("src", "href"):
                value = element.get(name)
                if value and (element.tag != "link" or element.get("rel") in ("stylesheet", "icon",
                                                                             "preload", "modulepreload")):
                    assert not _outside(value), f"{path}: <{element.tag} {name}={value!r}>"


@pytest.mark.parametrize("markdown, expected", [
    ("[a](javascript:alert(1))", '<p><a rel="noopener noreferrer">a</a></p>'),
    ("[a](&#106;avascript:alert(1))", '<p><a rel="noopener noreferrer">a</a></p>'),
    ("[a](vbscript:x)", '<p><a rel="noopener noreferrer">a</a></p>'),
    ("<a@example.org>", '<p><a href="mailto:a@example.org" rel="noopener noreferrer">a@example.org</a></p>'),
    ("![logo](img/logo.png)", '<p><img alt="logo" src="img/logo.png"></p>'),
    ("![x](/\\evil.example/a.png)", '<p><a href="/\\evil.example/a.png" rel="noopener noreferrer">x</a></p>'),
    ("![](https://evil.example/a.png)",
     '<p><a href="https://evil.example/a.png" rel="noopener noreferrer">https://evil.example/a.png</a></p>'),
    ("| a | b |\n|:--|--:|\n| 1 | 2 |", '<th style="text-align:left">a</th>'),
])
def test_to_html_table(markdown, expected):
    from lawreport.site.markdown_text import to_html

    assert expected in str(to_html(markdown))


# -- where notes and pages may come from -----------------------------------------------------

def _link(path: Path, target: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, path)
    return path


def test_note_linked_outside_content_is_refused(tmp_path):
    project = make_project(tmp_path)
    note = _link(project.content / "reports" / SEED / "notes" / "2-1.md", Path("/etc/passwd"))
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == (f"{note}: error: refused: this note is a link to /etc/passwd, outside "
                               f"the content folder {project.content.resolve()}; copy the file in instead")
    assert not project.site.exists()


def test_notes_folder_linked_outside_content_is_refused(tmp_path):
    project = make_project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "2-1.md").write_text("不在内容目录中的文字\n", encoding="utf-8")
    _link(project.content / "reports" / SEED / "notes", elsewhere)
    code, _, err = run_build(project)
    assert code == 1
    note = project.content / "reports" / SEED / "notes" / "2-1.md"
    assert error_line(err) == (f"{note}: error: refused: this note is a link to "
                               f"{(elsewhere / '2-1.md').resolve()}, outside the content folder "
                               f"{project.content.resolve()}; copy the file in instead")


def test_page_linked_outside_content_is_refused(tmp_path):
    project = make_project(tmp_path)
    page = _link(project.content / "pages" / "passwd.md", Path("/etc/passwd"))
    code, _, err = run_build(project)
    assert code == 1
    assert error_line(err) == (f"{page}: error: refused: this page is a link to /etc/passwd, outside "
                               f"the content folder {project.content.resolve()}; copy the file in instead")


def test_note_linked_inside_content_is_read(tmp_path):
    project = make_project(tmp_path)
    shared = project.content / "reports" / SEED / "shared-note.txt"
    shared.write_text("两节共用的编者按。\n", encoding="utf-8")
    _link(project.content / "reports" / SEED / "notes" / "2-1.md", Path("../shared-note.txt"))
    code, _, err = run_build(project)
    assert code == 0, err
    assert "两节共用的编者按" in (project.site / SEED / "2-1" / "index.html").read_text(encoding="utf-8")
