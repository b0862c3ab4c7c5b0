"""data/corpus.sqlite: byte-identical rebuilds, foreign keys, FTS5 on Chinese words, Datasette."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from lawreport.analyse.textnorm import matching_copy
from lawreport.build.run import build

from .conftest import REPO, make_content


def _db(site: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{site / 'data' / 'corpus.sqlite'}?mode=ro", uri=True)


def test_fts5_finds_chinese_words(across_site):
    db = _db(across_site)
    hits = db.execute("SELECT report_id, section_id FROM sections_fts WHERE sections_fts MATCH ? "
                      "ORDER BY report_id, section_id", ("行政复议",)).fetchall()
    assert ("wujiang-2022", "1-1") in hits and ("kunshan-2023", "1-1") in hits
    # every hit's section really holds the word (in Simplified: zjg-2023 is Traditional), and every
    # section holding it is a hit
    holding = {(r, s) for r, s, text, title in db.execute("SELECT report_id, id, text, title FROM sections")
               if "行政复议" in matching_copy(text + title)}
    assert set(hits) == holding
    # a phrase query of two words
    assert db.execute("SELECT count(*) FROM sections_fts WHERE sections_fts MATCH '\"公平竞争 审查\"'").fetchone()[0] >= 2


def test_tables_and_foreign_keys(across_site, across_reports):
    db = _db(across_site)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert [r[0] for r in db.execute("SELECT id FROM reports ORDER BY id")] == sorted(across_reports)
    assert db.execute("SELECT issuer_id FROM reports WHERE id='wujiang-2023'").fetchone() == ("wujiang-qu",)
    sections = sum(1 for r in across_reports.values() for _ in r.walk())
    assert db.execute("SELECT count(*) FROM sections").fetchone()[0] == sections
    assert db.execute("SELECT value FROM figures WHERE report_id='wujiang-2022' AND indicator="
                      "'xingzheng-fuyi-shouan'").fetchall() == [(301,)]
    assert db.execute("SELECT count(DISTINCT report_id) FROM citations JOIN documents ON documents.id ="
                      " citations.document_id WHERE documents.key = '法治政府建设实施纲要(2021-2025年)'"
                      ).fetchone()[0] >= 5
    provenance = json.loads(db.execute("SELECT provenance FROM reports WHERE id='kunshan-2023'").fetchone()[0])
    assert provenance["file"] == "source.txt" and len(provenance["sha256"]) == 64


def test_two_builds_give_identical_bytes(across_site, tmp_path):
    other = tmp_path / "site"
    build(make_content(tmp_path), other, templates_dir=REPO / "templates", log=lambda m: None, clean=True)
    for name in ("corpus.sqlite", "indicators.csv"):
        assert (other / "data" / name).read_bytes() == (across_site / "data" / name).read_bytes(), name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read().decode("utf-8"))


def test_datasette_json_api(across_site, tmp_path):
    pytest.importorskip("datasette")
    port = _free_port()
    log = (tmp_path / "datasette.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(across_site / "data" / "corpus.sqlite"),
                             "-h", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start: {(tmp_path / 'datasette.log').read_text()}")
                time.sleep(0.2)
        found = _get(f"{base}/corpus/sections_fts.json?_shape=array&_search="
                     + urllib.parse.quote("出庭应诉"))
        assert {"wujiang-2021", "kunshan-2023", "taicang-2023"} <= {row["report_id"] for row in found}
        sql = ("SELECT reports.issuer_id, reports.year, figures.value FROM figures JOIN reports ON "
               "reports.id = figures.report_id WHERE figures.indicator = 'xingzheng-fuyi-jiucuolv' "
               "ORDER BY reports.issuer_id, reports.year")
        rows = _get(f"{base}/corpus.json?_shape=array&sql=" + urllib.parse.quote(sql))
        assert [(r["issuer_id"], r["year"], r["value"]) for r in rows if r["issuer_id"] == "wujiang-qu"] == [
            ("wujiang-qu", 2021, 9.8), ("wujiang-qu", 2022, 11.2), ("wujiang-qu", 2023, 12.5)]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
