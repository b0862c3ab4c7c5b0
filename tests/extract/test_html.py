"""Web pages in the shapes government sites publish reports in: the report comes out whole, with
its sections and metadata, and none of the page's chrome."""

from __future__ import annotations

import pytest
from helpers import check_same_report, outline, plain_report
from measure import TEXTS, title_and_text
from pages import SHAPES, open_government

from lawreport.content import store
from lawreport.extract import extract, sniff


@pytest.mark.parametrize("text_name", list(TEXTS))
@pytest.mark.parametrize("shape", list(SHAPES))
def test_page_gives_the_wrapped_report(run_cli, tmp_path, shape, text_name):
    title, text = title_and_text(text_name)
    data, chrome = SHAPES[shape](title, text)
    path = tmp_path / "page.htm"
    path.write_bytes(data)
    assert sniff(data) == "html"
    report = check_same_report(run_cli, path, text, chrome, tmp_path, page_title=title)
    assert report.provenance["form"] == "html" and report.provenance["file"] == "page.htm"


def test_gbk_page_without_a_charset_is_read():
    title, text = title_and_text("liyang")
    data, _ = SHAPES["old_table"](title, text)
    assert b"charset" not in data.lower()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = extract(data, "page")
    assert result.encoding == "gb18030" and "严格规范公正文明执法" in result.text


def test_chrome_the_extractor_dropped_is_listed():
    title, text = title_and_text("liyang")
    data, chrome = SHAPES["trs_editor"](title, text)
    dropped = "\n".join(extract(data, "page").dropped_chrome)
    for item in ("网站标识码：3205820001", "苏ICP备05018752号-1", "相关文章", "当前位置"):
        assert item in dropped


def test_metadata_table_fills_what_the_text_lacks(run_cli, tmp_path):
    _, text = title_and_text("liyang")
    lines = text.strip().split("\n")
    body = "\n".join(lines[1:-2])  # no title line, no signature
    data, _ = open_government("溧阳市人民政府关于2023年度法治政府建设情况的报告", body,
                              issuer="溧阳市人民政府", date="2024-03-15")
    path = tmp_path / "xxgk.html"
    path.write_bytes(data)
    out = tmp_path / "r.yaml"
    code, _, err = run_cli("parse", path, "-o", out)
    assert code == 0, err
    report = store.load(out, "x")
    assert report.issuer == "溧阳市人民政府" and report.date == "2024-03-15"
    assert report.title == "溧阳市人民政府关于2023年度法治政府建设情况的报告"
    assert report.provenance["page"]["issuer"] == "溧阳市人民政府"
    assert "发布机构" in err and "成文日期" in err  # the notes say where the values came from
    assert outline(report.sections) == outline(plain_report(text).sections)


def test_text_gives_what_the_page_says_over_the_metadata(run_cli, tmp_path):
    title, text = title_and_text("liyang")
    data, _ = open_government(title, text, issuer="溧阳市司法局", date="2023-12-01")
    path = tmp_path / "p.html"
    path.write_bytes(data)
    code, _, _ = run_cli("parse", path, "-o", tmp_path / "r.yaml")
    report = store.load(tmp_path / "r.yaml", "x")
    assert code == 0 and (report.issuer, report.date) == ("溧阳市人民政府", "2024-03-15")


@pytest.mark.parametrize("page", [
    "<html><head><title>政务公开</title></head><body><ul><li><a href='/1'>通知公告</a></li>"
    "<li><a href='/2'>政策文件</a></li></ul><div class='footer'>主办单位：某市人民政府 网站标识码：3205820001</div>"
    "</body></html>",
    "<!DOCTYPE html><html><body><div id='zoom'>页面不存在或已删除。</div></body></html>",
])
def test_page_without_an_article_is_one_error_line(run_cli, tmp_path, page):
    path = tmp_path / "empty.html"
    path.write_bytes(page.encode("utf-8"))
    code, out, err = run_cli("parse", path)
    assert code == 1 and out == ""
    lines = err.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith(f"{path}: error: no article in this web page"), err
