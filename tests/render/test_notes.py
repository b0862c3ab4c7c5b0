import pytest

from conftest import copy_content, run_build, SEED_ID
from lawreport.core.errors import LawreportError
from lawreport.site.markdown_text import to_html


def test_note_attached_to_its_section(tmp_path):
    content = copy_content(tmp_path)
    notes = content / "reports" / SEED_ID / "notes"
    notes.mkdir()
    (notes / "2-5-3.md").write_text("调解数据与**上年**相比有所增加。\n", encoding="utf-8")
    site = run_build(content, tmp_path / "site")
    page = (site / f"{SEED_ID}/2-5-3/index.html").read_text(encoding="utf-8")
    assert 'class="editor-note"' in page and "<strong>上年</strong>" in page
    # Traditional page: the note converted too
    hant = (site / f"zh-hant/{SEED_ID}/2-5-3/index.html").read_text(encoding="utf-8")
    assert "調解數據與<strong>上年</strong>相比有所增加" in hant
    # the full text shows it under that section only
    full = (site / f"{SEED_ID}/full-text/index.html").read_text(encoding="utf-8")
    assert full.count('class="editor-note"') == 1
    assert full.index("调解数据与") > full.index('id="2-5-3"')
    assert full.index("调解数据与") < full.index('id="2-6"')
    other = (site / f"{SEED_ID}/2-5-2/index.html").read_text(encoding="utf-8")
    assert 'class="editor-note"' not in other


def test_note_for_missing_section_fails_and_keeps_old_site(tmp_path):
    content = copy_content(tmp_path)
    site = run_build(content, tmp_path / "site")
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    notes = content / "reports" / SEED_ID / "notes"
    notes.mkdir()
    bad = notes / "9-9-9.md"
    bad.write_text("说明\n", encoding="utf-8")
    with pytest.raises(LawreportError) as err:
        run_build(content, site)
    assert err.value.path == str(bad)
    assert "9-9-9" in str(err.value) and str(bad) in str(err.value)
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".site.building-*"))  # no half-built folder left behind


def test_note_markdown_cannot_inject_html():
    html = str(to_html("注意<script>alert(1)</script>\n\n<div onclick=x>块</div>"))
    assert "<script>" not in html and "<div" not in html
    assert "&lt;script&gt;" in html
