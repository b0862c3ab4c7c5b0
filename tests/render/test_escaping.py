from conftest import copy_content, run_build, SEED_ID
from lawreport.content import store

PAYLOAD = "<script>alert(1)</script>"


def test_content_html_is_escaped_everywhere(tmp_path):
    content = copy_content(tmp_path)
    path = content / "reports" / SEED_ID / "report.yaml"
    report = store.load(path)
    section = report.find("2-5-3")
    section.text = f"开头{PAYLOAD}结尾\n" + section.text
    section.title = f"标题{PAYLOAD}"
    report.issuer = f'机关"{PAYLOAD}'
    store.write(report, path)
    site = run_build(content, tmp_path / "site")
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
    html = (site / f"{SEED_ID}/2-5-3/index.html").read_text(encoding="utf-8")
    assert "开头&lt;script&gt;alert(1)&lt;/script&gt;结尾" in html
    assert 'content="机关&#34;&lt;script&gt;' in html  # attribute values too
