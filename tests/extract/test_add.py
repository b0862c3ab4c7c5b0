"""`lawreport add`: files and URLs (served on 127.0.0.1) become report folders that build."""

from __future__ import annotations

import http.server
import socket
import threading
from pathlib import Path

import pytest
from documents import make_pdf
from measure import title_and_text
from pages import SHAPES

from lawreport.content import store
from lawreport.build.add import default_id
from lawreport.extract.fetch import user_agent


@pytest.fixture
def server():
    """A local web server: path -> (bytes, content type); it records the requests' User-Agent."""
    routes: dict[str, tuple[bytes, str]] = {}
    agents: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            agents.append(self.headers.get("User-Agent", ""))
            if self.path not in routes:
                self.send_error(404)
                return
            body, kind = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", routes, agents
    httpd.shutdown()
    httpd.server_close()


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    return content


def test_add_a_file_then_build(run_cli, tmp_path):
    title, text = title_and_text("liyang")
    page = tmp_path / "page.html"
    page.write_bytes(SHAPES["hanweb_zoom"](title, text)[0])
    content = _content(tmp_path)
    code, out, err = run_cli("add", page, "--content", content)
    assert code == 0, err
    folder = content / "reports" / "liyang-2023"
    assert out.strip() == f"added {folder}"
    assert sorted(p.name for p in folder.iterdir()) == [
        "extracted-chrome.txt", "original.html", "report.yaml", "source.txt"]
    assert (folder / "original.html").read_bytes() == page.read_bytes()
    report = store.load(folder / "report.yaml")
    prov = report.provenance
    assert prov["file"] == "page.html" and prov["form"] == "html" and prov["encoding"] == "gb18030"
    assert prov["extractor"] == "lawreport-container:zoom" and prov["extractor_version"]
    assert len(prov["sha256"]) == 64 and prov["retrieved"].endswith("Z")
    assert "网站标识码：3205820001" in (folder / "extracted-chrome.txt").read_text(encoding="utf-8")
    assert not [p for p in (content / "reports").iterdir() if p.name.startswith(".")]  # no temp left
    code, _, err = run_cli("build", "--content", content, "--out", tmp_path / "site")
    assert code == 0, err
    assert (tmp_path / "site" / "liyang-2023" / "index.html").is_file()


def test_same_original_twice_is_refused_and_same_issuer_year_warned(run_cli, tmp_path):
    title, text = title_and_text("liyang")
    content = _content(tmp_path)
    page = tmp_path / "a.html"
    page.write_bytes(SHAPES["trs_editor"](title, text)[0])
    assert run_cli("add", page, "--content", content)[0] == 0
    code, _, err = run_cli("add", page, "--content", content)
    assert code == 1 and err.strip() == (f"{page}: error: already added: content/reports/liyang-2023/ "
                                         "holds the same original (same sha256)")
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(make_pdf(text))
    code, out, err = run_cli("add", pdf, "--content", content, "-q")
    assert code == 0 and "liyang-2023-2" in out
    assert f"{pdf}: warning: content/reports/liyang-2023/ is also 溧阳市人民政府's report for 2023" in err
    assert (content / "reports" / "liyang-2023-2" / "original.pdf").read_bytes() == pdf.read_bytes()


def test_add_with_id_and_a_plain_text(run_cli, tmp_path):
    _, text = title_and_text("qingpu")
    source = tmp_path / "qingpu.txt"
    source.write_text(text, encoding="utf-8")
    content = _content(tmp_path)
    code, _, err = run_cli("add", source, "--id", "qingpu-district-2022", "--content", content)
    assert code == 0, err
    folder = content / "reports" / "qingpu-district-2022"
    assert sorted(p.name for p in folder.iterdir()) == ["report.yaml", "source.txt"]
    assert (folder / "source.txt").read_bytes() == source.read_bytes()  # the text is the original
    assert store.load(folder / "report.yaml").provenance["form"] == "text"
    code, _, err = run_cli("add", source, "a.txt", "--id", "x", "--content", content)
    assert code == 2 and "--id names one report" in err


def test_add_a_url_then_build(run_cli, tmp_path, server):
    base, routes, agents = server
    title, text = title_and_text("qingpu")
    html = SHAPES["open_government"](title, text)[0].decode("utf-8")
    # served as GBK and declared only in the HTTP header (the page's own meta tag is removed)
    routes["/art/2023/2/28/art_1.html"] = (html.replace('<meta charset="utf-8">', "").encode("gb18030"),
                                          "text/html; charset=GBK")
    content = _content(tmp_path)
    url = f"{base}/art/2023/2/28/art_1.html"
    code, out, err = run_cli("add", url, "--content", content, "-q")
    assert code == 0, err
    folder = content / "reports" / "qingpu-2022"
    report = store.load(folder / "report.yaml")
    assert report.provenance["url"] == url and report.provenance["encoding"] == "gb18030"
    assert report.issuer == "上海市青浦区人民政府" and report.sections[0].title.startswith("党政主要负责人")
    assert agents == [user_agent()] and user_agent().startswith("lawreport/")
    assert run_cli("build", "--content", content, "--out", tmp_path / "site")[0] == 0


def test_unreachable_url_is_one_error_line_and_leaves_nothing(run_cli, tmp_path):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    content = _content(tmp_path)
    url = f"http://127.0.0.1:{port}/report.html"
    code, out, err = run_cli("add", url, "--content", content)
    assert code == 1 and out == ""
    lines = err.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith(f"{url}: error: cannot fetch: "), err
    assert not any((content / "reports").iterdir())


def test_missing_page_is_one_error_line(run_cli, tmp_path, server):
    base, _, _ = server
    code, _, err = run_cli("parse", f"{base}/nope.html")
    assert code == 1 and err.strip() == f"{base}/nope.html: error: cannot fetch: HTTP 404 Not Found"


def test_a_parse_failure_leaves_no_folder(run_cli, tmp_path):
    content = _content(tmp_path)
    page = tmp_path / "empty.html"
    page.write_bytes("<html><body><ul><li><a>首页</a></li><li><a>政务公开</a></li></ul></body></html>".encode())
    code, _, err = run_cli("add", page, "--content", content)
    assert code == 1 and "no article" in err
    assert list((content / "reports").iterdir()) == []


@pytest.mark.parametrize("issuer, year, expected", [
    ("张家港市人民政府", 2023, "zhangjiagang-2023"),
    ("張家港市人民政府", 2023, "zhangjiagang-2023"),
    ("上海市青浦区人民政府", 2022, "qingpu-2022"),
    ("北京市朝阳区人民政府", 2024, "chaoyang-2024"),
    ("中共嘉善县委 嘉善县人民政府", 2022, "jiashan-2022"),
    ("重庆市璧山区大兴镇人民政府", 2023, "daxing-2023"),
    ("", 2023, "report-2023"),
])
def test_ids_from_the_issuers_place_and_year(issuer, year, expected):
    assert default_id(issuer, year) == expected
